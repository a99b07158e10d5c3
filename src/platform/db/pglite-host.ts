/**
 * The embedded database host: a child process that owns a PGlite data directory (and its lockfile)
 * and serves it over a Unix socket, so the HTTP server and the CLI both talk to it with `pg`, and a
 * long query never blocks the HTTP event loop. Started by `openDatabase`; talks to its parent by IPC.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLITE_EXTENSIONS } from './pglite-extensions.js';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { SOCKET_PORT, type HostCommand, type HostMessage } from './host-protocol.js';
import { backupTo, startControl } from './host-control.js';
import { acquireLock, DataDirLockedError, isProcessAlive, releaseLock, type LockInfo } from './lock.js';

const send = (message: HostMessage): void => {
  process.send?.(message);
};

/**
 * Takes the data directory's lock. A holder whose owner has died is a host still shutting down (after
 * a restart in `npm run dev`, or a `kill -9` of its server): wait for it to close the directory before
 * refusing. A lock whose process is gone, or is no database host, is taken over (lock.ts).
 */
async function takeDataDir(dataDir: string): Promise<(update: Partial<LockInfo>) => void> {
  const info: LockInfo = {
    pid: process.pid,
    ownerPid: Number(process.env.KEHU_HOST_OWNER_PID ?? process.ppid),
    command: process.env.KEHU_HOST_COMMAND ?? 'kehu',
    startedAt: new Date().toISOString(),
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      return acquireLock(dataDir, info);
    } catch (error) {
      if (!(error instanceof DataDirLockedError)) throw error;
      if (isProcessAlive(error.holder.ownerPid) || Date.now() > deadline) {
        send({ type: 'locked', message: error.message });
        process.exit(3);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function main(): Promise<void> {
  const dataDir = process.env.KEHU_HOST_DATA_DIR || undefined;
  const loadFrom = process.env.KEHU_HOST_LOAD_FROM || undefined;
  if (!process.env.KEHU_HOST_SOCKET_DIR && !dataDir) {
    throw new Error('KEHU_HOST_SOCKET_DIR or KEHU_HOST_DATA_DIR is required');
  }

  const updateLock = dataDir ? await takeDataDir(dataDir) : undefined;
  // The sockets live outside the data directory, so that the engine's own dump of the directory (a
  // backup) finds only regular files; the lockfile says where they are.
  const ownSocketDir = process.env.KEHU_HOST_SOCKET_DIR
    ? undefined
    : mkdtempSync(path.join(os.tmpdir(), 'kehu-'));
  const socketDir = process.env.KEHU_HOST_SOCKET_DIR || ownSocketDir!;

  const loadDataDir = loadFrom ? new Blob([readFileSync(loadFrom)]) : undefined;
  const db = await PGlite.create({
    extensions: PGLITE_EXTENSIONS,
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
  });
  const socketPath = path.join(socketDir, `.s.PGSQL.${SOCKET_PORT}`);
  if (existsSync(socketPath)) rmSync(socketPath);
  const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 256 });
  await server.start();
  const control = dataDir ? await startControl(socketDir, (file) => backupTo(db, file)) : undefined;
  updateLock?.({ socketDir, ...(control ? { controlPath: control.path } : {}) });

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    control?.server.close();
    await server.stop().catch(() => undefined);
    await db.close().catch(() => undefined);
    if (dataDir) releaseLock(dataDir);
    if (ownSocketDir) rmSync(ownSocketDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  process.on('disconnect', () => void stop());
  process.on('message', (command: HostCommand) => {
    if (command.type === 'stop') void stop();
    if (command.type === 'dump') {
      void db.dumpDataDir('none').then(async (file) => {
        writeFileSync(command.file, Buffer.from(await file.arrayBuffer()));
        send({ type: 'dumped', file: command.file });
      });
    }
  });
  send({ type: 'ready', socketDir });
}

main().catch((error: unknown) => {
  send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
