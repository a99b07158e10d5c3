/**
 * Buying committees: who on an account decides, manages, uses and buys. Every kind of customer may
 * have members (a consumer's committee is usually themselves, a spouse or a parent); the web shows
 * the map for business and government accounts only. Reading needs the account to be visible;
 * changing it needs `customers.write` and an account the actor owns within their scope, since pool
 * accounts are read-only until claimed (admins, with scope `all`, may change those too).
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import type { CrmDeps } from '../crm-deps.js';
import { getCustomerRow } from '../customer/customer.service.js';
import { summarizeCommittee } from './committee-summary.js';
import type { AddMemberInput, Committee, UpdateMemberInput } from './contact.contract.js';
import { alreadyMember, customerInPool, notMember, contactInvalid } from './contact.errors.js';
import * as members from './account-member.repository.js';
import type { MemberKey } from './account-member.repository.js';
import type { MemberRow } from './contact.repository.js';
import * as repo from './contact.repository.js';
import { toMember } from './contact-row.js';
import { newMemberRow, newContactRow, rethrowConflict } from './contact.service.js';

export type { MemberKey } from './account-member.repository.js';
export type { MemberRow } from './contact.repository.js';

/** The committee of an account the actor may see, with its coverage and missing roles. */
export async function getCommittee(deps: CrmDeps, actor: Actor, customerId: string): Promise<Committee> {
  await getCustomerRow(deps, actor, customerId);
  return readCommittee(deps, actor, customerId);
}

async function readCommittee(deps: CrmDeps, actor: Actor, customerId: string): Promise<Committee> {
  const rows = await members.listMembers(deps.db, actor.tenantId, customerId);
  return summarizeCommittee(
    customerId,
    rows.map((row) => toMember(row.member, row.person)),
  );
}

/** Loads an account whose committee the actor may change; not_found or customer_in_pool otherwise. */
async function getEditableAccount(deps: CrmDeps, actor: Actor, customerId: string): Promise<void> {
  requirePermission(actor, 'customers.write');
  const customer = await getCustomerRow(deps, actor, customerId);
  if (customer.poolId && actor.scope !== 'all') throw customerInPool(customerId);
}

/**
 * Adds an existing person (who must be visible to the actor) or a new one to the committee. Making
 * them primary takes the flag from the previous primary contact in the same transaction.
 */
export async function addMember(
  deps: CrmDeps,
  actor: Actor,
  customerId: string,
  input: AddMemberInput,
): Promise<Committee> {
  await getEditableAccount(deps, actor, customerId);
  const now = deps.clock.now();
  const newPerson = input.person ? newContactRow(actor, input.person, now) : undefined;
  const personId = newPerson?.id ?? input.personId!;
  if (!newPerson) {
    if (!(await repo.findVisibleContact(deps.db, actor, personId))) {
      throw contactInvalid([{ path: 'personId', message: 'no such person' }]);
    }
    if (await members.findMember(deps.db, actor.tenantId, customerId, personId)) {
      throw alreadyMember(customerId, personId);
    }
  }
  await deps.db
    .transaction(async (tx) => {
      if (newPerson) await repo.insertContact(tx, newPerson);
      if (input.isPrimary) await members.clearPrimary(tx, actor.tenantId, [customerId], now);
      await members.insertMembers(tx, [newMemberRow(actor.tenantId, customerId, personId, input, now)]);
    })
    .catch((error: unknown) =>
      rethrowConflict(error, { externalId: input.person?.externalId, customerId, personId }),
    );
  return readCommittee(deps, actor, customerId);
}

/** Changes a member's role, department, stance, influence or primary flag. */
export async function updateMember(
  deps: CrmDeps,
  actor: Actor,
  customerId: string,
  personId: string,
  input: UpdateMemberInput,
): Promise<Committee> {
  await getEditableAccount(deps, actor, customerId);
  const now = deps.clock.now();
  const updated = await deps.db
    .transaction(async (tx) => {
      if (input.isPrimary) await members.clearPrimary(tx, actor.tenantId, [customerId], now, personId);
      return members.updateMember(tx, actor.tenantId, customerId, personId, { ...input, updatedAt: now });
    })
    .catch((error: unknown) => rethrowConflict(error, { customerId }));
  if (!updated) throw notMember(customerId, personId);
  return readCommittee(deps, actor, customerId);
}

/** Takes a person off the committee; the person stays, with their other accounts. */
export async function removeMember(
  deps: CrmDeps,
  actor: Actor,
  customerId: string,
  personId: string,
): Promise<void> {
  await getEditableAccount(deps, actor, customerId);
  if (!(await members.deleteMember(deps.db, actor.tenantId, customerId, personId))) {
    throw notMember(customerId, personId);
  }
}

/** The buying-committee rows of these customers (a merge plans which of them move). */
export async function listCommitteeRows(
  db: Db,
  tenantId: string,
  customerIds: string[],
): Promise<MemberRow[]> {
  return members.listMembersOfCustomers(db, tenantId, customerIds);
}

/**
 * Moves the committees of merged customers to the one they merge into as the merge planned it
 * (`drop` and `unprimary` name memberships by key); answers how many memberships moved.
 */
export async function moveCommittees(
  db: Db,
  tenantId: string,
  merge: { intoId: string; fromIds: string[] },
  plan: { drop: MemberKey[]; unprimary: MemberKey[] },
  at: Date,
): Promise<number> {
  return members.moveMembersByPlan(db, tenantId, merge, plan, at);
}

/**
 * The customers among `customerIds` that have at least one member with role decision_maker, e.g.
 * for the intent-tier rule "decision maker known".
 */
export async function findDecisionMakerKnown(
  db: Db,
  tenantId: string,
  customerIds: string[],
): Promise<Set<string>> {
  return repo.findDecisionMakerKnown(db, tenantId, customerIds);
}
