/** Queries of customers' lifecycle stages and their history. */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { customerLifecycleChanges, customerLifecycles } from './lifecycle.table.js';

export type LifecycleRow = typeof customerLifecycles.$inferSelect;
export type LifecycleChangeRow = typeof customerLifecycleChanges.$inferSelect;

/** The stages of these customers (those that have one). */
export async function listLifecycles(
  db: Db,
  tenantId: string,
  customerIds: string[],
): Promise<LifecycleRow[]> {
  if (!customerIds.length) return [];
  return db
    .select()
    .from(customerLifecycles)
    .where(
      and(eq(customerLifecycles.tenantId, tenantId), inArray(customerLifecycles.customerId, customerIds)),
    );
}

/** Sets a customer's stage, creating its row the first time. */
export async function upsertLifecycle(db: Db, row: LifecycleRow): Promise<void> {
  await db
    .insert(customerLifecycles)
    .values(row)
    .onConflictDoUpdate({
      target: [customerLifecycles.tenantId, customerLifecycles.customerId],
      set: { stage: row.stage, changedAt: row.changedAt },
    });
}

/** Removes the stages of these customers (merged away). */
export async function deleteLifecycles(db: Db, tenantId: string, customerIds: string[]): Promise<void> {
  if (!customerIds.length) return;
  await db
    .delete(customerLifecycles)
    .where(
      and(eq(customerLifecycles.tenantId, tenantId), inArray(customerLifecycles.customerId, customerIds)),
    );
}

/** Records one move of a stage. */
export async function insertLifecycleChange(db: Db, row: LifecycleChangeRow): Promise<void> {
  await db.insert(customerLifecycleChanges).values(row);
}

/** A customer's moves, newest first. */
export async function listLifecycleChanges(
  db: Db,
  tenantId: string,
  customerId: string,
): Promise<LifecycleChangeRow[]> {
  return db
    .select()
    .from(customerLifecycleChanges)
    .where(
      and(
        eq(customerLifecycleChanges.tenantId, tenantId),
        eq(customerLifecycleChanges.customerId, customerId),
      ),
    )
    .orderBy(desc(customerLifecycleChanges.at), desc(customerLifecycleChanges.id));
}

/** Moves the history of merged customers to the one they merged into; how many rows moved. */
export async function repointLifecycleChanges(
  db: Db,
  tenantId: string,
  intoId: string,
  fromIds: string[],
): Promise<number> {
  if (!fromIds.length) return 0;
  const rows = await db
    .update(customerLifecycleChanges)
    .set({ customerId: intoId })
    .where(
      and(
        eq(customerLifecycleChanges.tenantId, tenantId),
        inArray(customerLifecycleChanges.customerId, fromIds),
      ),
    )
    .returning({ id: customerLifecycleChanges.id });
  return rows.length;
}
