/** `kehu serve`: open the database, migrate, seed the demo on a fresh install, listen. */
import { auditRetentionJob } from '../modules/access/index.js';
import { crmLink, recallJob } from '../modules/crm/index.js';
import { createIngestRuntime, domainTouchpointJob, retentionJob } from '../modules/insights/index.js';
import { systemClock } from '../platform/clock.js';
import type { Config } from '../platform/config.js';
import { openDatabase } from '../platform/db/database.js';
import { migrateDatabase } from '../platform/db/migrate.js';
import { queueMaintenanceJob } from '../platform/jobs/job.service.js';
import { startJobs } from '../platform/jobs/scheduler.js';
import { limitMaintenanceJob } from '../platform/limits/limit.service.js';
import { buildApp } from './app.js';
import { DEMO_LOGIN, isEmptyInstall, seedDemo } from './demo.js';

/** Runs the server until SIGINT or SIGTERM. */
export async function serve(config: Config, options: { demo: boolean }): Promise<void> {
  const started = Date.now();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    exclusive: true,
    command: 'kehu serve',
  });
  await migrateDatabase(database.db);
  let seeded = false;
  if (options.demo && (await isEmptyInstall(database.db))) seeded = await seedDemo(database.db, systemClock);
  const ingest = createIngestRuntime(database.db);
  const app = await buildApp({
    db: database.db,
    clock: systemClock,
    ingest,
    logLevel: config.logLevel,
    secureCookies: config.secureCookies,
  });
  await app.listen({ port: config.port, host: config.host });
  // Background work runs from the job queue shared by every server process on this database: each
  // period of a periodic job runs once across them (docs/adr/0006-job-queue.md).
  const jobDeps = { db: database.db, clock: systemClock };
  const stopJobs = startJobs({ ...jobDeps, logger: app.log }, [
    recallJob(jobDeps, app.log),
    retentionJob(jobDeps, app.log),
    domainTouchpointJob({ ...jobDeps, crm: crmLink, ingest }, app.log),
    queueMaintenanceJob(jobDeps, app.log),
    limitMaintenanceJob(jobDeps),
    auditRetentionJob(jobDeps),
  ]);
  const where = config.databaseUrl ? 'PostgreSQL server' : `embedded database in ${config.dataDir}`;
  const lines = [
    '',
    `Kehu is ready on http://localhost:${config.port} (${where}, ${((Date.now() - started) / 1000).toFixed(1)} s)`,
    `API docs: http://localhost:${config.port}/docs`,
  ];
  if (options.demo) {
    lines.push(
      `Demo sign-in: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}${seeded ? '  (demo data created now)' : ''}`,
    );
  }
  console.log(lines.join('\n') + '\n');

  let closing = false;
  const shutdown = async (): Promise<void> => {
    if (closing) return;
    closing = true;
    await stopJobs();
    await app.close();
    // Persons' last-seen times are written in coalesced batches: stop the timer, write the pending ones.
    await ingest.close().catch(() => undefined);
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}
