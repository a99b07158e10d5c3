/**
 * Merging customers that turned out to be one party: everything the merged customers carried moves
 * to the one they merge into, in one transaction, and their old ids keep answering with where they went.
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import type { CrmDeps } from '../crm-deps.js';
import { listCommitteeRows, moveCommittees } from '../contact/committee.service.js';
import type { CustomerKind } from '../customer/customer.contract.js';
import { customerNotFound } from '../customer/customer.errors.js';
import * as customers from '../customer/customer-merge.service.js';
import { saveCustomerChanges, type CustomerRow } from '../customer/customer-record.service.js';
import { matchColumnsOf, toCustomer } from '../customer/customer-rules.contract.js';
import { recordTierChanges } from '../customer/customer-tier.service.js';
import { getCustomerRow } from '../customer/customer.service.js';
import { logPoolMoves, repointPoolMoves } from '../customer/ownership.service.js';
import { getCrmSettings } from '../settings/crm-settings.service.js';
import type { MergeCustomersInput, MergeResult, RepointedCounts } from './merge.contract.js';
import { mergeInvalid, mergeRaced, mergeSourcesNotFound } from './merge.errors.js';
import { mergeProfiles, planMemberMoves, type MergedTier } from './merge-plan.js';
import { REPOINTERS } from './merge-relations.service.js';

/**
 * Merges the customers in `input.from` into customer `intoId`: the target keeps its values and fills
 * its gaps from them, every relation (committee, follow-ups, tier history, pool log, child accounts)
 * moves to it, and the merged customers are deleted with a snapshot kept in `customer_merges`. The
 * actor needs `customers.merge` and must see every customer involved.
 */
export async function mergeCustomers(
  deps: CrmDeps,
  actor: Actor,
  intoId: string,
  input: MergeCustomersInput,
): Promise<MergeResult> {
  requirePermission(actor, 'customers.merge');
  const fromIds = [...new Set(input.from)];
  const self = input.from.indexOf(intoId);
  if (self >= 0)
    throw mergeInvalid([{ path: `from.${self}`, message: 'a customer cannot be merged into itself' }]);
  await getCustomerRow(deps, actor, intoId);
  await checkSourcesVisible(deps.db, actor, input.from);
  const settings = await getCrmSettings(deps.db, actor.tenantId);
  const now = deps.clock.now();

  return deps.db.transaction(async (tx) => {
    const locked = await customers.lockCustomers(tx, actor.tenantId, [intoId, ...fromIds]);
    const target = locked.find((row) => row.id === intoId);
    if (!target) throw customerNotFound(intoId);
    const sources = fromIds.map((id) => locked.find((row) => row.id === id));
    const gone = fromIds.filter((_, i) => !sources[i]);
    if (gone.length) throw mergeRaced(gone);
    const merged = sources as CustomerRow[];

    const repointed = await repointRelations(tx, actor.tenantId, target.id, fromIds, now);
    await customers.recordMerges(
      tx,
      actor.tenantId,
      target.id,
      merged.map((source) => ({
        fromId: source.id,
        snapshot: toCustomer(source),
        mergedByUserId: actor.userId,
        mergedAt: now,
      })),
    );
    // Deleted before the target changes: an external id taken over from a merged customer is unique.
    await customers.deleteCustomers(tx, actor.tenantId, fromIds);
    const { changes, tiers } = mergeProfiles(target, merged, settings);
    const next = { ...target, ...changes, kind: target.kind as CustomerKind };
    const row = await saveCustomerChanges(tx, actor, target.id, {
      ...changes,
      ...matchColumnsOf(next),
      updatedAt: now,
    });
    await logMerge(tx, actor, target, merged, tiers, now);
    return { ...toCustomer(row!), merged: fromIds, repointed };
  });
}

/** Every customer named in `from` must exist in the tenant and be visible to the actor. */
async function checkSourcesVisible(db: Db, actor: Actor, from: string[]): Promise<void> {
  const found = new Set((await customers.findVisibleCustomers(db, actor, from)).map((row) => row.id));
  const missing = from.map((id, index) => ({ id, index })).filter(({ id }) => !found.has(id));
  if (missing.length === 0) return;
  const merges = await customers.findMergedInto(
    db,
    actor,
    missing.map((m) => m.id),
  );
  throw mergeSourcesNotFound(
    missing.map((m) => ({ ...m, mergedInto: merges.find((merge) => merge.fromId === m.id)?.intoId })),
  );
}

/** Moves the committee, every relation in `REPOINTERS` and the pool log to the target; counts what moved. */
async function repointRelations(
  tx: Db,
  tenantId: string,
  intoId: string,
  fromIds: string[],
  now: Date,
): Promise<RepointedCounts> {
  const members = await listCommitteeRows(tx, tenantId, [intoId, ...fromIds]);
  const plan = planMemberMoves(
    members.filter((member) => member.customerId === intoId),
    members.filter((member) => member.customerId !== intoId),
    fromIds,
  );
  const counts: RepointedCounts = {
    members: await moveCommittees(tx, tenantId, { intoId, fromIds }, plan, now),
    followUps: 0,
    tierChanges: 0,
    poolMoves: 0,
    children: 0,
    tasks: 0,
    deals: 0,
    lifecycleChanges: 0,
  };
  for (const repointer of REPOINTERS) {
    counts[repointer.relation] = await repointer.repoint(tx, tenantId, intoId, fromIds);
  }
  counts.poolMoves = await repointPoolMoves(tx, tenantId, intoId, fromIds);
  return counts;
}

/** The pool log says who held each merged customer; the tier history shows the tiers it brought. */
async function logMerge(
  tx: Db,
  actor: Actor,
  target: CustomerRow,
  sources: CustomerRow[],
  tiers: MergedTier[],
  at: Date,
): Promise<void> {
  const from = (source: CustomerRow) => `merged customer "${source.name}" (${source.id})`;
  await logPoolMoves(
    tx,
    actor.tenantId,
    sources.map((source) => ({
      customerId: target.id,
      action: 'merge',
      fromUserId: source.ownerUserId,
      fromPoolId: source.poolId,
      toUserId: target.ownerUserId,
      toPoolId: target.poolId,
      actorUserId: actor.userId,
      cause: `${from(source)} merged into this customer`,
      at,
    })),
  );
  await recordTierChanges(
    tx,
    actor.tenantId,
    tiers.map((tier) => ({
      customerId: target.id,
      dimension: tier.dimension,
      fromTier: tier.fromTier,
      toTier: tier.toTier,
      source: 'merge',
      reason: `taken from ${from(tier.source)}`,
      changedByUserId: actor.userId,
      changedAt: at,
    })),
  );
}
