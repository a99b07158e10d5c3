/**
 * The kept customer counts (folded plus pending deltas) and `count(*)` over the customers, each as one
 * row per group (`kind/tier/owner/team/pool`, `-` for none), of one tenant or of all: equal when the
 * counts are right.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/platform/db/database.js';

type Group = { key: string; n: number };

const NONE = '00000000-0000-0000-0000-000000000000';

const groupOf = (table: string, n: string) =>
  sql.raw(
    `select tenant_id::text || '/' || kind || '/' || coalesce(intent_tier, '') || '/' || ` +
      `coalesce(owner_user_id::text, '-') || '/' || coalesce(team_id::text, '-') || '/' || ` +
      `coalesce(pool_id::text, '-') as key, ${n} as n, tenant_id from ${table}`,
  );

/** The kept counts and the counted customers per group; every tenant's when `tenantId` is not given. */
export async function keptCountGroups(
  db: Db,
  tenantId?: string,
): Promise<{ kept: Group[]; counted: Group[] }> {
  const of = (table: string, n: string) =>
    tenantId
      ? sql`select * from (${groupOf(table, n)}) g where tenant_id = ${tenantId}`
      : sql`select * from (${groupOf(table, n)}) g`;
  const kept = await db.execute<Group>(sql`
    select replace(key, ${NONE}, '-') as key, sum(n)::int as n
      from (${of('customer_counts', 'n')} union all ${of('customer_count_deltas', 'n')}) k
     group by 1 having sum(n) <> 0 order by 1`);
  const counted = await db.execute<Group>(sql`
    select key, count(*)::int as n from (${of('customers', '1')}) c group by 1 order by 1`);
  return { kept: kept.rows, counted: counted.rows };
}
