/**
 * The customer side of a merge: finding and locking the customers involved, re-pointing children,
 * recording where merged customers went and deleting them. crm/merge decides what the merged customer
 * keeps and runs these, with the other features' re-pointing, in its one transaction.
 */
import type { Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import type { CustomerRow } from './customer.repository.js';
import * as repo from './customer-merge.repository.js';

export type { NewMergeRecord } from './customer-merge.repository.js';

/** The customers with these ids the actor may see. */
export async function findVisibleCustomers(db: Db, actor: Actor, ids: string[]): Promise<CustomerRow[]> {
  return repo.findVisibleCustomers(db, actor, ids);
}

/** Where each of these ids went, for those that were merged away already. */
export async function findMergedInto(
  db: Db,
  actor: Actor,
  ids: string[],
): Promise<{ fromId: string; intoId: string }[]> {
  return repo.findMergedInto(db, actor, ids);
}

/** Locks the customers of a merge until the transaction ends, so two merges cannot cross. */
export async function lockCustomers(tx: Db, tenantId: string, ids: string[]): Promise<CustomerRow[]> {
  return repo.lockCustomers(tx, tenantId, ids);
}

/** Points the children of the merged customers at the target; answers how many moved. */
export async function repointChildren(
  tx: Db,
  tenantId: string,
  intoId: string,
  fromIds: string[],
): Promise<number> {
  return repo.repointChildren(tx, tenantId, intoId, fromIds);
}

/** Records where merged customers went (older merges into them follow to the new target). */
export async function recordMerges(
  tx: Db,
  tenantId: string,
  intoId: string,
  rows: Omit<repo.NewMergeRecord, 'intoId'>[],
): Promise<void> {
  await repo.recordMerges(tx, tenantId, intoId, rows);
}

/** Deletes customers merged away. */
export async function deleteCustomers(tx: Db, tenantId: string, ids: string[]): Promise<void> {
  await repo.deleteCustomers(tx, tenantId, ids);
}
