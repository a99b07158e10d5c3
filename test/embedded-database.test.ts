import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app/app.js';
import { systemClock } from '../src/platform/clock.js';
import { DataDirLockedError } from '../src/platform/db/lock.js';
import { openDatabase, type Database } from '../src/platform/db/database.js';
import { migrateDatabase } from '../src/platform/db/migrate.js';
import { runCli } from './helpers/cli.js';
import { testEngine } from './helpers/engine.js';

describe.skipIf(testEngine() !== 'pglite')('embedded database', () => {
  let dataDir: string;
  let database: Database;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'kehu-embedded-'));
    database = await openDatabase({ dataDir, exclusive: true, command: 'kehu test' });
    await migrateDatabase(database.db);
  });
  afterAll(async () => {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a second exclusive opener of the same data directory, naming it and the holder', async () => {
    const error = await openDatabase({ dataDir, exclusive: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataDirLockedError);
    expect((error as Error).message).toContain(dataDir);
    expect((error as Error).message).toContain(String(process.pid));
  });

  it('makes a second `kehu serve` on the same data directory exit non-zero with a clear message', async () => {
    const result = await runCli(['serve', '--port', '0'], { KEHU_DATA_DIR: dataDir, DATABASE_URL: '' });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(`The data directory ${dataDir} is in use by process ${process.pid}`);
  });

  it('lets the CLI share the running database instead of fighting over it', async () => {
    const created = await runCli(['tenant', 'create', 'shared', '--name', 'Shared'], {
      KEHU_DATA_DIR: dataDir,
      DATABASE_URL: '',
    });
    expect(created.code).toBe(0);
    const { rows } = await database.pool.query<{ slug: string }>(
      `select slug from tenants where slug = 'shared'`,
    );
    expect(rows).toEqual([{ slug: 'shared' }]);
  });

  it('keeps /healthz answering while a 3-second query runs', async () => {
    const app = await buildApp({ db: database.db, clock: systemClock, logLevel: false, serveWeb: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      let slowDone = false;
      const slow = database.pool.query('select pg_sleep(3)').then(() => (slowDone = true));
      await new Promise((r) => setTimeout(r, 200));
      const started = performance.now();
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      const elapsed = performance.now() - started;
      expect(response.status).toBe(200);
      expect(slowDone).toBe(false);
      expect(elapsed).toBeLessThan(1000);
      await slow;
    } finally {
      await app.close();
    }
  });

  it('runs concurrent transactions and queries of different shapes without mixing their statements', async () => {
    const failures: unknown[] = [];
    const wrong: number[] = [];
    const inTransaction = async (i: number): Promise<void> => {
      await database.db.transaction(async (tx) => {
        const result = await tx.execute(
          sql`select ${i}::int * 2 as v, ${'a'}::text as a, ${'b'}::text as b, ${'c'}::text as c`,
        );
        if (result.rows[0]?.v !== i * 2) wrong.push(i);
      });
    };
    const plain = async (i: number): Promise<void> => {
      const result = await database.pool.query<{ v: number }>('select $1::int + $2::int + $3::int as v', [
        i,
        1,
        1,
      ]);
      if (result.rows[0]?.v !== i + 2) wrong.push(i);
    };
    const jobs = Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? inTransaction(i) : plain(i)));
    await Promise.all(jobs.map((job) => job.catch((error: unknown) => failures.push(error))));
    expect(failures).toEqual([]);
    expect(wrong).toEqual([]);
  });
});
