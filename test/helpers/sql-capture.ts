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
