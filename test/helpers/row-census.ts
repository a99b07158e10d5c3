/**
 * A census of every table: its row count and an order-independent checksum of its rows, so a test can
 * show that a request wrote nothing (no insert, update or delete anywhere).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/platform/db/database.js';

/** Per table: `count:checksum`. */
export type Census = Map<string, string>;

/** A function taking a census of the database's public tables, built once per database. */
export async function censusTaker(db: Db, options: { skip?: string[] } = {}): Promise<() => Promise<Census>> {
  const { rows } = await db.execute<{ name: string }>(
    sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  const tables = rows.map((r) => r.name).filter((name) => !options.skip?.includes(name));
  const query = tables
    .map(
      (name) =>
        `select '${name}' as name, count(*) || ':' || coalesce(sum(hashtext(t::text)::bigint), 0) as state ` +
        `from "${name}" t`,
    )
    .join(' union all ');
  return async () => {
    const result = await db.execute<{ name: string; state: string }>(sql.raw(query));
    return new Map(result.rows.map((r) => [r.name, r.state]));
  };
}

/** The tables whose rows differ between two censuses. */
export function changedTables(before: Census, after: Census): string[] {
  return [...after.keys()].filter((name) => before.get(name) !== after.get(name));
}
