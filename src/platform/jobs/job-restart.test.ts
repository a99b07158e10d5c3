import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/db.js';
import { testEngine } from '../../../test/helpers/engine.js';
import { fixedClock } from '../clock.js';
import { openDatabase, type Database } from '../db/database.js';
import { migrateDatabase } from '../db/migrate.js';
import { newId } from '../ids.js';
import { listJobs } from './job.repository.js';
import { enqueueJob } from './job.service.js';
import { createJobWorker } from './scheduler.js';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** How to open the same durable database again: an embedded data directory or a server database. */
async function reopenable(): Promise<() => Promise<Database>> {
  if (testEngine() === 'postgres') {
    const own = await createTestDatabase();
    await own.pool.end();
    cleanups.push(() => own.close().catch(() => undefined));
    return () => openDatabase({ databaseUrl: own.url });
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kehu-jobs-'));
  cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
  return async () => {
    const database = await openDatabase({ dataDir, exclusive: true });
    await migrateDatabase(database.db);
    return database;
  };
}

describe('the job queue', () => {
  it('keeps queued jobs across a restart and runs them once afterwards', { timeout: 120_000 }, async () => {
    const open = await reopenable();
    const clock = fixedClock('2026-03-02T08:00:00.000Z');
    const name = `test.restart.${newId()}`;
    const before = await open();
    const id = await enqueueJob(before.db, clock, { name, payload: { n: 1 } });
    await before.close();

    const after = await open();
    try {
      const seen: unknown[] = [];
      const logger = { info: () => undefined, error: () => undefined };
      const worker = createJobWorker(
        { db: after.db, clock, logger },
        [],
        [{ name, run: async (payload) => void seen.push(payload) }],
      );
      expect(await worker.runDue()).toBe(1);
      expect(await worker.runDue()).toBe(0);
      expect(seen).toEqual([{ n: 1 }]);
      expect(await listJobs(after.db, { tenantId: newId(), name, limit: 10 })).toMatchObject([
        { id, status: 'succeeded', attempts: 1 },
      ]);
    } finally {
      await after.close();
    }
  });
});
