/**
 * Realistic customers for the customers bench, generated on the database side in one
 * `insert ... select ... from generate_series` per chunk, so a million rows load at the engine's speed
 * and not at the speed of a client building parameters. Every pseudo-random choice is 16 bits of
 * `hashint4extended(row number, seed)`: the same seed gives the same rows on PGlite and on the server
 * (md5 would do too, but costs four times the whole insert on a slow machine).
 */
import type pg from 'pg';
import { now } from './harness.js';
import { insertSql } from './customers-sql.js';

/** What to generate: `count` customers of one tenant, rows `firstIndex..firstIndex+count-1`. */
export type LoadSpec = {
  tenantId: string;
  /** Owners, chosen uniformly for the 95 % of customers that are owned. */
  ownerIds: readonly string[];
  /** The pool the other 5 % sit in. */
  poolId: string;
  count: number;
  /** Rows per statement. */
  chunk: number;
  /** Row numbers are unique per tenant; they make names, phones and emails unique. */
  firstIndex: number;
  /** Changes every pseudo-random choice. */
  seed: number;
  /** "Now" for follow-up and creation dates (the last 120 days, the two years before). */
  at: Date;
};

/**
 * Drops the secondary indexes of `customers` for a bulk load and returns the statements that build
 * them again exactly as migrated (a million inserts into a dozen live btrees take several times as
 * long as building the btrees afterwards). The primary key stays: it backs a constraint.
 */
export async function dropSecondaryIndexes(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query<{ name: string; definition: string }>(`
    select c.relname as name, pg_get_indexdef(i.indexrelid) as definition
    from pg_index i join pg_class c on c.oid = i.indexrelid
    where i.indrelid = 'customers'::regclass and not i.indisprimary
      and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)`);
  for (const row of rows) await pool.query(`drop index "${row.name}"`);
  return rows.map((row) => row.definition);
}

/** Loads the customers of `spec` chunk by chunk; returns the milliseconds the inserts took. */
export async function loadCustomers(
  pool: pg.Pool,
  spec: LoadSpec,
  onChunk?: (loaded: number, ms: number) => void,
): Promise<number> {
  const text = insertSql(spec.ownerIds.length);
  const started = now();
  for (let loaded = 0; loaded < spec.count; loaded += spec.chunk) {
    const first = spec.firstIndex + loaded;
    const last = Math.min(spec.firstIndex + spec.count, first + spec.chunk) - 1;
    await pool.query(text, [spec.tenantId, first, last, spec.seed, spec.ownerIds, spec.poolId, spec.at]);
    onChunk?.(last - spec.firstIndex + 1, now() - started);
  }
  return now() - started;
}
