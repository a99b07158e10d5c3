/**
 * The calendar feed (日历订阅): each user has a secret address that calendar applications subscribe to,
 * an RFC 5545 iCalendar file with one VEVENT per open task (meetings and visits as the time blocks
 * they are, calls, messages and to-dos as short reminders), each with a stable UID so an update moves
 * the entry instead of copying it. Rotating the address makes the old one answer 404.
 */
import { randomBytes } from 'node:crypto';
import ical, { ICalCalendarMethod } from 'ical-generator';
import type { Actor } from '../../../platform/auth/actor.js';
import type { CrmDeps } from '../crm-deps.js';
import type { CalendarLink, Task } from './task.contract.js';
import { calendarNotFound, taskInvalid } from './task.errors.js';
import * as repo from './task.repository.js';
import { openTasksOf } from './task.service.js';

/** The feed's path; the token is the only credential. */
export const CALENDAR_PATH = '/api/calendar';

/** How long each kind of task blocks in the calendar. */
const MINUTES: Record<Task['kind'], number> = { meeting: 60, visit: 90, call: 15, message: 15, todo: 15 };

const newToken = (): string => randomBytes(24).toString('base64url');

function requireUser(actor: Actor): string {
  if (!actor.userId) throw taskInvalid([{ path: 'user', message: 'a calendar belongs to a signed-in user' }]);
  return actor.userId;
}

const linkOf = (origin: string, tenantId: string, token: string): CalendarLink => ({
  url: `${origin}${CALENDAR_PATH}/${tenantId}/${token}.ics`,
});

/** The user's feed address, made on first use. */
export async function getCalendarLink(deps: CrmDeps, actor: Actor, origin: string): Promise<CalendarLink> {
  const userId = requireUser(actor);
  const existing = await repo.findCalendarFeed(deps.db, actor.tenantId, userId);
  if (existing) return linkOf(origin, actor.tenantId, existing.token);
  const row = { tenantId: actor.tenantId, userId, token: newToken(), createdAt: deps.clock.now() };
  return linkOf(origin, actor.tenantId, await repo.upsertCalendarFeed(deps.db, row, false));
}

/** A new feed address; the old one stops working at once. */
export async function rotateCalendarLink(deps: CrmDeps, actor: Actor, origin: string): Promise<CalendarLink> {
  const userId = requireUser(actor);
  const row = { tenantId: actor.tenantId, userId, token: newToken(), createdAt: deps.clock.now() };
  return linkOf(origin, actor.tenantId, await repo.upsertCalendarFeed(deps.db, row, true));
}

/** The iCalendar text of the tenant's feed `file` (`<token>.ics`); 404 for an unknown or rotated token. */
export async function renderCalendar(
  deps: CrmDeps,
  feed: { tenantId: string; file: string },
): Promise<string> {
  const { tenantId, file } = feed;
  const token = file.endsWith('.ics') ? file.slice(0, -'.ics'.length) : file;
  const owner = /^[A-Za-z0-9_-]{16,64}$/.test(token)
    ? await repo.findCalendarOwner(deps.db, tenantId, token)
    : undefined;
  if (!owner) throw calendarNotFound();
  const calendar = ical({
    name: 'Kehu',
    prodId: { company: 'Kehu', product: 'tasks' },
    method: ICalCalendarMethod.PUBLISH,
  });
  calendar.ttl(15 * 60);
  for (const task of await openTasksOf(deps, owner.tenantId, owner.userId)) {
    const start = new Date(task.dueAt);
    calendar.createEvent({
      id: `task-${task.id}@kehu`,
      start,
      end: new Date(start.getTime() + MINUTES[task.kind] * 60_000),
      stamp: new Date(task.createdAt),
      summary: task.title,
      description: task.note ?? undefined,
      categories: [{ name: task.kind.toUpperCase() }],
    });
  }
  return calendar.toString();
}
