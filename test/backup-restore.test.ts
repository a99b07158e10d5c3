/**
 * `kehu db backup`, `restore` and `verify` on the engine of the test project: a backup taken during a
 * steady write load holds every row acknowledged before it started; a restore into an empty database
 * matches the manifest's rows and checksums and serves the demo; a newer schema is refused.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app/app.js';
import { DEMO_LOGIN, seedDemo } from '../src/app/demo.js';
import { DAY_MS, fixedClock, systemClock } from '../src/platform/clock.js';
import { listBackupFiles, runScheduledBackup } from '../src/platform/db/backup-schedule.js';
import { vacuumAnalyze } from '../src/platform/db/maintain.js';
import { queryable, takeBackup, type BackupTarget } from '../src/platform/db/backup.js';
import { compareTables, readBackupFile, writeBackupFile } from '../src/platform/db/backup-format.js';
import { openDatabase, type Database } from '../src/platform/db/database.js';
import { migrateDatabase } from '../src/platform/db/migrate.js';
import { restoreBackup, verifyBackup } from '../src/platform/db/restore.js';
import { readSnapshotFacts } from '../src/platform/db/snapshot-facts.js';
import { placementReport } from '../src/platform/db/distribution.js';
import { foldAllCustomerCounts } from '../src/modules/crm/index.js';
import { keptCountGroups } from './helpers/customer-counts.js';
import { testEngine } from './helpers/engine.js';
import { citusCluster, createServerDatabase, dropServerDatabase } from './helpers/server-database.js';
import { signInCookie } from './helpers/server.js';

const dirs: string[] = [];
const tempDir = (prefix: string): string => {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};
const databases: string[] = [];

/** A new, empty database: an empty data directory, or an empty PostgreSQL database. */
async function emptyTarget(): Promise<BackupTarget> {
  if (testEngine() === 'pglite') return { dataDir: path.join(tempDir('kehu-restore-'), 'data') };
  const name = `kehu_restore_${process.pid}_${databases.length}`;
  const databaseUrl = await createServerDatabase(name);
  databases.push(name);
  return { dataDir: '', databaseUrl };
}

const open = (target: BackupTarget): Promise<Database> =>
  target.databaseUrl
    ? openDatabase({ databaseUrl: target.databaseUrl })
    : openDatabase({ dataDir: target.dataDir, exclusive: true, command: 'kehu test' });

let source: BackupTarget;
let database: Database;
beforeAll(async () => {
  source = await emptyTarget();
  database = await open(source);
  await migrateDatabase(database.db);
  await seedDemo(database.db, systemClock, 20);
  // Some kept customer counts folded, some pending: a restore must bring both back once.
  await foldAllCustomerCounts(database.db);
  await database.pool.query(
    `update customers set intent_tier = 'A' where id in (select id from customers order by id limit 3)`,
  );
  await database.pool.query('create table load_probe (id int primary key, at timestamptz default now())');
}, 180_000);

afterAll(async () => {
  await database?.close();
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
  for (const name of databases) await dropServerDatabase(name);
});

