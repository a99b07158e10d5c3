/**
 * The tier history: every change of any tier of a customer. The tiers are columns of the customer, so
 * their log lives beside them; creating, importing, merging and changing a tier append to it through
 * customer/customer-tier.service.ts.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { beforePosition, type TimeCursor } from '../../../platform/db/keyset.js';
import { insertJsonRows } from './bulk-insert.repository.js';
import { tierChanges } from './tier-change.table.js';

export type TierChangeRow = typeof tierChanges.$inferSelect;
export type NewTierChange = Omit<typeof tierChanges.$inferInsert, 'tenantId' | 'id'>;

/** Appends changes to the history of the tenant's customers. */
export async function insertTierChanges(db: Db, tenantId: string, changes: NewTierChange[]): Promise<void> {
  if (changes.length === 0) return;
  await db.insert(tierChanges).values(changes.map((change) => ({ ...change, tenantId, id: newId() })));
}

/** Appends a batch's tier history in one statement (an import's thousand rows at a time). */
export async function insertTierChangesInBulk(
  db: Db,
  tenantId: string,
  changes: NewTierChange[],
): Promise<void> {
  await insertJsonRows(
    db,
    tierChanges,
    changes.map((change) => ({ ...change, id: newId() })),
    { tenantId },
  );
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

/** A customer's tier changes after the cursor, newest first; `limit` rows at most. */
export async function listTierChangesAfter(
  db: Db,
  tenantId: string,
  customerId: string,
  cursor: TimeCursor | undefined,
  limit: number,
): Promise<TierChangeRow[]> {
  return db
    .select()
    .from(tierChanges)
    .where(
      and(
        eq(tierChanges.tenantId, tenantId),
        eq(tierChanges.customerId, customerId),
        beforePosition(tierChanges.changedAt, tierChanges.id, cursor),
      ),
    )
    .orderBy(desc(tierChanges.changedAt), desc(tierChanges.id))
    .limit(limit);
}

/** Moves the history of merged customers to the one they merged into; how many entries moved. */
export async function repointTierChanges(
  db: Db,
  tenantId: string,
  intoId: string,
  fromIds: string[],
): Promise<number> {
  const moved = await db
    .update(tierChanges)
    .set({ customerId: intoId })
    .where(and(eq(tierChanges.tenantId, tenantId), inArray(tierChanges.customerId, fromIds)))
    .returning({ id: tierChanges.id });
  return moved.length;
}
