/**
 * The kept customer counts: read (the folded counts plus the pending deltas, in one statement, so the
 * sum is exact in any snapshot), fold (pending deltas into the counts, per tenant) and the sweep that
 * finds tenants with deltas to fold. The deltas are written by the `customers` trigger only.
 */
import { and, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import type { CustomerSummaryQuery } from './customer.contract.js';
import { customerCountDeltas, customerCounts } from './customer-count.table.js';
import { COUNT_NONE, visibleCustomerCounts } from './customer-scope.contract.js';

type CountTable = typeof customerCounts | typeof customerCountDeltas;

/**
 * Customers per kind and intent tier (`''` for none) from one kept-counts table: `n` customers, summed
 * over `rows` rows, `pending` for the deltas not folded yet.
 */
export type KeptCountRow = { kind: string; intentTier: string; n: number; rows: number; pending: boolean };

/** The owner and pool filters of the summary, on a kept-counts table. */
function countFilters(table: CountTable, query: CustomerSummaryQuery): (SQL | undefined)[] {
  return [
    query.ownerUserId ? eq(table.ownerUserId, query.ownerUserId) : undefined,
    query.poolId ? eq(table.poolId, query.poolId) : undefined,
    query.ownership === 'pool' ? ne(table.poolId, COUNT_NONE) : undefined,
    query.ownership === 'owned' ? ne(table.ownerUserId, COUNT_NONE) : undefined,
  ];
}

const countsOf = (db: Db, actor: Actor, table: CountTable, query: CustomerSummaryQuery) =>
  db
    .select({
      kind: table.kind,
      intentTier: table.intentTier,
      n: sql<number>`sum(${table.n})::int`.as('n'),
      rows: sql<number>`count(*)::int`.as('rows'),
      pending: (table === customerCountDeltas ? sql<boolean>`true` : sql<boolean>`false`).as('pending'),
    })
    .from(table)
    .where(visibleCustomerCounts(actor, table, ...countFilters(table, query)))
    .groupBy(table.kind, table.intentTier);

/**
 * Customers the actor may see per kind and intent tier, matching the owner and pool filters: one row
 * per group from the folded counts and one from the pending deltas (the caller adds them up).
 */
export async function countKeptCustomers(
  db: Db,
  actor: Actor,
  query: CustomerSummaryQuery,
): Promise<KeptCountRow[]> {
  return countsOf(db, actor, customerCounts, query).unionAll(countsOf(db, actor, customerCountDeltas, query));
}

/**
 * Moves the tenant's pending deltas into its counts in one statement (a snapshot sees them either as
 * deltas or as counts, never both), then drops the groups that reached zero. Groups are written in
 * key order, so two folds of one tenant cannot deadlock. Answers how many groups changed.
 */
export async function foldCustomerCountDeltas(db: Db, tenantId: string): Promise<number> {
  return db.transaction(async (tx) => {
    const result = await tx.execute(sql`
      with moved as (
        delete from ${customerCountDeltas} where ${eq(customerCountDeltas.tenantId, tenantId)}
        returning kind, intent_tier, owner_user_id, team_id, pool_id, n
      )
      insert into ${customerCounts} (tenant_id, kind, intent_tier, owner_user_id, team_id, pool_id, n)
      select ${tenantId}::uuid, kind, intent_tier, owner_user_id, team_id, pool_id, sum(n)::int
        from moved group by kind, intent_tier, owner_user_id, team_id, pool_id
       order by kind, intent_tier, owner_user_id, team_id, pool_id
      on conflict (tenant_id, kind, intent_tier, owner_user_id, team_id, pool_id)
      do update set n = ${customerCounts}.n + excluded.n`);
    await tx
      .delete(customerCounts)
      .where(and(eq(customerCounts.tenantId, tenantId), eq(customerCounts.n, 0)));
    return result.rowCount ?? 0;
  });
}

/** The tenants with deltas waiting to be folded (the fold job's sweep over every tenant). */
export async function listTenantsWithCountDeltas(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ tenantId: customerCountDeltas.tenantId }).from(customerCountDeltas);
  return rows.map((row) => row.tenantId);
}
