/**
 * Tickets (工单): open, read and list them with their SLA clocks. Who sees a ticket: scope `all`
 * (admins, service agents) every ticket; other scopes the tickets of the customers the CRM shows them
 * (own, team, pool) and those they opened. Replies, status changes and edits are in
 * `ticket-work.service.ts`; recomputing after a calendar or policy edit in `ticket-recompute.service.ts`.
 */
import { crmLink } from '../../crm/index.js';
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { publishDomainEvent } from '../../../platform/events/domain-event.js';
import { newId } from '../../../platform/ids.js';
import { decodeTimeCursor, encodeTimeCursor } from '../../../platform/time-cursor.js';
import type { ServiceDeps } from '../service-deps.js';
import { findClockPolicy, targetOf, type ClockPolicy } from '../sla/sla.service.js';
import { breachesAt, dueTimesOf, type ClockState, type DueTimes } from '../sla/sla.contract.js';
import {
  TICKET_ERRORS,
  type CreateTicketInput,
  type ListTicketsQuery,
  type Ticket,
  type TicketPage,
} from './ticket.contract.js';
import { createdAtForbidden, ticketInvalid, ticketNotFound } from './ticket.errors.js';
import * as repo from './ticket.repository.js';

const iso = (at: Date | null): string | null => at?.toISOString() ?? null;

/** The clock columns of a stored ticket. */
export const clockStateOf = (row: repo.TicketRow): ClockState & DueTimes => ({
  status: row.status as ClockState['status'],
  createdAt: row.createdAt,
  pausedBusinessMinutes: row.pausedBusinessMinutes,
  pausedAt: row.pausedAt,
  solvedAt: row.solvedAt,
  firstRespondedAt: row.firstRespondedAt,
  firstResponseDueAt: row.firstResponseDueAt,
  resolutionDueAt: row.resolutionDueAt,
});

/** A stored ticket in its public shape, its breaches judged at `now`. */
export function toTicket(row: repo.TicketRow, now: Date): Ticket {
  return {
    id: row.id,
    number: row.number,
    subject: row.subject,
    description: row.description,
    customerId: row.customerId,
    priority: row.priority as Ticket['priority'],
    category: row.category as Ticket['category'],
    status: row.status as Ticket['status'],
    slaPolicyId: row.slaPolicyId,
    createdById: row.createdByUserId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    firstResponseDueAt: iso(row.firstResponseDueAt),
    resolutionDueAt: iso(row.resolutionDueAt),
    firstRespondedAt: iso(row.firstRespondedAt),
    pausedAt: iso(row.pausedAt),
    pausedBusinessMinutes: row.pausedBusinessMinutes,
    solvedAt: iso(row.solvedAt),
    breached: breachesAt(clockStateOf(row), now),
  };
}

/** The due times of a ticket's clock state under a policy (null times without one). */
export const dueTimesUnder = (
  policy: ClockPolicy | undefined,
  priority: string,
  state: Pick<ClockState, 'createdAt' | 'pausedBusinessMinutes'>,
): DueTimes =>
  dueTimesOf(policy?.calendar, policy && targetOf(policy, priority as Ticket['priority']), state);

/** When the clocks start: now, or the admin's `createdAt` (an import), never in the future. */
function startOf(actor: Actor, input: CreateTicketInput, now: Date): Date {
  if (input.createdAt === undefined) return now;
  if (actor.role !== 'admin') throw createdAtForbidden();
  const at = new Date(input.createdAt);
  if (at.getTime() > now.getTime()) throw ticketInvalid([{ path: 'createdAt', message: 'in the future' }]);
  return at;
}

async function checkCustomer(db: Db, actor: Actor, customerId: string | undefined): Promise<void> {
  if (!customerId) return;
  await crmLink.assertCustomerVisible(db, actor, customerId).catch(() => {
    throw ticketInvalid([{ path: 'customerId', message: 'no such customer' }]);
  });
}

/** Opens a ticket; its clocks run on the named policy, else the tenant's default, else none. */
export async function createTicket(
  deps: ServiceDeps,
  actor: Actor,
  input: CreateTicketInput,
): Promise<Ticket> {
  requirePermission(actor, 'tickets.write');
  const now = deps.clock.now();
  const createdAt = startOf(actor, input, now);
  await checkCustomer(deps.db, actor, input.customerId);
  const row = await deps.db.transaction(async (tx) => {
    const policy = await findClockPolicy(tx, actor.tenantId, input.slaPolicyId);
    if (input.slaPolicyId && !policy)
      throw ticketInvalid([{ path: 'slaPolicyId', message: 'no such SLA policy' }]);
    const state = { createdAt, pausedBusinessMinutes: 0 };
    const inserted = await repo.insertTicket(tx, {
      tenantId: actor.tenantId,
      id: newId(),
      number: await repo.takeTicketNumber(tx, actor.tenantId),
      subject: input.subject,
      description: input.description ?? null,
      customerId: input.customerId ?? null,
      priority: input.priority,
      category: input.category ?? null,
      status: 'open',
      slaPolicyId: policy?.id ?? null,
      createdByUserId: actor.userId,
      ...state,
      ...dueTimesUnder(policy, input.priority, state),
      updatedAt: now,
    });
    await publishDomainEvent(tx, {
      tenantId: actor.tenantId,
      type: 'service.ticket.created',
      occurredAt: createdAt,
      customerId: inserted.customerId,
      actorUserId: actor.userId,
      payload: {
        ticketId: inserted.id,
        number: inserted.number,
        priority: inserted.priority,
        category: inserted.category,
      },
    });
    return inserted;
  });
  return toTicket(row, now);
}

/** A ticket the actor may see (404 otherwise); `lock` holds it for the caller's transaction. */
export async function visibleTicketRow(
  db: Db,
  actor: Actor,
  id: string,
  lock = false,
): Promise<repo.TicketRow> {
  requirePermission(actor, 'tickets.read');
  const row = await repo.findTicket(db, actor.tenantId, id, lock);
  if (!row) throw ticketNotFound(id);
  if (actor.scope === 'all' || (actor.userId !== null && row.createdByUserId === actor.userId)) return row;
  const visible =
    row.customerId !== null &&
    (await crmLink.assertCustomerVisible(db, actor, row.customerId).then(
      () => true,
      () => false,
    ));
  if (!visible) throw ticketNotFound(id);
  return row;
}

/** One ticket, its breaches judged now. */
export async function getTicket(deps: ServiceDeps, actor: Actor, id: string): Promise<Ticket> {
  return toTicket(await visibleTicketRow(deps.db, actor, id), deps.clock.now());
}

/** A page of the tickets the actor may see, newest first. */
export async function listTickets(
  deps: ServiceDeps,
  actor: Actor,
  query: ListTicketsQuery,
): Promise<TicketPage> {
  requirePermission(actor, 'tickets.read');
  const now = deps.clock.now();
  const cursor = decodeTimeCursor(query.after, TICKET_ERRORS.invalid);
  const customerIds = crmLink.personScope(actor)?.visibleCustomerIds;
  const rows = await repo.listTickets(
    deps.db,
    actor.tenantId,
    {
      status: query.status,
      priority: query.priority,
      customerId: query.customerId,
      breachingAt: query.breaching === 'true' ? now : undefined,
      notBreachingAt: query.breaching === 'false' ? now : undefined,
    },
    customerIds && { customerIds, userId: actor.userId },
    cursor,
    query.limit + 1,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => toTicket(row, now)),
    nextCursor:
      rows.length > query.limit && last ? encodeTimeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}
