/**
 * Who owns a customer: claim from a pool, release back, assign or transfer to someone, and the log of
 * those moves. Every move changes the customer and appends to the pool log in one transaction, and
 * only while the customer is still held as it was read, so two people racing for one customer cannot
 * both win.
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import { actorForMember, permissionsOf } from '../../access/index.js';
import type { Db } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors.js';
import { publishDomainEvent } from '../../../platform/events/domain-event.js';
import type { Customer } from '../customer/customer.contract.js';
import { toCustomer } from '../customer/customer-rules.contract.js';
import { getCustomerRow } from '../customer/customer.service.js';
import * as ownership from '../customer/ownership.service.js';
import type { CrmDeps } from '../crm-deps.js';
import type { PoolRules } from '../settings/crm-settings.contract.js';
import { getCrmSettings } from '../settings/crm-settings.service.js';
import type {
  AssignInput,
  BulkAssignInput,
  BulkAssignResult,
  PoolLog,
  PoolMoveAction,
  ReleaseInput,
} from '../pool/pool.contract.js';
import * as errors from '../pool/pool.errors.js';
import { choosePool, findPool, lockOwnerCaps } from '../pool/pool.service.js';
import { DAY_MS } from '../../../platform/clock.js';

/** A user who is about to own a customer, with the team the customer joins (their only team, if one). */
type NewOwner = { userId: string; teamId: string | null };

const ownerOf = (userId: string, teamIds: string[]): NewOwner => ({
  userId,
  teamId: teamIds.length === 1 ? teamIds[0]! : null,
});

/** The columns of a customer that a new owner receives now. */
const toOwner = (owner: NewOwner, now: Date): ownership.OwnershipChange => ({
  ownerUserId: owner.userId,
  teamId: owner.teamId,
  poolId: null,
  receivedAt: now,
  recallWarnedAt: null,
  updatedAt: now,
});

/**
 * Takes a customer out of its pool for the calling user and publishes `crm.customer.claimed`.
 * Refused (409) when the user owns the most customers allowed (`crm.pool.owned_limit`), claimed the
 * most allowed in the last 24 hours (`crm.pool.claim_limit`), lost this customer too recently
 * (`crm.pool.cooldown`), or someone else owns it (`crm.pool.already_claimed`), also when they claimed
 * it a moment earlier and the claimer can no longer see it (a customer never in a pool stays not_found).
 */
export async function claimCustomer(deps: CrmDeps, actor: Actor, id: string): Promise<Customer> {
  requirePermission(actor, 'customers.claim');
  if (!actor.userId) throw errors.noUser();
  const userId = actor.userId;
  const current = await getClaimable(deps, actor, id);
  if (!current.poolId) throw errors.alreadyClaimed(id);
  const fromPoolId = current.poolId;
  const rules = (await getCrmSettings(deps.db, actor.tenantId)).pools;
  const now = deps.clock.now();
  const row = await deps.db.transaction(async (tx) => {
    await lockOwnerCaps(tx, actor.tenantId, userId);
    await checkClaimCaps(tx, actor.tenantId, userId, id, rules, now);
    const owner = ownerOf(userId, actor.teamIds);
    const moved = await ownership.moveCustomer(tx, actor.tenantId, {
      customerId: id,
      expected: { ownerUserId: null, poolId: fromPoolId },
      next: toOwner(owner, now),
      move: { action: 'claim', fromPoolId, toUserId: userId, actorUserId: userId, cause: null, at: now },
    });
    if (!moved) throw errors.alreadyClaimed(id);
    await publishDomainEvent(tx, {
      tenantId: actor.tenantId,
      type: 'crm.customer.claimed',
      occurredAt: now,
      customerId: id,
      actorUserId: userId,
      payload: { fromPoolId },
    });
    return moved;
  });
  return toCustomer(row);
}