describe(`backup and restore (${testEngine()})`, () => {
  let file: string;
  let ackedBefore: number[];

  it('takes a backup during a steady write load that holds every row acknowledged before it began', async () => {
    const acked: number[] = [];
    let stop = false;
    const load = (async () => {
      for (let id = 1; !stop; id++) {
        await database.pool.query('insert into load_probe (id) values ($1)', [id]);
        acked.push(id);
      }
    })();
    for (const deadline = Date.now() + 60_000; acked.length < 50 && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    ackedBefore = [...acked];
    file = path.join(tempDir('kehu-backup-'), 'kehu.kehu-backup');
    const manifest = await takeBackup(database, source, file).finally(() => (stop = true));
    await load;
    expect(ackedBefore.length).toBeGreaterThanOrEqual(50);
    expect(manifest.tables.load_probe!.rows).toBeGreaterThanOrEqual(ackedBefore.length);
    expect(manifest.tenants.map((t) => t.slug)).toContain(DEMO_LOGIN.tenant);
    expect(manifest.migrations.applied).toBeGreaterThan(0);
    expect((await verifyBackup(file)).differences).toEqual([]);
  }, 180_000);

  it('restores into an empty database with every row count and checksum equal, and serves the demo', async () => {
    const target = await emptyTarget();
    const restored = await restoreBackup(file, target);
    expect(restored.differences).toEqual([]);
    const copy = await open(target);
    try {
      // On Citus the restore places the tables as migrations would (local ones of others stay).
      if (citusCluster()) expect((await placementReport(copy.db)).filter((t) => t.problem)).toEqual([]);
      const { manifest } = readBackupFile(file);
      const facts = await readSnapshotFacts(queryable(copy.pool));
      expect(compareTables(manifest.tables, facts.tables)).toEqual([]);
      const counts = await keptCountGroups(copy.db);
      expect(counts.counted.length).toBeGreaterThan(0);
      expect(counts.kept).toEqual(counts.counted);
      const ids = await copy.pool.query<{ id: number }>('select id from load_probe');
      const present = new Set(ids.rows.map((r) => r.id));
      expect(ackedBefore.filter((id) => !present.has(id))).toEqual([]);

      await migrateDatabase(copy.db);
      const app = await buildApp({ db: copy.db, clock: systemClock, logLevel: false, serveWeb: false });
      const signIn = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email: DEMO_LOGIN.email, password: DEMO_LOGIN.password },
      });
      expect(signIn.statusCode, signIn.body).toBe(200);
      await app.close();
    } finally {
      await copy.close();
    }
    // A second restore into the now-filled target is refused.
    await expect(restoreBackup(file, target)).rejects.toThrow(/not empty/);
  }, 180_000);

  it('refuses to restore a backup whose schema is newer than the code knows', async () => {
    const { manifest, payload } = readBackupFile(file);
    const newer = path.join(path.dirname(file), 'newer.kehu-backup');
    writeBackupFile(
      newer,
      {
        ...manifest,
        migrations: { applied: manifest.migrations.applied + 1, newestCreatedAt: Date.now() + 1e9 },
      },
      payload,
    );
    const target = await emptyTarget();
    await expect(restoreBackup(newer, target)).rejects.toThrow(/newer than this Kehu knows/);
    await expect(verifyBackup(newer)).rejects.toThrow(/newer than this Kehu knows/);
  });

  it('finds a damaged backup by its checksum', async () => {
    const { manifest, payload } = readBackupFile(file);
    const damaged = path.join(path.dirname(file), 'damaged.kehu-backup');
    const bytes = Buffer.from(payload);
    const middle = bytes.length >> 1;
    bytes[middle] = (bytes[middle] ?? 0) ^ 0xff;
    writeBackupFile(damaged, manifest, bytes);
    await expect(verifyBackup(damaged)).rejects.toThrow(/is damaged/);
  });

  it('keeps the newest N scheduled backups and lists them for admins with size and age', async () => {
    const dir = tempDir('kehu-scheduled-');
    const clock = fixedClock('2026-03-01T02:00:00Z');
    for (let day = 0; day < 3; day++) {
      await runScheduledBackup(database, source, { dir, keep: 2 }, clock);
      clock.set(new Date(clock.now().getTime() + DAY_MS));
    }
    const files = listBackupFiles(dir, systemClock);
    expect(files.map((f) => f.name)).toEqual([
      'kehu-2026-03-03T02-00-00.000Z.kehu-backup',
      'kehu-2026-03-02T02-00-00.000Z.kehu-backup',
    ]);
    const app = await buildApp({
      db: database.db,
      clock: systemClock,
      logLevel: false,
      serveWeb: false,
      backupDir: dir,
    });
    try {
      const cookie = await signInCookie(app, DEMO_LOGIN.email, DEMO_LOGIN.password);
      const listed = await app.inject({ method: 'GET', url: '/api/backups', headers: { cookie } });
      expect(listed.statusCode, listed.body).toBe(200);
      const body = listed.json<{
        scheduled: boolean;
        items: { name: string; bytes: number; ageSeconds: number }[];
      }>();
      expect(body.scheduled).toBe(true);
      expect(body.items.map((i) => i.name)).toEqual(files.map((f) => f.name));
      expect(body.items.every((i) => i.bytes > 0 && i.ageSeconds >= 0)).toBe(true);
      expect((await app.inject({ method: 'GET', url: '/api/backups' })).statusCode).toBe(401);
    } finally {
      await app.close();
    }
  }, 180_000);

  it('vacuums and analyses every table by hand', async () => {
    await database.pool.query('delete from load_probe');
    expect(await vacuumAnalyze(database.db)).toBeGreaterThanOrEqual(0);
    const { rows } = await database.pool.query<{ analysed: string | null }>(
      `select coalesce(last_analyze, last_autoanalyze)::text as analysed from pg_stat_user_tables where relname = 'load_probe'`,
    );
    expect(rows[0]?.analysed).not.toBeNull();
  });
});
