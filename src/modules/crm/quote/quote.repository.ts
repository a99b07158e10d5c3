/** Queries of quotes: insert the next version of a deal's quote, read its versions. */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { dealQuotes } from './quote.table.js';

export type QuoteRow = typeof dealQuotes.$inferSelect;
export type NewQuoteRow = Omit<QuoteRow, 'version'>;

/**
 * Inserts a quote as the deal's next version (one more than its highest, 1 for the first); two racing
 * inserts meet at `deal_quotes_version_key` and the loser may try again. The version is read first,
 * not as a subquery of the insert: Citus takes no subquery in INSERT … VALUES.
 */
export async function insertNextQuote(db: Db, row: NewQuoteRow): Promise<QuoteRow> {
  const [last] = await db
    .select({ version: sql<number>`coalesce(max(${dealQuotes.version}), 0)::int` })
    .from(dealQuotes)
    .where(and(eq(dealQuotes.tenantId, row.tenantId), eq(dealQuotes.dealId, row.dealId)));
  const [saved] = await db
    .insert(dealQuotes)
    .values({ ...row, version: (last?.version ?? 0) + 1 })
    .returning();
  return saved!;
}

/** A deal's quotes, newest version first. */
export async function listQuoteRows(db: Db, tenantId: string, dealId: string): Promise<QuoteRow[]> {
  return db
    .select()
    .from(dealQuotes)
    .where(and(eq(dealQuotes.tenantId, tenantId), eq(dealQuotes.dealId, dealId)))
    .orderBy(desc(dealQuotes.version));
}

/** One version of a deal's quote. */
export async function findQuoteRow(
  db: Db,
  tenantId: string,
  dealId: string,
  version: number,
): Promise<QuoteRow | undefined> {
  const [row] = await db
    .select()
    .from(dealQuotes)
    .where(
      and(eq(dealQuotes.tenantId, tenantId), eq(dealQuotes.dealId, dealId), eq(dealQuotes.version, version)),
    );
  return row;
}
