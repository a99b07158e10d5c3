/**
 * Upkeep of the embedded engine, which has no autovacuum: `VACUUM (ANALYZE)` reclaims dead rows and
 * refreshes the planner's statistics. Run daily from the job queue, by hand with `kehu db maintain`.
 */
import { sql } from 'drizzle-orm';
import type { Job, JobLogger } from '../jobs/scheduler.js';
import { DAY_MS } from '../clock.js';
import type { Db } from './database.js';

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
