/**
 * Upkeep of the embedded engine, which has no autovacuum: `VACUUM (ANALYZE)` reclaims dead rows and
 * refreshes the planner's statistics. Run daily from the job queue, by hand with `kehu db maintain`,
 * and soon after a big change (an import, a retention run) that a feature reports with
 * `requestMaintenance`. On a PostgreSQL server autovacuum reclaims the rows; the requested run only
 * refreshes the statistics (`ANALYZE`), which autovacuum would do later.
 */
import { sql } from 'drizzle-orm';
import type { Clock } from '../clock.js';
import { DAY_MS } from '../clock.js';
import { enqueueJob } from '../jobs/job.service.js';
import type { Job, JobHandler, JobLogger } from '../jobs/scheduler.js';
import type { Db } from './database.js';

/** Rows written or deleted in one operation from which the planner's statistics are worth refreshing. */
export const BIG_CHANGE_ROWS = 10_000;

/** The one-off job a big change queues. */
export const MAINTENANCE_REQUEST_JOB = 'db.maintain_after_change';

/** How soon after the change it runs: long enough for a run of imports to finish first. */
const REQUEST_DELAY_MS = 60_000;

/** Vacuums and analyses every table; answers how long it took in milliseconds. */
export async function vacuumAnalyze(db: Db): Promise<number> {
  const started = performance.now();
  await db.execute(sql`VACUUM (ANALYZE)`);
  return Math.round(performance.now() - started);
}

/** The daily `VACUUM (ANALYZE)` of the embedded engine. */
export function vacuumJob(deps: { db: Db }, logger?: JobLogger): Job {
  return {
    name: 'db.vacuum',
    everyMs: DAY_MS,
    run: async () => {
      const ms = await vacuumAnalyze(deps.db);
      logger?.info({ ms }, 'database vacuumed and analysed');
    },
  };
}

/**
 * Reports a big change: when `rows` reaches `BIG_CHANGE_ROWS`, queues one maintenance run a minute
 * from now (at most one per hour: the hour is its singleton key). Answers whether it queued one.
 */
export async function requestMaintenance(
  db: Db,
  clock: Clock,
  change: { rows: number; reason: string },
): Promise<boolean> {
  if (change.rows < BIG_CHANGE_ROWS) return false;
  const now = clock.now();
  const hour = now.toISOString().slice(0, 13);
  const id = await enqueueJob(db, clock, {
    name: MAINTENANCE_REQUEST_JOB,
    payload: { reason: change.reason, rows: change.rows },
    runAt: new Date(now.getTime() + REQUEST_DELAY_MS),
    maxAttempts: 2,
    singletonKey: `${MAINTENANCE_REQUEST_JOB}:${hour}`,
  });
  return id !== undefined;
}

/** Runs a requested maintenance: `VACUUM (ANALYZE)` on the embedded engine, `ANALYZE` on a server. */
export function maintenanceHandler(
  deps: { db: Db; engine: 'pglite' | 'postgres' },
  logger?: JobLogger,
): JobHandler {
  return {
    name: MAINTENANCE_REQUEST_JOB,
    run: async (payload) => {
      const started = performance.now();
      if (deps.engine === 'pglite') await vacuumAnalyze(deps.db);
      else await deps.db.execute(sql`ANALYZE`);
      const ms = Math.round(performance.now() - started);
      logger?.info({ ms, ...payload }, 'database maintained after a big change');
    },
  };
}
