import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { SOCKET_PORT } from './host-protocol.js';

/** What the lockfile of an embedded data directory records about its holder. */
export type LockInfo = {
  /** The process that owns the data directory (the PGlite host). */
  pid: number;
  /** The process that started the host, e.g. `kehu serve`. */
  ownerPid: number;
  command: string;
  startedAt: string;
  /** Directory of the Unix socket others may connect to, once the host is ready. */
  socketDir?: string;
  /** The host's control socket (backups of the running database), once the host is ready. */
  controlPath?: string;
};

/** Raised when another live process holds the data directory. */
export class DataDirLockedError extends Error {
  readonly holder: LockInfo;
  constructor(dataDir: string, holder: LockInfo) {
    super(
      `The data directory ${dataDir} is in use by process ${holder.ownerPid} (${holder.command}, ` +
        `database host pid ${holder.pid}, since ${holder.startedAt}). ` +
        `Stop that process, or set KEHU_DATA_DIR to another directory.`,
    );
    this.name = 'DataDirLockedError';
    this.holder = holder;
  }
}

/** The lockfile's path inside a data directory. */
export function lockPath(dataDir: string): string {
  return path.join(dataDir, 'kehu.lock');
}

/** True when a process with this pid exists. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * True unless the process with this pid is known to be something other than Kehu (a database host, or
 * a `kehu db restore`). After a power cut the pid in a lockfile may belong to an unrelated process;
 * where the system shows command lines (`/proc`), that is told apart, elsewhere any live process counts.
 */
export function isHostProcess(pid: number): boolean {
  if (pid === process.pid) return true;
  let cmdline: string;
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return true;
  }
  return ['pglite-host', 'kehu', 'cli/main'].some((mark) => cmdline.includes(mark));
}

/** The live holder of a data directory, or undefined when the directory is free (or its lock is stale). */
export function readLiveLock(dataDir: string): LockInfo | undefined {
  let info: LockInfo;
  try {
    info = JSON.parse(readFileSync(lockPath(dataDir), 'utf8')) as LockInfo;
  } catch {
    return undefined;
  }
  return isProcessAlive(info.pid) && isHostProcess(info.pid) ? info : undefined;
}

/** True when the holder's Unix socket accepts a connection within `timeoutMs`. */
export function socketAnswers(socketDir: string, timeoutMs = 2_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(path.join(socketDir, `.s.PGSQL.${SOCKET_PORT}`));
    const done = (answer: boolean): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * Takes the data directory for this process, or throws DataDirLockedError naming the holder.
 * A lock left by a dead process is taken over. Returns a function that updates the recorded info.
 */
export function acquireLock(dataDir: string, info: LockInfo): (update: Partial<LockInfo>) => void {
  mkdirSync(dataDir, { recursive: true });
  const file = lockPath(dataDir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify(info));
      closeSync(fd);
      let current = info;
      return (update) => {
        current = { ...current, ...update };
        writeFileSync(file, JSON.stringify(current));
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readLiveLock(dataDir);
      if (holder) throw new DataDirLockedError(dataDir, holder);
      unlinkSync(file);
    }
  }
  throw new Error(`could not take the lock ${file}`);
}

/** Gives the data directory back, if this process still holds it. */
export function releaseLock(dataDir: string, pid: number = process.pid): void {
  try {
    const info = JSON.parse(readFileSync(lockPath(dataDir), 'utf8')) as LockInfo;
    if (info.pid === pid) unlinkSync(lockPath(dataDir));
  } catch {
    // already gone
  }
}
