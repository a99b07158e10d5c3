/**
 * SLA policies: targets per priority in business minutes of a calendar, one of them the tenant's
 * default. Editing one moves the due times of its open tickets; that sits above, in
 * `ticket/ticket-recompute.service.ts`, which calls `changePolicy`.
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { findClockCalendar, type ClockCalendar } from '../calendar/calendar.service.js';
import type { ServiceDeps } from '../service-deps.js';
import type { Policy, PolicyInput, PolicyList, PolicyPatch, Priority, Target } from './sla.contract.js';
import { policyCalendarUnknown, policyNotFound } from './sla.errors.js';
import * as repo from './sla.repository.js';

function toPolicy(row: repo.PolicyRow): Policy {
  return {
    id: row.id,
    name: row.name,
    calendarId: row.calendarId,
    targets: row.targets as Target[],
    isDefault: row.isDefault,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A policy with its calendar: what a ticket's clocks run on. */
export type ClockPolicy = { id: string; targets: Target[]; calendar: ClockCalendar };

/** The targets of one priority under a policy, when it sets any. */
export const targetOf = (policy: ClockPolicy, priority: Priority): Target | undefined =>
  policy.targets.find((target) => target.priority === priority);

async function checkCalendar(db: Db, tenantId: string, calendarId: string): Promise<void> {
  if (!(await findClockCalendar(db, tenantId, calendarId))) throw policyCalendarUnknown();
}

/** Creates a policy; with `isDefault` it becomes the tenant's default in place of the one before. */
export async function createPolicy(deps: ServiceDeps, actor: Actor, input: PolicyInput): Promise<Policy> {
  requirePermission(actor, 'service.settings');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    await checkCalendar(tx, actor.tenantId, input.calendarId);
    const id = newId();
    if (input.isDefault) await repo.clearDefaultPolicy(tx, actor.tenantId, id);
    const row = await repo.insertPolicy(tx, {
      tenantId: actor.tenantId,
      id,
      name: input.name,
      calendarId: input.calendarId,
      targets: input.targets,
      isDefault: input.isDefault,
      createdAt: now,
      updatedAt: now,
    });
    return toPolicy(row);
  });
}

/** The tenant's policies. */
export async function listPolicies(deps: ServiceDeps, actor: Actor): Promise<PolicyList> {
  requirePermission(actor, 'tickets.read');
  return { items: (await repo.listPolicies(deps.db, actor.tenantId)).map(toPolicy) };
}

/** One policy; 404 when the tenant has none with this id. */
export async function getPolicy(deps: ServiceDeps, actor: Actor, id: string): Promise<Policy> {
  requirePermission(actor, 'tickets.read');
  const row = await repo.findPolicy(deps.db, actor.tenantId, id);
  if (!row) throw policyNotFound(id);
  return toPolicy(row);
}

/**
 * The policy a ticket's clocks run on: the named one (undefined when the tenant has none with this
 * id), else the tenant's default (undefined when there is none).
 */
export async function findClockPolicy(
  db: Db,
  tenantId: string,
  id: string | null | undefined,
): Promise<ClockPolicy | undefined> {
  const row = id ? await repo.findPolicy(db, tenantId, id) : await repo.findDefaultPolicy(db, tenantId);
  if (!row) return undefined;
  const calendar = await findClockCalendar(db, tenantId, row.calendarId);
  return calendar && { id: row.id, targets: row.targets as Target[], calendar };
}

/** The ids of the policies that run on a calendar. */
export const listPolicyIdsOfCalendar = (db: Db, tenantId: string, calendarId: string): Promise<string[]> =>
  repo.listPolicyIdsOfCalendar(db, tenantId, calendarId);

/** Replaces (`PUT`) or changes (`PATCH`) a policy on `db`, the caller's transaction. */
export async function changePolicy(
  db: Db,
  actor: Actor,
  id: string,
  changes: PolicyInput | PolicyPatch,
  at: Date,
): Promise<Policy> {
  requirePermission(actor, 'service.settings');
  if (changes.calendarId) await checkCalendar(db, actor.tenantId, changes.calendarId);
  if (changes.isDefault) await repo.clearDefaultPolicy(db, actor.tenantId, id);
  const row = await repo.updatePolicy(db, actor.tenantId, id, { ...changes, updatedAt: at });
  if (!row) throw policyNotFound(id);
  return toPolicy(row);
}
