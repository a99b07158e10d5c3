/**
 * `kehu db restore` and `kehu db verify`. A restore goes only into an empty data directory or an empty
 * database, refuses a schema newer than this code knows, and compares every table's rows and checksum
 * with the manifest afterwards.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLITE_EXTENSIONS } from './pglite-extensions.js';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { factsOfDataDirTarball, queryable, runTool, type BackupTarget } from './backup.js';
import { compareTables, readBackupFile, type BackupManifest } from './backup-format.js';
import { acquireLock, lockPath } from './lock.js';
import { distributeAll, hasCitus } from './distribution.js';
import { assertKnownSchema, readSnapshotFacts } from './snapshot-facts.js';

/** What a verify or restore found: the manifest and the tables that differ (empty when all match). */
export type BackupCheck = { manifest: BackupManifest; differences: string[] };

/** Checks a backup file: its checksum, its schema, and (embedded) every table against the manifest. */
export async function verifyBackup(file: string): Promise<BackupCheck> {
  const { manifest, payload } = readBackupFile(file);
  assertKnownSchema(manifest, manifest.kehuVersion);
  if (manifest.payload.kind === 'pglite-data-dir-tgz') {
    const facts = await factsOfDataDirTarball(payload);
    return { manifest, differences: compareTables(manifest.tables, facts.tables) };
  }
  const work = mkdtempSync(path.join(os.tmpdir(), 'kehu-verify-'));
  try {
    writeFileSync(path.join(work, 'dump'), payload);
    await runTool('pg_restore', ['--list', path.join(work, 'dump')]);
    return { manifest, differences: [] };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Restores a backup into the configured (empty) data directory or database. */
export async function restoreBackup(file: string, target: BackupTarget): Promise<BackupCheck> {
  const { manifest, payload } = readBackupFile(file);
  assertKnownSchema(manifest, manifest.kehuVersion);
  if (target.databaseUrl) {
    if (manifest.payload.kind !== 'pg-dump-custom')
      throw wrongEngine(file, 'an embedded', 'a PostgreSQL server');
    return { manifest, differences: await restoreServer(payload, target.databaseUrl, manifest) };
  }
  if (manifest.payload.kind !== 'pglite-data-dir-tgz')
    throw wrongEngine(file, 'a PostgreSQL', 'the embedded');
  return { manifest, differences: await restoreEmbedded(payload, target.dataDir, manifest) };
}

const wrongEngine = (file: string, from: string, to: string): Error =>
  new Error(
    `${file} is a backup of ${from} database; it cannot be restored into ${to} database. ` +
      `Set or unset DATABASE_URL to restore into the engine it came from.`,
  );

async function restoreEmbedded(
  payload: Buffer,
  dataDir: string,
  manifest: BackupManifest,
): Promise<string[]> {
  const entries = existsSync(dataDir) ? readdirSync(dataDir) : [];
  if (entries.length > 0) {
    throw new Error(
      `The data directory ${dataDir} is not empty. Restore into an empty directory (set KEHU_DATA_DIR), ` +
        `or stop Kehu and move this one aside first.`,
    );
  }
  acquireLock(dataDir, {
    pid: process.pid,
    ownerPid: process.pid,
    command: 'kehu db restore',
    startedAt: new Date().toISOString(),
  });
  try {
    const db = await PGlite.create({
      dataDir,
      loadDataDir: new Blob([payload]),
      extensions: PGLITE_EXTENSIONS,
    });
    try {
      const facts = await readSnapshotFacts(queryable(db));
      return compareTables(manifest.tables, facts.tables);
    } finally {
      await db.close();
    }
  } finally {
    // The dump holds the source's lockfile, naming its host: ours replaces it and goes with the restore.
    rmSync(lockPath(dataDir), { force: true });
  }
}

async function restoreServer(
  payload: Buffer,
  databaseUrl: string,
  manifest: BackupManifest,
): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const work = mkdtempSync(path.join(os.tmpdir(), 'kehu-restore-'));
  try {
    // Tables of extensions (Citus brings its own) do not make a database non-empty.
    const { rows } = await client.query<{ n: number }>(
      `select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p', 'v', 'm', 'f') and n.nspname not in ('pg_catalog', 'information_schema')
          and n.nspname not like 'pg_toast%'
          and not exists (select 1 from pg_depend d
                           where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')`,
    );
    if (rows[0]!.n > 0) {
      throw new Error(
        `The database is not empty (${rows[0]!.n} tables). Restore into a new, empty database ` +
          `(createdb, then point DATABASE_URL at it).`,
      );
    }
    writeFileSync(path.join(work, 'dump'), payload);
    await runTool('pg_restore', [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      '--single-transaction',
      `--dbname=${databaseUrl}`,
      path.join(work, 'dump'),
    ]);
    // On Citus the restored tables are plain local tables: place them as migrations would have.
    const db = drizzle(client);
    if (await hasCitus(db)) await distributeAll(db);
    const facts = await readSnapshotFacts(queryable(client));
    return compareTables(manifest.tables, facts.tables);
  } finally {
    await client.end();
    rmSync(work, { recursive: true, force: true });
  }
}
