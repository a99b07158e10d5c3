/**
 * `kehu db backup`: a consistent snapshot of the running database, with a manifest. Embedded: the
 * host that owns the data directory writes the engine's own dump (host-control.ts), which is then
 * opened in memory here to count and checksum it, so the manifest describes exactly the snapshot.
 * Server: `pg_dump` reads an exported snapshot, and the counts are taken in the same snapshot.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLITE_EXTENSIONS } from './pglite-extensions.js';
import type pg from 'pg';
import { packageRoot } from '../paths.js';
import { sha256, writeBackupFile, type BackupManifest, type SnapshotFacts } from './backup-format.js';
import type { Database } from './database.js';
import { requestBackup } from './host-control.js';
import { readLiveLock } from './lock.js';
import { readSnapshotFacts, type Queryable } from './snapshot-facts.js';

/** Where the database is, as the CLI and the server know it. */
export type BackupTarget = { databaseUrl?: string; dataDir: string };

/** The version in package.json, recorded in every manifest. */
export const kehuVersion: string = (
  JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string }
).version;

/** Takes a backup of `database` into `file` and answers its manifest. */
export async function takeBackup(
  database: Database,
  target: BackupTarget,
  file: string,
): Promise<BackupManifest> {
  const { payload, facts, kind } =
    database.engine === 'postgres'
      ? await snapshotServer(database.pool, target.databaseUrl!)
      : await snapshotEmbedded(target.dataDir);
  const manifest: BackupManifest = {
    format: 'kehu-backup',
    formatVersion: 1,
    kehuVersion,
    engine: database.engine,
    createdAt: new Date().toISOString(),
    ...facts,
    payload: { kind, bytes: payload.length, sha256: sha256(payload) },
  };
  writeBackupFile(file, manifest, payload);
  return manifest;
}

type Snapshot = { payload: Buffer; facts: SnapshotFacts; kind: BackupManifest['payload']['kind'] };

/** Adapts a pg client or PGlite to what readSnapshotFacts needs. */
export const queryable = (db: { query(text: string): Promise<{ rows: unknown[] }> }): Queryable => ({
  query: async <R>(text: string) => ({ rows: (await db.query(text)).rows as R[] }),
});

async function snapshotEmbedded(dataDir: string): Promise<Snapshot> {
  const holder = readLiveLock(dataDir);
  if (!holder?.controlPath) throw new Error(`no database host serves ${dataDir}; open it first`);
  const work = mkdtempSync(path.join(os.tmpdir(), 'kehu-backup-'));
  try {
    const tarball = path.join(work, 'data.tgz');
    await requestBackup(holder.controlPath, tarball);
    const payload = readFileSync(tarball);
    return { payload, facts: await factsOfDataDirTarball(payload), kind: 'pglite-data-dir-tgz' };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Opens a data-directory tarball in memory and reads its facts. */
export async function factsOfDataDirTarball(payload: Buffer): Promise<SnapshotFacts> {
  const db = await PGlite.create({ loadDataDir: new Blob([payload]), extensions: PGLITE_EXTENSIONS });
  try {
    return await readSnapshotFacts(queryable(db));
  } finally {
    await db.close();
  }
}

async function snapshotServer(pool: pg.Pool, databaseUrl: string): Promise<Snapshot> {
  const client = await pool.connect();
  const work = mkdtempSync(path.join(os.tmpdir(), 'kehu-backup-'));
  try {
    await client.query('begin isolation level repeatable read read only');
    const { rows } = await client.query<{ id: string }>('select pg_export_snapshot() as id');
    const archive = path.join(work, 'dump');
    const dumped = runTool('pg_dump', [
      '--format=custom',
      '--no-owner',
      '--no-privileges',
      `--snapshot=${rows[0]!.id}`,
      `--file=${archive}`,
      `--dbname=${databaseUrl}`,
    ]);
    const facts = await readSnapshotFacts(queryable(client));
    await dumped;
    await client.query('commit');
    return { payload: readFileSync(archive), facts, kind: 'pg-dump-custom' };
  } finally {
    await client.query('rollback').catch(() => undefined);
    client.release();
    rmSync(work, { recursive: true, force: true });
  }
}

/** Runs a PostgreSQL client tool; a missing tool is said in words. */
export function runTool(tool: 'pg_dump' | 'pg_restore', args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new Error(
              `${tool} is not installed. Backups of a PostgreSQL server use the server's own client tools: ` +
                `install the PostgreSQL client of the server's major version or newer (Debian: ` +
                `apt-get install postgresql-client), then run the command again.`,
            )
          : error,
      ),
    );
    child.once('close', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${tool} failed: ${output.trim()}`)),
    );
  });
}
