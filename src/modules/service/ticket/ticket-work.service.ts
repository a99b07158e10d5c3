/**
 * Working a ticket: replies and internal notes (the first public reply stops the first-response
 * clock), status changes (pending pauses the resolution clock, solved and closed stop it, see
 * `sla/sla-clock.ts`), and edits (a new priority or policy recomputes the due times from `createdAt`,
 * keeping the paused business minutes).
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import { publishDomainEvent } from '../../../platform/events/domain-event.js';
import { newId } from '../../../platform/ids.js';
import type { ServiceDeps } from '../service-deps.js';
import { findClockPolicy } from '../sla/sla.service.js';
import { moveClock } from '../sla/sla.contract.js';
import type {
  Reply,
  ReplyInput,
  ReplyResult,
  StatusInput,
  Ticket,
  UpdateTicketInput,
} from './ticket.contract.js';
import { ticketClosed, ticketInvalid } from './ticket.errors.js';
import * as repo from './ticket.repository.js';
import { clockStateOf, dueTimesUnder, toTicket, visibleTicketRow } from './ticket.service.js';

const toReply = (row: repo.ReplyRow): Reply => ({
  id: row.id,
  ticketId: row.ticketId,
  body: row.body,
  public: row.isPublic,
  authorId: row.authorUserId,
  createdAt: row.createdAt.toISOString(),
});

/** Adds a public reply or an internal note; the first public reply stops the first-response clock. */
export async function replyToTicket(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  input: ReplyInput,
): Promise<ReplyResult> {
  requirePermission(actor, 'tickets.write');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    let ticket = await visibleTicketRow(tx, actor, id, true);
    if (ticket.status === 'closed') throw ticketClosed(id);
    const reply = await repo.insertReply(tx, {
      tenantId: actor.tenantId,
      id: newId(),
      ticketId: id,
      body: input.body,
      isPublic: input.public,
      authorUserId: actor.userId,
      createdAt: now,
    });
    if (input.public && ticket.firstRespondedAt === null) {
      ticket = (await repo.updateTicket(tx, actor.tenantId, id, { firstRespondedAt: now, updatedAt: now }))!;
    }
    return { reply: toReply(reply), ticket: toTicket(ticket, now) };
  });
}

/** A ticket's replies and notes, oldest first. */
export async function listTicketReplies(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
): Promise<{ items: Reply[] }> {
  await visibleTicketRow(deps.db, actor, id);
  return { items: (await repo.listReplies(deps.db, actor.tenantId, id)).map(toReply) };
}

/** Moves a ticket to a status and its clocks with it; a closed ticket stays closed. */
export async function changeTicketStatus(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  input: StatusInput,
): Promise<Ticket> {
  requirePermission(actor, 'tickets.write');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const row = await visibleTicketRow(tx, actor, id, true);
    if (row.status === input.status) return toTicket(row, now);
    if (row.status === 'closed') throw ticketClosed(id);
    const policy = row.slaPolicyId ? await findClockPolicy(tx, actor.tenantId, row.slaPolicyId) : undefined;
    const moved = moveClock(policy?.calendar, clockStateOf(row), input.status, now);
    const updated = (await repo.updateTicket(tx, actor.tenantId, id, {
      status: moved.status,
      pausedBusinessMinutes: moved.pausedBusinessMinutes,
      pausedAt: moved.pausedAt,
      solvedAt: moved.solvedAt,
      ...(row.slaPolicyId ? dueTimesUnder(policy, row.priority, moved) : {}),
      updatedAt: now,
    }))!;
    const ticket = toTicket(updated, now);
    if (input.status === 'solved') {
      await publishDomainEvent(tx, {
        tenantId: actor.tenantId,
        type: 'service.ticket.solved',
        occurredAt: now,
        customerId: updated.customerId,
        actorUserId: actor.userId,
        payload: { ticketId: id, number: updated.number, breached: ticket.breached },
      });
    }
    return ticket;
  });
}

/** Changes a ticket's subject, category, priority or policy; the last two recompute the due times. */
export async function updateTicket(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  input: UpdateTicketInput,
): Promise<Ticket> {
  requirePermission(actor, 'tickets.write');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const row = await visibleTicketRow(tx, actor, id, true);
    if (row.status === 'closed') throw ticketClosed(id);
    const policyId = input.slaPolicyId ?? row.slaPolicyId;
    const policy = policyId ? await findClockPolicy(tx, actor.tenantId, policyId) : undefined;
    if (input.slaPolicyId && !policy)
      throw ticketInvalid([{ path: 'slaPolicyId', message: 'no such SLA policy' }]);
    const priority = input.priority ?? row.priority;
    const updated = await repo.updateTicket(tx, actor.tenantId, id, {
      ...(input.subject !== undefined ? { subject: input.subject } : {}),
      ...(input.category !== undefined ? { category: input.category } : {}),
      priority,
      slaPolicyId: policyId ? (policy?.id ?? null) : null,
      ...(policyId ? dueTimesUnder(policy, priority, row) : {}),
      updatedAt: now,
    });
    return toTicket(updated!, now);
  });
}
