/** Queries of follow-ups: record one, touch the customer it was with, page through them. */
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../../platform/db/database.js';
import { customers } from '../customer/customer.table.js';
import { people } from '../contact/contact.table.js';
import { followUps } from './follow-up.table.js';

export type FollowUpRow = typeof followUps.$inferSelect;
export type NewFollowUpRow = Omit<typeof followUps.$inferInsert, 'tenantId'>;

/** A position in a list sorted by time then id, both descending. */
export type TimeCursor = { at: Date; id: string };

/** The qualification facts a follow-up may update on its customer. */
export type FollowUpFacts = { budget?: string; need?: string; objection?: string | null };

/** The keyset predicate "strictly after `cursor`" for `(at desc, id desc)`. */
export function beforePosition(at: PgColumn, id: PgColumn, cursor: TimeCursor | undefined): SQL | undefined {
  if (!cursor) return undefined;
  return sql`(${at}, ${id}) < (${cursor.at.toISOString()}::timestamptz, ${cursor.id}::uuid)`;
}

/** Records a follow-up in the tenant. */
export async function insertFollowUp(db: Db, tenantId: string, row: NewFollowUpRow): Promise<FollowUpRow> {
  const [inserted] = await db
    .insert(followUps)
    .values({ ...row, tenantId })
    .returning();
  return inserted!;
}

/**
 * Marks a customer as contacted at `at`: the last follow-up only moves forward (a backdated call does
 * not rewind it) and a pending recall warning is cleared; `facts` changes go in the same statement.
 */
export async function markCustomerContacted(
  db: Db,
  tenantId: string,
  customerId: string,
  at: Date,
  facts: FollowUpFacts,
  now: Date,
): Promise<void> {
  await db
    .update(customers)
    .set({
      ...facts,
      lastFollowUpAt: sql`greatest(${customers.lastFollowUpAt}, ${at.toISOString()}::timestamptz)`,
      recallWarnedAt: null,
      updatedAt: now,
    })
    .where(and(eq(customers.tenantId, tenantId), eq(customers.id, customerId)));
}

/** True when the person exists in the tenant. */
export async function hasContact(db: Db, tenantId: string, personId: string): Promise<boolean> {
  const rows = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), eq(people.id, personId)));
  return rows.length > 0;
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
