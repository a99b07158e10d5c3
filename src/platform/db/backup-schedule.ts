/**
 * Scheduled backups of the embedded engine: a periodic job writes `kehu-<time>.kehu-backup` into the
 * backup directory and keeps the newest N. A failed backup throws, so the queue logs it and shows it
 * as a failed job (Settings → Jobs); there are no notifications yet.
 */
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Clock } from '../clock.js';
import { DAY_MS } from '../clock.js';
import type { Job, JobLogger } from '../jobs/scheduler.js';
import { takeBackup, type BackupTarget } from './backup.js';
import type { Database } from './database.js';

/** Where scheduled backups go and how many are kept. */
export type BackupSchedule = { dir: string; keep: number; everyMs?: number };

/** One backup file in the backup directory. */
export type BackupFile = { name: string; bytes: number; createdAt: string; ageSeconds: number };

const SUFFIX = '.kehu-backup';

/** The backup files in `dir`, newest first. */
export function listBackupFiles(dir: string, clock: Clock): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith(SUFFIX));
  } catch {
    return [];
  }
  const now = clock.now().getTime();
  return names
    .map((name) => {
      const stat = statSync(path.join(dir, name));
      return {
        name,
        bytes: stat.size,
        createdAt: stat.mtime.toISOString(),
        ageSeconds: Math.max(0, Math.round((now - stat.mtimeMs) / 1000)),
      };
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

/** Takes one backup into the directory and removes all but the newest `keep`; answers the file name. */
export async function runScheduledBackup(
  database: Database,
  target: BackupTarget,
  schedule: BackupSchedule,
  clock: Clock,
): Promise<string> {
  mkdirSync(schedule.dir, { recursive: true });
  const name = `kehu-${clock.now().toISOString().replaceAll(':', '-')}${SUFFIX}`;
  await takeBackup(database, target, path.join(schedule.dir, name));
  for (const old of listBackupFiles(schedule.dir, clock).slice(Math.max(1, schedule.keep))) {
    rmSync(path.join(schedule.dir, old.name), { force: true });
  }
  return name;
}

/** The daily backup job (embedded engine). */
export function backupJob(
  deps: { database: Database; target: BackupTarget; schedule: BackupSchedule; clock: Clock },
  logger?: JobLogger,
): Job {
  return {
    name: 'db.backup',
    everyMs: deps.schedule.everyMs ?? DAY_MS,
    maxAttempts: 2,
    run: async () => {
      try {
        const name = await runScheduledBackup(deps.database, deps.target, deps.schedule, deps.clock);
        logger?.info({ file: name, dir: deps.schedule.dir }, 'backup written');
      } catch (error) {
        logger?.error({ dir: deps.schedule.dir, err: error }, 'backup failed');
        throw error;
      }
    },
  };
}
