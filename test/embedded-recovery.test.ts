/**
 * The first opener of an embedded data directory after an unclean stop, in process: a lock left
 * naming a live process that is no database host (a pid reused after a power cut), a host that is
 * still leaving after its server died (the cause of "Failed query: CREATE SCHEMA IF NOT EXISTS
 * drizzle"), and files the engine cannot recover, which are reported in words.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/platform/db/database.js';
import { lockPath } from '../src/platform/db/lock.js';
import { migrateDatabase } from '../src/platform/db/migrate.js';
import { testEngine } from './helpers/engine.js';

const dirs: string[] = [];
const children: ChildProcess[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kehu-recover-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  children.forEach((c) => c.kill('SIGKILL'));
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

/** A live process whose command line does (or does not) look like a database host. */
function liveProcess(looksLikeHost: boolean, lifeMs: number): ChildProcess {
  const args = ['-e', `setTimeout(() => undefined, ${lifeMs})`, ...(looksLikeHost ? ['pglite-host'] : [])];
  const child = spawn(process.execPath, args, { stdio: 'ignore' });
  children.push(child);
  return child;
}

function writeLock(dataDir: string, pid: number, ownerPid: number): void {
  const lock = {
    pid,
    ownerPid,
    command: 'kehu serve',
    startedAt: '2026-01-01T00:00:00.000Z',
    socketDir: dataDir,
  };
  writeFileSync(lockPath(dataDir), JSON.stringify(lock));
}

const DEAD_PID = 2 ** 22 + 4321; // above the default pid_max

describe.skipIf(testEngine() !== 'pglite')('the first opener after an unclean stop', () => {
  it('takes over a lock naming a live process that is no database host', async () => {
    const dataDir = tempDir();
    const stranger = liveProcess(false, 120_000);
    writeLock(dataDir, stranger.pid!, DEAD_PID);
    const database = await openDatabase({ dataDir, command: 'kehu cli' });
    try {
      await migrateDatabase(database.db);
      expect(database.host).toBeDefined();
    } finally {
      await database.close();
    }
  }, 120_000);

  it('waits for a host whose server died to leave, instead of sharing its closed socket', async () => {
    const dataDir = tempDir();
    const leaving = liveProcess(true, 3_000);
    writeLock(dataDir, leaving.pid!, DEAD_PID);
    const exited = new Promise<number>((resolve) => leaving.once('exit', () => resolve(Date.now())));
    const database = await openDatabase({ dataDir, command: 'kehu cli' });
    try {
      // Sharing the leaving host's socket failed on the first query; waiting opens the directory.
      expect(Date.now()).toBeGreaterThanOrEqual(await exited);
      await migrateDatabase(database.db);
      expect(database.host).toBeDefined();
    } finally {
      await database.close();
    }
  }, 120_000);

  it('says in words when the engine cannot recover the directory, naming it and what to do', async () => {
    const dataDir = tempDir();
    const first = await openDatabase({ dataDir, exclusive: true });
    await first.close();
    writeFileSync(path.join(dataDir, 'global', 'pg_control'), Buffer.alloc(8192, 0x5a));
    const error = await openDatabase({ dataDir, exclusive: true }).then(
      async (database) => {
        await database.close();
        return undefined;
      },
      (e: unknown) => e as Error,
    );
    expect(error?.message).toContain(`The embedded database in ${dataDir} could not be opened`);
    expect(error?.message).toContain('kehu db restore');
  }, 120_000);
});
