/**
 * A customer's tier columns and their history, for the features that change tiers (tier, import,
 * merge) and show them (follow-up's activity list). Writing a tier and appending its history entry
 * happen in the caller's transaction; the rules that choose a tier live in crm/tier.
 */
import type { Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import type { TimeCursor } from '../../../platform/db/keyset.js';
import type { TierDimension } from './customer.contract.js';
import * as columns from './customer-tier.repository.js';
import * as history from './tier-history.repository.js';

export type { TierColumnsRow, TierFactRow } from './customer-tier.repository.js';
export type { NewTierChange, TierChangeRow } from './tier-history.repository.js';

/** The value of one dimension in a row of tier columns. */
export function tierOf(row: columns.TierColumnsRow, dimension: TierDimension): string | null {
  const byDimension = {
    intent: row.intentTier,
    satisfaction: row.satisfactionTier,
    value: row.valueTier,
    persona: row.persona,
  };
  return byDimension[dimension];
}

/** The tier facts of the customers among `ids` that the actor may see. */
export async function listVisibleTierFacts(
  db: Db,
  actor: Actor,
  ids: string[],
): Promise<columns.TierFactRow[]> {
  return columns.listVisibleTierFacts(db, actor, ids);
}

/** A customer's tier columns, locked until the transaction ends so two changes cannot both see the same "from". */
export async function lockCustomerTiers(
  db: Db,
  tenantId: string,
  customerId: string,
): Promise<columns.TierColumnsRow | undefined> {
  return columns.lockCustomerTiers(db, tenantId, customerId);
}

/** Sets one tier of a customer (its history entry is the caller's `recordTierChanges`). */
export async function setCustomerTier(
  db: Db,
  tenantId: string,
  customer: { id: string; dimension: TierDimension; tier: string | null },
  at: Date,
): Promise<void> {
  await columns.updateCustomerTier(db, tenantId, customer.id, customer.dimension, customer.tier, at);
}

/** Appends changes to the tier history of the tenant's customers. */
export async function recordTierChanges(
  db: Db,
  tenantId: string,
  changes: history.NewTierChange[],
): Promise<void> {
  await history.insertTierChanges(db, tenantId, changes);
}

/** Appends an imported batch's tier history in one statement. */
export async function recordImportedTierChanges(
  db: Db,
  tenantId: string,
  changes: history.NewTierChange[],
): Promise<void> {
  await history.insertTierChangesInBulk(db, tenantId, changes);
}

/** A customer's tier changes, oldest first. */
export async function listTierChanges(
  db: Db,
  tenantId: string,
  customerId: string,
): Promise<history.TierChangeRow[]> {
  return history.listTierChanges(db, tenantId, customerId);
}

/** A customer's tier changes after the cursor, newest first; `limit` at most (the activity list). */
export async function listTierChangesAfter(
  db: Db,
  tenantId: string,
  customerId: string,
  cursor: TimeCursor | undefined,
  limit: number,
): Promise<history.TierChangeRow[]> {
  return history.listTierChangesAfter(db, tenantId, customerId, cursor, limit);
}

/** Moves the tier history of merged customers to the one they merged into; how many entries moved. */
export async function repointTierChanges(
  db: Db,
  tenantId: string,
  intoId: string,
  fromIds: string[],
): Promise<number> {
  return history.repointTierChanges(db, tenantId, intoId, fromIds);
}
