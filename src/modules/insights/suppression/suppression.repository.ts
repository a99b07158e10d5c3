/** Queries of the suppression list. */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { suppressions } from './suppression.table.js';

export type SuppressionRow = typeof suppressions.$inferSelect;
export type NewSuppressionRow = typeof suppressions.$inferInsert;

/** Adds entries; an identity already suppressed keeps its row and count. */
export async function insertSuppressions(db: Db, rows: NewSuppressionRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(suppressions).values(rows).onConflictDoNothing();
}

/** Which of `hashes` are suppressed in the tenant. */
export async function findSuppressedHashes(db: Db, tenantId: string, hashes: string[]): Promise<string[]> {
  const rows = await db
    .select({ valueHash: suppressions.valueHash })
    .from(suppressions)
    .where(and(eq(suppressions.tenantId, tenantId), inArray(suppressions.valueHash, hashes)));
  return rows.map((row) => row.valueHash);
}

/** Adds `count` dropped messages to the entry of each hash. */
export async function countDrops(
  db: Db,
  tenantId: string,
  drops: { valueHash: string; count: number }[],
  at: Date,
): Promise<void> {
  if (drops.length === 0) return;
  const values = sql.join(
    drops.map((drop) => sql`(${drop.valueHash}::text, ${drop.count}::int)`),
    sql`, `,
  );
  await db.execute(sql`
    update suppressions s set dropped_count = s.dropped_count + d.count, last_dropped_at = ${at.toISOString()}::timestamptz
    from (values ${values}) as d (value_hash, count)
    where s.tenant_id = ${tenantId} and s.value_hash = d.value_hash`);
}

/** The tenant's entries, newest first. */
export async function listSuppressionRows(
  db: Db,
  tenantId: string,
  limit: number,
): Promise<SuppressionRow[]> {
  return db
    .select()
    .from(suppressions)
    .where(eq(suppressions.tenantId, tenantId))
    .orderBy(desc(suppressions.createdAt), suppressions.valueHash)
    .limit(limit);
}
