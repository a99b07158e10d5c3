/**
 * Queries of follow-ups: record them, page through a customer's, and move them to the customer a
 * merge keeps. Marking the customer as contacted is the customer feature's `markCustomerContacted`.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { beforePosition, type TimeCursor } from '../../../platform/db/keyset.js';
import { followUps } from './follow-up.table.js';

export type { TimeCursor } from '../../../platform/db/keyset.js';

export type FollowUpRow = typeof followUps.$inferSelect;
export type NewFollowUpRow = Omit<typeof followUps.$inferInsert, 'tenantId'>;
export type FollowUpSeedRow = typeof followUps.$inferInsert;

/** Records a follow-up in the tenant. */
export async function insertFollowUp(db: Db, tenantId: string, row: NewFollowUpRow): Promise<FollowUpRow> {
  const [inserted] = await db
    .insert(followUps)
    .values({ ...row, tenantId })
    .returning();
  return inserted!;
}

/** A customer's follow-ups after the cursor, newest first; `limit` rows at most. */
export async function listFollowUpsAfter(
  db: Db,
  tenantId: string,
  customerId: string,
  cursor: TimeCursor | undefined,
  limit: number,
): Promise<FollowUpRow[]> {
  return db
    .select()
    .from(followUps)
    .where(
      and(
        eq(followUps.tenantId, tenantId),
        eq(followUps.customerId, customerId),
        beforePosition(followUps.at, followUps.id, cursor),
      ),
    )
    .orderBy(desc(followUps.at), desc(followUps.id))
    .limit(limit);
}

/** Records follow-ups as they are, tenant and id included (seed data). */
export async function insertFollowUpRows(db: Db, rows: FollowUpSeedRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(followUps).values(rows);
}

/** Moves the follow-ups of merged customers to the one they merged into; how many moved. */
export async function repointFollowUps(
  db: Db,
  tenantId: string,
  intoId: string,
  fromIds: string[],
): Promise<number> {
  const moved = await db
    .update(followUps)
    .set({ customerId: intoId })
    .where(and(eq(followUps.tenantId, tenantId), inArray(followUps.customerId, fromIds)))
    .returning({ id: followUps.id });
  return moved.length;
}

/** Every follow-up with the contact `personId`, oldest first (personal-information export). */
export async function listFollowUpsOfContact(
  db: Db,
  tenantId: string,
  personId: string,
): Promise<FollowUpRow[]> {
  return db
    .select()
    .from(followUps)
    .where(and(eq(followUps.tenantId, tenantId), eq(followUps.personId, personId)))
    .orderBy(followUps.at, followUps.id);
}
