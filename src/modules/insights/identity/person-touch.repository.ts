/** The coalesced first/last-seen widening of persons (person-touch.service.ts), as one statement. */
import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';

/** A person's pending seen range, as epoch milliseconds. */
export type PendingTouch = { tenantId: string; id: string; first: number; last: number };

/**
 * Widens one tenant's rows (skipping those another transaction holds); answers the ids skipped that
 * still needed widening, and how many persons do not exist at all. One tenant per statement, named as
 * a constant at every level: on Citus a statement that locks rows must run on one node.
 */
export async function touchPersonsSeen(
  db: Db,
  tenantId: string,
  rows: Omit<PendingTouch, 'tenantId'>[],
): Promise<{ skipped: string[]; missing: number }> {
  const json = JSON.stringify(
    rows.map((row) => ({
      id: row.id,
      f: new Date(row.first).toISOString(),
      l: new Date(row.last).toISOString(),
    })),
  );
  const result = await db.execute<{ skipped: string[] | null; missing: number }>(sql`
    with x as materialized (
      select * from jsonb_to_recordset(${json}::jsonb) as x(id uuid, f timestamptz, l timestamptz)
    ), present as materialized (
      select q.id, x.f, x.l,
        (q.last_seen_at < x.l or q.first_seen_at > x.f) as needed
      from x join persons q on q.tenant_id = ${tenantId} and q.id = x.id
      where q.id = any(${sql.param(rows.map((row) => row.id))}::uuid[])
    ), locked as (
      select q.id, present.f, present.l from persons q
      join present on q.id = present.id
      where q.tenant_id = ${tenantId} and present.needed
      order by q.id
      for update of q skip locked
    ), touched as (
      update persons p set first_seen_at = least(p.first_seen_at, locked.f),
        last_seen_at = greatest(p.last_seen_at, locked.l)
      from locked where p.tenant_id = ${tenantId} and p.id = locked.id
      returning p.id
    )
    select
      (select json_agg(present.id) from present
        where present.needed and not exists (select 1 from touched where touched.id = present.id)
      ) as skipped,
      (select count(*)::int from x) - (select count(*)::int from present) as missing`);
  const row = result.rows[0]!;
  return { skipped: row.skipped ?? [], missing: row.missing };
}