/** The customer; `already_claimed` when it left a pool for an owner the claimer cannot see. */
async function getClaimable(deps: CrmDeps, actor: Actor, id: string): Promise<ownership.CustomerRow> {
  try {
    return await getCustomerRow(deps, actor, id);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'crm.customer.not_found') throw error;
    const [last] = await ownership.listPoolMovesAfter(deps.db, actor.tenantId, id, undefined, 1);
    if (last?.fromPoolId && last.toUserId) throw errors.alreadyClaimed(id);
    throw error;
  }
}

/** The three caps on claiming: customers owned, claims in the last 24 hours, and the reclaim cooldown. */
async function checkClaimCaps(
  db: Db,
  tenantId: string,
  userId: string,
  customerId: string,
  rules: PoolRules,
  now: Date,
): Promise<void> {
  await checkOwnedCap(db, tenantId, userId, rules);
  if (rules.claimsPerDay !== null) {
    const times = await ownership.listClaimTimesSince(db, tenantId, userId, new Date(now.getTime() - DAY_MS));
    if (times.length >= rules.claimsPerDay) {
      // Claims leave the 24-hour window oldest first; one more is allowed once enough have left it.
      const freed = times[times.length - rules.claimsPerDay]!;
      throw errors.claimLimit(rules.claimsPerDay, new Date(freed.getTime() + DAY_MS));
    }
  }
  if (rules.reclaimCooldownDays > 0) {
    const left = await ownership.findLastDepartureAt(db, tenantId, userId, customerId);
    const until = left && new Date(left.getTime() + rules.reclaimCooldownDays * DAY_MS);
    if (until && now < until) throw errors.claimCooldown(rules.reclaimCooldownDays, until);
  }
}

/** Refuses when the user owns as many customers as the tenant allows. */
async function checkOwnedCap(db: Db, tenantId: string, userId: string, rules: PoolRules): Promise<void> {
  if (rules.maxOwnedPerUser === null) return;
  if ((await ownership.countOwnedCustomers(db, tenantId, userId)) >= rules.maxOwnedPerUser) {
    throw errors.ownedLimit(userId, rules.maxOwnedPerUser);
  }
}

/**
 * Puts an owned customer back into a pool, with the reason in the log (and `crm.customer.released`):
 * the pool given, else its region's pool, else the default pool. The owner may release their own
 * customers; anyone else needs `customers.assign` (and must see the customer).
 */
export async function releaseCustomer(
  deps: CrmDeps,
  actor: Actor,
  id: string,
  input: ReleaseInput,
): Promise<Customer> {
  const current = await getCustomerRow(deps, actor, id);
  const isOwner = actor.userId !== null && current.ownerUserId === actor.userId;
  if (isOwner) requirePermission(actor, 'customers.claim');
  else if (!permissionsOf(actor.role).includes('customers.assign')) throw errors.notOwner(id);
  if (!current.ownerUserId) throw errors.alreadyInPool(id);
  const fromUserId = current.ownerUserId;
  const now = deps.clock.now();
  const row = await deps.db.transaction(async (tx) => {
    if (input.poolId && !(await findPool(tx, actor.tenantId, input.poolId))) {
      throw errors.poolNotFound(input.poolId);
    }
    const poolId = input.poolId ?? (await choosePool(tx, actor.tenantId, current.region, now));
    const moved = await ownership.moveCustomer(tx, actor.tenantId, {
      customerId: id,
      expected: { ownerUserId: fromUserId, poolId: null },
      next: {
        ownerUserId: null,
        teamId: null,
        poolId,
        receivedAt: null,
        recallWarnedAt: null,
        updatedAt: now,
      },
      move: {
        action: 'release',
        fromUserId,
        toPoolId: poolId,
        actorUserId: actor.userId,
        cause: input.reason,
        at: now,
      },
    });
    if (!moved) throw errors.movedMeanwhile(id);
    await publishDomainEvent(tx, {
      tenantId: actor.tenantId,
      type: 'crm.customer.released',
      occurredAt: now,
      customerId: id,
      actorUserId: actor.userId,
      payload: { fromUserId, toPoolId: poolId, reason: input.reason },
    });
    return moved;
  });
  return toCustomer(row);
}

