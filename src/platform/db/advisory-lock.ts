/**
 * Transaction-scoped advisory locks named by text: whoever takes a name holds it until their
 * transaction ends, so work on one name is serialised across sessions and server processes.
 */
import { sql } from 'drizzle-orm';
import type { Db } from './database.js';

/**
 * Takes the advisory locks of these names inside the current transaction, in sorted order, so two
 * transactions wanting overlapping names queue instead of deadlocking.
 */
export async function lockNames(tx: Db, names: string[]): Promise<void> {
  for (const name of [...new Set(names)].sort()) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${name}, 0))`);
  }
}
