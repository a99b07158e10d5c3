/**
 * Records the SQL a repository sends, for query snapshots: a change to a query shows up as a diff of
 * the `.sql` file beside the repository.
 */
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import type pg from 'pg';

/** A drizzle handle on `pool` that remembers every statement it runs, and the recorded text so far. */
export function captureSql(pool: pg.Pool): { db: NodePgDatabase; take(title: string): string } {
  let statements: string[] = [];
  const db = drizzle(pool, { logger: { logQuery: (query) => statements.push(query) } });
  return {
    db,
    take: (title) => {
      const text = `-- ${title}\n${statements.map((s) => `${s};`).join('\n')}\n`;
      statements = [];
      return text;
    },
  };
}

/** One call of a repository snapshot: a title starting with the function's name, and the call. */
export type SnapshotCall = [title: string, call: (db: NodePgDatabase) => Promise<unknown>];

/**
 * Runs `calls` against a capturing handle on `pool` and returns the snapshot text, after checking that
 * the calls cover every function `repository` exports (a title's first word names the function), so
 * a new query cannot be added without its snapshot. Compare the text with `toMatchFileSnapshot`.
 *
 * @example
 * const text = await snapshotRepository(database.pool, repo, [
 *   ['findPoolByName', (db) => repo.findPoolByName(db, tenantId, 'East')],
 * ]);
 * await expect(text).toMatchFileSnapshot('./pool.repository.sql');
 */
export async function snapshotRepository(
  pool: pg.Pool,
  repository: Record<string, unknown>,
  calls: SnapshotCall[],
): Promise<string> {
  const called = new Set(calls.map(([title]) => /^[\w$]+/.exec(title)?.[0]));
  const uncovered = Object.entries(repository)
    .filter(([name, value]) => typeof value === 'function' && !called.has(name))
    .map(([name]) => name);
  if (uncovered.length > 0) throw new Error(`no snapshot call for ${uncovered.join(', ')}`);
  const sql = captureSql(pool);
  const parts: string[] = [];
  for (const [title, call] of calls) {
    await call(sql.db);
    parts.push(sql.take(title));
  }
  return parts.join('\n');
}

/**
 * EXPLAIN of the one statement `run` sends through a drizzle handle on `pool`, with its parameters.
 * `noSeqScan` turns sequential scans off for that EXPLAIN: a test table is small enough to read
 * whole, and the question is whether an index can serve the query.
 */
export async function planOf(
  pool: pg.Pool,
  run: (db: NodePgDatabase) => Promise<unknown>,
  options: { noSeqScan?: boolean } = {},
): Promise<string> {
  let statement: { text: string; params: unknown[] } | undefined;
  await run(drizzle(pool, { logger: { logQuery: (text, params) => (statement = { text, params }) } }));
  if (!statement) throw new Error('planOf: the call sent no statement');
  const client = await pool.connect();
  try {
    if (options.noSeqScan) await client.query('set enable_seqscan = off');
    const result = await client.query<{ 'QUERY PLAN': string }>(
      `explain ${statement.text}`,
      statement.params,
    );
    return result.rows.map((r) => r['QUERY PLAN']).join('\n');
  } finally {
    if (options.noSeqScan) await client.query('reset enable_seqscan');
    client.release();
  }
}
