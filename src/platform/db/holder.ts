/**
 * Whom an opener of an embedded data directory talks to, after any kind of stop. A lockfile names a
 * database host; that host may be serving (share its socket), starting (wait for its socket), leaving
 * because the process that started it died (wait until it has closed the directory, then open it
 * ourselves) or long dead (the lock is stale: open it ourselves; the host takes the lock over and the
 * engine replays its write-ahead log). Sharing a leaving host was the cause of the first command
 * after a `kill -9` failing on its first query.
 */
import { isProcessAlive, readLiveLock, socketAnswers, type LockInfo } from './lock.js';

/** Raised when a data directory's holder neither serves nor goes away in time. */
export class DataDirUnavailableError extends Error {
  constructor(dataDir: string, holder: LockInfo, waitedMs: number) {
    const seconds = Math.round(waitedMs / 1000);
    const starter = `process ${holder.ownerPid} (${holder.command})`;
    super(
      isProcessAlive(holder.ownerPid)
        ? `The data directory ${dataDir} is held by ${starter}, whose database host (pid ${holder.pid}) ` +
            `did not answer within ${seconds} s. Wait until it is ready and try again, or stop that process.`
        : `The data directory ${dataDir} is still held by database host pid ${holder.pid}, left behind by ` +
            `${starter}, which has stopped; it did not close the directory within ${seconds} s. Stop it ` +
            `(kill ${holder.pid}) and run the command again: the next opener recovers the directory.`,
    );
    this.name = 'DataDirUnavailableError';
  }
}

/** How long to wait for a holder to become ready or to go away, and how often to look. */
export type HolderWait = { waitMs?: number; pollMs?: number };

/**
 * The holder to share, or undefined when the directory is free (a stale lock counts as free: the
 * host this process starts takes it over). Waits while the holder starts or leaves.
 */
export async function findServingHolder(
  dataDir: string,
  { waitMs = 60_000, pollMs = 100 }: HolderWait = {},
): Promise<LockInfo | undefined> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const holder = readLiveLock(dataDir);
    if (!holder) return undefined;
    const serving =
      holder.socketDir !== undefined &&
      isProcessAlive(holder.ownerPid) &&
      (await socketAnswers(holder.socketDir));
    if (serving) return holder;
    if (Date.now() > deadline) throw new DataDirUnavailableError(dataDir, holder, waitMs);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
