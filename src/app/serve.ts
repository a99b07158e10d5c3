/** `kehu serve`: open the database, migrate, seed the demo on a fresh install, listen. */
import path from 'node:path';
import { auditRetentionJob } from '../modules/access/index.js';
import {
  crmLink,
  customerCountFoldHandler,
  customerCountJob,
  recallJob,
  winModelJob,
} from '../modules/crm/index.js';
import {
  createIngestRuntime,
  domainTouchpointJob,
  retentionJob,
  type IngestRuntime,
} from '../modules/insights/index.js';
import { systemClock } from '../platform/clock.js';
import type { Config } from '../platform/config.js';
import { backupJob, type BackupSchedule } from '../platform/db/backup-schedule.js';
import { openDatabase, type Database } from '../platform/db/database.js';
import { maintenanceHandler, vacuumJob } from '../platform/db/maintain.js';
import { migrateDatabase } from '../platform/db/migrate.js';
import { queueMaintenanceJob } from '../platform/jobs/job.service.js';
import { startJobs, type Job, type JobHandler, type JobLogger } from '../platform/jobs/scheduler.js';
import { limitMaintenanceJob } from '../platform/limits/limit.service.js';
import { buildApp } from './app.js';
import { DEMO_LOGIN, isEmptyInstall, seedDemo } from './demo.js';
import { tenantRemovalJob } from './tenant-removal.js';

/** Every periodic job of a server process; the embedded engine adds its vacuum and backups. */
function periodicJobs(deps: {
  database: Database;
  config: Config;
  ingest: IngestRuntime;
  backupSchedule: BackupSchedule | undefined;
  logger: JobLogger;
}): Job[] {
  const { database, logger } = deps;
  const jobDeps = { db: database.db, clock: systemClock };
  return [
    recallJob(jobDeps, logger),
    customerCountJob(jobDeps),
    winModelJob(jobDeps, logger),
    retentionJob(jobDeps, logger),
    domainTouchpointJob({ ...jobDeps, crm: crmLink, ingest: deps.ingest }, logger),
    queueMaintenanceJob(jobDeps, logger),
    limitMaintenanceJob(jobDeps),
    auditRetentionJob(jobDeps),
    tenantRemovalJob({ ...jobDeps, exportDir: path.join(deps.config.backupDir, 'tenant-exports') }, logger),
    ...(database.engine === 'pglite' ? [vacuumJob(jobDeps, logger)] : []),
    ...(deps.backupSchedule
      ? [
          backupJob(
            { database, target: deps.config, schedule: deps.backupSchedule, clock: systemClock },
            logger,
          ),
        ]
      : []),
  ];
}

/** The handlers of the one-off jobs features queue (maintenance after a big change). */
function jobHandlers(database: Database, logger: JobLogger): JobHandler[] {
  return [
    maintenanceHandler({ db: database.db, engine: database.engine }, logger),
    customerCountFoldHandler({ db: database.db }),
  ];
}

/** What `serve` prints once it listens: where, how fast, and the demo sign-in. */
function readyMessage(config: Config, demo: boolean, seeded: boolean, elapsedMs: number): string {
  const where = config.databaseUrl ? 'PostgreSQL server' : `embedded database in ${config.dataDir}`;
  const lines = [
    '',
    `Kehu is ready on http://localhost:${config.port} (${where}, ${(elapsedMs / 1000).toFixed(1)} s)`,
    `API docs: http://localhost:${config.port}/docs`,
  ];
  if (demo) {
    lines.push(
      `Demo sign-in: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}${seeded ? '  (demo data created now)' : ''}`,
    );
  }
  return lines.join('\n') + '\n';
}

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
  // The embedded engine has no autovacuum and nothing else backs it up: both run from the job queue.
  const backupSchedule =
    database.engine === 'pglite' && config.backupKeep > 0
      ? { dir: config.backupDir, keep: config.backupKeep }
      : undefined;
  const app = await buildApp({
    backupDir: backupSchedule?.dir,
    db: database.db,
    clock: systemClock,
    ingest,
    logLevel: config.logLevel,
    logFormat: config.logFormat,
    secureCookies: config.secureCookies,
    trustProxy: config.trustProxy,
    tenantRemovalGraceDays: config.tenantRemovalGraceDays,
  });
  await app.listen({ port: config.port, host: config.host });
  // Background work runs from the job queue shared by every server process on this database: each
  // period of a periodic job runs once across them (docs/adr/0006-job-queue.md).
  const stopJobs = startJobs(
    { db: database.db, clock: systemClock, logger: app.log },
    periodicJobs({ database, config, ingest, backupSchedule, logger: app.log }),
    jobHandlers(database, app.log),
  );
  console.log(readyMessage(config, options.demo, seeded, Date.now() - started));

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
