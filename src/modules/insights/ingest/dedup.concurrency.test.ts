import { drizzle } from 'drizzle-orm/node-postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import type { Database } from '../../../platform/db/database.js';
import { hasCitus } from '../../../platform/db/distribution.js';
import { newId } from '../../../platform/ids.js';
import { claimMessageIdsSql } from './dedup.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

// Lock order needs two real sessions, so this runs on the PostgreSQL server only (PGlite has one).
describe.skipIf(testEngine() !== 'postgres')('claimMessageIdsSql under concurrency', () => {
  it('claims ids in sorted order, so batches sharing ids queue instead of deadlocking', async () => {
    const source = { tenantId: newId(), sourceId: newId() };
    const [first, second] = [await database.pool.connect(), await database.pool.connect()];
    // async, so the claim starts at once (drizzle's query runs only when awaited).
    const claim = async (client: typeof first, ids: string[]) =>
      drizzle(client).execute<{ message_id: string }>(claimMessageIdsSql(source, ids, new Date()));
    try {
      await first.query('begin');
      await second.query('begin');
      await claim(first, ['id-a']);
      // Given out of order: claimed as written, the second batch would hold id-b while waiting for id-a.
      const waiting = claim(second, ['id-b', 'id-a']);
      await untilSomeoneWaitsForALock();
      // Had the second batch taken id-b, this would wait on it while it waits on us: a deadlock.
      expect((await claim(first, ['id-b'])).rows).toEqual([{ message_id: 'id-b' }]);
      await first.query('commit');
      expect((await waiting).rows).toEqual([]);
      await second.query('commit');
    } finally {
      await first.query('rollback').catch(() => undefined);
      await second.query('rollback').catch(() => undefined);
      first.release();
      second.release();
    }
  });
});

/**
 * Waits until a session of this database waits for a lock (the second batch, queued on id-a). On
 * Citus the wait happens on the worker that holds the shard, which `citus_lock_waits` shows.
 */
async function untilSomeoneWaitsForALock(): Promise<void> {
  const citus = await hasCitus(database.db);
  for (let tries = 0; tries < 200; tries++) {
    const result = await database.pool.query<{ n: number }>(
      citus
        ? 'select count(*)::int as n from citus_lock_waits'
        : "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
    );
    if (result.rows[0]!.n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the second batch never waited for a lock');
}