/**
 * Gives a customer to a user: from a pool (`assign`) or from another owner (`transfer`). The new
 * owner's cap on owned customers applies; claim frequency and cooldown do not, a manager decided.
 */
export async function assignCustomer(
  deps: CrmDeps,
  actor: Actor,
  id: string,
  input: AssignInput,
): Promise<Customer> {
  requirePermission(actor, 'customers.assign');
  const owner = await getAssignee(deps.db, actor, input.userId);
  const rules = (await getCrmSettings(deps.db, actor.tenantId)).pools;
  return toCustomer((await assignOne(deps, actor, owner, rules, id, input.reason)).row);
}

/** Assigns several customers to one user, each on its own: the answer says which moved and why others did not. */
export async function assignCustomers(
  deps: CrmDeps,
  actor: Actor,
  input: BulkAssignInput,
): Promise<BulkAssignResult> {
  requirePermission(actor, 'customers.assign');
  const owner = await getAssignee(deps.db, actor, input.userId);
  const rules = (await getCrmSettings(deps.db, actor.tenantId)).pools;
  const result: BulkAssignResult = { moved: [], failed: [] };
  for (const id of new Set(input.customerIds)) {
    try {
      const { action } = await assignOne(deps, actor, owner, rules, id, input.reason);
      result.moved.push({ id, action });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      result.failed.push({
        id,
        code: error.code,
        message: error.message,
        ...(error.details ? { details: error.details } : {}),
      });
    }
  }
  return result;
}

/** The member who will own the customers; they must be in the tenant and work on customers. */
async function getAssignee(db: Db, actor: Actor, userId: string): Promise<NewOwner> {
  const member = await actorForMember(db, { id: actor.tenantId, slug: actor.tenantSlug }, userId, 'system');
  if (!member) throw errors.assigneeUnknown(userId);
  if (!permissionsOf(member.role).includes('customers.write'))
    throw errors.assigneeCannotOwn(userId, member.role);
  return ownerOf(userId, member.teamIds);
}

/** One assign or transfer, in its own transaction. */
async function assignOne(
  deps: CrmDeps,
  actor: Actor,
  owner: NewOwner,
  rules: PoolRules,
  id: string,
  reason: string | undefined,
): Promise<{ row: ownership.CustomerRow; action: 'assign' | 'transfer' }> {
  const current = await getCustomerRow(deps, actor, id);
  if (current.ownerUserId === owner.userId) throw errors.sameOwner(id);
  const action: PoolMoveAction & ('assign' | 'transfer') = current.poolId ? 'assign' : 'transfer';
  const expected = { ownerUserId: current.ownerUserId, poolId: current.poolId };
  const now = deps.clock.now();
  const row = await deps.db.transaction(async (tx) => {
    await lockOwnerCaps(tx, actor.tenantId, owner.userId);
    await checkOwnedCap(tx, actor.tenantId, owner.userId, rules);
    const moved = await ownership.moveCustomer(tx, actor.tenantId, {
      customerId: id,
      expected,
      next: toOwner(owner, now),
      move: {
        action,
        fromUserId: expected.ownerUserId,
        fromPoolId: expected.poolId,
        toUserId: owner.userId,
        actorUserId: actor.userId,
        cause: reason ?? null,
        at: now,
      },
    });
    if (!moved) throw errors.movedMeanwhile(id);
    return moved;
  });
  return { row, action };
}

/** A customer's moves between owners and pools, oldest first. */
export async function listPoolLog(deps: CrmDeps, actor: Actor, id: string): Promise<PoolLog> {
  await getCustomerRow(deps, actor, id);
  const rows = await ownership.listCustomerPoolMoves(deps.db, actor.tenantId, id);
  return {
    items: rows.map((row) => ({
      id: row.id,
      customerId: row.customerId,
      action: row.action as PoolMoveAction,
      fromUserId: row.fromUserId,
      toUserId: row.toUserId,
      fromPoolId: row.fromPoolId,
      toPoolId: row.toPoolId,
      actorUserId: row.actorUserId,
      cause: row.cause,
      at: row.at.toISOString(),
    })),
  };
}
