/**
 * Editing a calendar or a policy moves the due times of the tickets under it that are not solved or
 * closed, in the edit's own transaction: from each ticket's `createdAt` and paused business minutes,
 * over the new calendar and targets. Bounded: an edit that would move more than
 * `RECOMPUTE_LIMIT` tickets is refused (a background recomputation is a later slice).
 */
import { AppError } from '../../../platform/errors.js';
import type { Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import {
  CALENDAR_ERRORS,
  type Calendar,
  type CalendarInput,
  type CalendarPatch,
} from '../calendar/calendar.contract.js';
import { changeCalendar } from '../calendar/calendar.service.js';
import type { ServiceDeps } from '../service-deps.js';
import type { Policy, PolicyInput, PolicyPatch } from '../sla/sla.contract.js';
import { changePolicy, findClockPolicy, listPolicyIdsOfCalendar } from '../sla/sla.service.js';
import * as repo from './ticket.repository.js';
import { dueTimesUnder } from './ticket.service.js';

/** The most tickets one calendar or policy edit recomputes. */
export const RECOMPUTE_LIMIT = 5000;

/** Recomputes the due times of the unsolved tickets on these policies; how many moved. */
async function recomputeTickets(db: Db, tenantId: string, policyIds: string[], at: Date): Promise<number> {
  const rows = await repo.listUnsolvedTicketsOfPolicies(db, tenantId, policyIds, RECOMPUTE_LIMIT + 1);
  if (rows.length > RECOMPUTE_LIMIT) {
    throw new AppError(
      'conflict',
      CALENDAR_ERRORS.tooManyOpenTickets,
      `More than ${RECOMPUTE_LIMIT} open tickets would move; solve some or split the policy first.`,
    );
  }
  const policies = new Map(
    await Promise.all(policyIds.map(async (id) => [id, await findClockPolicy(db, tenantId, id)] as const)),
  );
  let moved = 0;
  for (const row of rows) {
    const due = dueTimesUnder(policies.get(row.slaPolicyId!), row.priority, row);
    if (
      due.firstResponseDueAt?.getTime() === row.firstResponseDueAt?.getTime() &&
      due.resolutionDueAt?.getTime() === row.resolutionDueAt?.getTime()
    )
      continue;
    await repo.updateTicket(db, tenantId, row.id, { ...due, updatedAt: at });
    moved += 1;
  }
  return moved;
}

/** Replaces or changes a calendar and moves the due times of the open tickets under it. */
export async function editCalendar(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  changes: CalendarInput | CalendarPatch,
): Promise<Calendar> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const { calendar } = await changeCalendar(tx, actor, id, changes, now);
    const policyIds = await listPolicyIdsOfCalendar(tx, actor.tenantId, id);
    await recomputeTickets(tx, actor.tenantId, policyIds, now);
    return calendar;
  });
}

/** Replaces or changes a policy and moves the due times of its open tickets. */
export async function editPolicy(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  changes: PolicyInput | PolicyPatch,
): Promise<Policy> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const policy = await changePolicy(tx, actor, id, changes, now);
    await recomputeTickets(tx, actor.tenantId, [id], now);
    return policy;
  });
}
