/** The tier history: every change of any tier. Written by every feature that changes one. */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { tierChanges } from './tier.table.js';

export type TierChangeRow = typeof tierChanges.$inferSelect;
export type NewTierChange = Omit<typeof tierChanges.$inferInsert, 'tenantId' | 'id'>;

/** Appends changes to the history of the tenant's customers. */
export async function insertTierChanges(db: Db, tenantId: string, changes: NewTierChange[]): Promise<void> {
  if (changes.length === 0) return;
  await db.insert(tierChanges).values(changes.map((change) => ({ ...change, tenantId, id: newId() })));
}

/** A customer's tier changes, oldest first. */
export async function listTierChanges(
  db: Db,
  tenantId: string,
  customerId: string,
): Promise<TierChangeRow[]> {
  return db
    .select()
    .from(tierChanges)
    .where(and(eq(tierChanges.tenantId, tenantId), eq(tierChanges.customerId, customerId)))
    .orderBy(asc(tierChanges.changedAt), asc(tierChanges.id));
}
