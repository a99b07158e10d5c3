/**
 * Business calendars: create, read and change them. Editing one moves the due times of open tickets
 * under it; that sits above, in `ticket/ticket-recompute.service.ts`, which calls `changeCalendar`.
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import type { ServiceDeps } from '../service-deps.js';
import type { BusinessCalendar } from './business-time.js';
import type { Calendar, CalendarInput, CalendarList, CalendarPatch } from './calendar.contract.js';
import { calendarNotFound } from './calendar.errors.js';
import * as repo from './calendar.repository.js';

/** A stored calendar in its public shape. */
function toCalendar(row: repo.CalendarRow): Calendar {
  return {
    id: row.id,
    name: row.name,
    timeZone: row.timeZone,
    hours: row.hours,
    holidays: row.holidays,
    workdays: row.workdays,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the clock functions need of a calendar. */
export type ClockCalendar = BusinessCalendar & { id: string };

const toClockCalendar = (row: repo.CalendarRow): ClockCalendar => ({
  id: row.id,
  timeZone: row.timeZone,
  hours: row.hours,
  holidays: row.holidays,
  workdays: row.workdays,
});

/** Creates a calendar. */
export async function createCalendar(
  deps: ServiceDeps,
  actor: Actor,
  input: CalendarInput,
): Promise<Calendar> {
  requirePermission(actor, 'service.settings');
  const now = deps.clock.now();
  const row = await repo.insertCalendar(deps.db, {
    tenantId: actor.tenantId,
    id: newId(),
    name: input.name,
    timeZone: input.timeZone,
    hours: input.hours,
    holidays: input.holidays,
    workdays: input.workdays,
    createdAt: now,
    updatedAt: now,
  });
  return toCalendar(row);
}

/** The tenant's calendars. */
export async function listCalendars(deps: ServiceDeps, actor: Actor): Promise<CalendarList> {
  requirePermission(actor, 'tickets.read');
  return { items: (await repo.listCalendars(deps.db, actor.tenantId)).map(toCalendar) };
}

/** One calendar; 404 when the tenant has none with this id. */
export async function getCalendar(deps: ServiceDeps, actor: Actor, id: string): Promise<Calendar> {
  requirePermission(actor, 'tickets.read');
  const row = await repo.findCalendar(deps.db, actor.tenantId, id);
  if (!row) throw calendarNotFound(id);
  return toCalendar(row);
}

/** The calendar a clock runs on, or undefined when the tenant has none with this id. */
export async function findClockCalendar(
  db: Db,
  tenantId: string,
  id: string,
): Promise<ClockCalendar | undefined> {
  const row = await repo.findCalendar(db, tenantId, id);
  return row && toClockCalendar(row);
}

/**
 * Replaces (`PUT`, a whole input) or changes (`PATCH`) a calendar on `db`, the caller's transaction;
 * answers the stored calendar and its clock form.
 */
export async function changeCalendar(
  db: Db,
  actor: Actor,
  id: string,
  changes: CalendarInput | CalendarPatch,
  at: Date,
): Promise<{ calendar: Calendar; clock: ClockCalendar }> {
  requirePermission(actor, 'service.settings');
  const row = await repo.updateCalendar(db, actor.tenantId, id, { ...changes, updatedAt: at });
  if (!row) throw calendarNotFound(id);
  return { calendar: toCalendar(row), clock: toClockCalendar(row) };
}
