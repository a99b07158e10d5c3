/**
 * Queries on customers for a merge: the customers involved (visible, then locked), re-pointing the
 * children of merged customers, recording where merged customers went and deleting them. Which
 * values win is crm/merge's plan; the merge service runs these in its one transaction.
 */
import { and, eq, inArray, ne, notInArray } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { tenantRows } from '../../../platform/tenancy.js';
import type { CustomerRow } from './customer.repository.js';
import { visibleCustomers } from './customer-scope.contract.js';
import { customerMerges, customers } from './customer.table.js';

export type NewMergeRecord = Omit<typeof customerMerges.$inferInsert, 'tenantId'>;

/** The customers with these ids the actor may see. */
export async function findVisibleCustomers(db: Db, actor: Actor, ids: string[]): Promise<CustomerRow[]> {
  return db
    .select()
    .from(customers)
    .where(visibleCustomers(actor, inArray(customers.id, ids)));
}

/** Where each of these ids went, for those that were merged away already. */
export async function findMergedInto(
  db: Db,
  actor: Actor,
  ids: string[],
): Promise<{ fromId: string; intoId: string }[]> {
  return db
    .select({ fromId: customerMerges.fromId, intoId: customerMerges.intoId })
    .from(customerMerges)
    .where(and(tenantRows(actor, customerMerges), inArray(customerMerges.fromId, ids)));
}

/** Locks the customers of a merge until the transaction ends, so two merges cannot cross. */
export async function lockCustomers(tx: Db, tenantId: string, ids: string[]): Promise<CustomerRow[]> {
  return tx
    .select()
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), inArray(customers.id, ids)))
    .orderBy(customers.id)
    .for('update');
}

/** Points the children of the merged customers at the target; answers how many moved. */
export async function repointChildren(
  tx: Db,
  tenantId: string,
  intoId: string,
  fromIds: string[],
): Promise<number> {
  const moved = await tx
    .update(customers)
    .set({ parentId: intoId })
    .where(
      and(
        eq(customers.tenantId, tenantId),
        inArray(customers.parentId, fromIds),
        // The target's own parent and the merged customers themselves are settled by the merge.
        ne(customers.id, intoId),
        notInArray(customers.id, fromIds),
      ),
    )
    .returning({ id: customers.id });
  return moved.length;
}

/**
 * Records where merged customers went, and points older merges into them at the new target too, so
 * an id merged twice still leads to where its data lives now.
 */
export async function recordMerges(
  tx: Db,
  tenantId: string,
  intoId: string,
  rows: Omit<NewMergeRecord, 'intoId'>[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .update(customerMerges)
    .set({ intoId })
    .where(
      and(
        eq(customerMerges.tenantId, tenantId),
        inArray(
          customerMerges.intoId,
          rows.map((row) => row.fromId),
        ),
      ),
    );
  await tx.insert(customerMerges).values(rows.map((row) => ({ ...row, intoId, tenantId })));
}

/** Deletes customers (merged away) of the tenant. */
export async function deleteCustomers(tx: Db, tenantId: string, ids: string[]): Promise<void> {
  await tx.delete(customers).where(and(eq(customers.tenantId, tenantId), inArray(customers.id, ids)));
}
