/**
 * Data safety at scale (issue 15): `kehu db backup`, `verify` and `restore` times and sizes on a
 * database with N customers and M events, and what `kehu db maintain` (VACUUM (ANALYZE)) does for
 * the customer list and a funnel after a big change. Runs on both engines; on the server engine the
 * backup needs `pg_dump` and `pg_restore` installed (skipped, with a log line, without them).
 *
 * Sizes come from the environment (defaults finish in a few minutes on a 2-vCPU machine):
 * - `KEHU_BENCH_SAFETY_CUSTOMERS` customers (default 20,000; the closing note's run: 1,000,000);
 * - `KEHU_BENCH_SAFETY_EVENTS` events (default 200,000; the closing note's run: 10,000,000);
 * - `KEHU_BENCH_SAFETY_CHANGED` customers and events changed before maintenance (default: as many
 *   as there are customers; the issue asks for 1,000,000).
 * Metric names carry the sizes, so runs of different sizes are never compared by mistake.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { systemClock } from '../src/platform/clock.js';
import { takeBackup, type BackupTarget } from '../src/platform/db/backup.js';
import { vacuumAnalyze } from '../src/platform/db/maintain.js';
import { migrateDatabase } from '../src/platform/db/migrate.js';
import { restoreBackup, verifyBackup } from '../src/platform/db/restore.js';
import { loadCustomers } from './customers-data.js';
import { AT, CHUNK, seedTenant } from './customers-world.js';
import { findServerUrl, now, type BenchContext, type Measurement, type ScratchDatabase } from './harness.js';
import { changeCustomers, changeEvents, loadEvents } from './safety-data.js';
import { timePlan, watchedQueries, type PlanTiming } from './safety-plans.js';
import { countLabel, seconds } from './stats.js';

/**
 * Not on Citus: a cluster is backed up and restored node by node, not by `kehu db backup`, and the
 * restore target here is a database on the plain server.
 */
export const engines = ['pglite', 'postgres'] as const;

type Sizes = { customers: number; events: number; changed: number };

function readSizes(): Sizes {
  const read = (name: string, fallback: number): number => {
    const value = Number(process.env[name] ?? fallback);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
    return value;
  };
  const customers = read('KEHU_BENCH_SAFETY_CUSTOMERS', 20_000);
  return {
    customers,
    events: read('KEHU_BENCH_SAFETY_EVENTS', 200_000),
    changed: read('KEHU_BENCH_SAFETY_CHANGED', customers),
  };
}

const MB = 1024 * 1024;
const mb = (bytes: number) => Math.round((bytes / MB) * 10) / 10;

/** Loads the rows, times backup, verify and restore, then the plans before and after maintenance. */
export async function measure(context: BenchContext): Promise<Measurement[]> {
  const sizes = readSizes();
  const label = `${countLabel(sizes.customers)}c-${countLabel(sizes.events)}e`;
  const database = await context.openScratchDatabase({ poolSize: 4 });
  const work = mkdtempSync(path.join(os.tmpdir(), 'kehu-bench-safety-'));
  try {
    await migrateDatabase(database.db);
    const tenantId = await load(context, database, sizes);
    const backups = await measureBackup(context, database, work, label);
    const plans = await measureMaintenance(context, database, tenantId, sizes);
    return [...backups, ...plans];
  } finally {
    await database.drop();
    rmSync(work, { recursive: true, force: true });
  }
}

async function load(context: BenchContext, database: ScratchDatabase, sizes: Sizes): Promise<string> {
  const tenant = await seedTenant(database.db, 'bench-safety');
  const customerMs = await loadCustomers(database.pool, {
    ...tenant.load,
    count: sizes.customers,
    chunk: CHUNK,
    firstIndex: 1,
    seed: 1500,
    at: AT,
  });
  context.log(`${countLabel(sizes.customers)} customers in ${seconds(customerMs)}`);
  const eventMs = await loadEvents(database.pool, database.db, tenant.id, sizes.events, (loaded, ms) => {
    if (loaded % 1_000_000 === 0) context.log(`  ${countLabel(loaded)} events after ${seconds(ms)}`);
  });
  context.log(`${countLabel(sizes.events)} events in ${seconds(eventMs)}`);
  const vacuumMs = await vacuumAnalyze(database.db);
  context.log(`VACUUM (ANALYZE) after the load: ${seconds(vacuumMs)}`);
  return tenant.id;
}

/** Backup (while the database is open, as on a running server), verify, restore into an empty one. */
async function measureBackup(
  context: BenchContext,
  database: ScratchDatabase,
  work: string,
  label: string,
): Promise<Measurement[]> {
  if (!database.location) {
    context.log('no database of its own (a scratch schema): backup not measured');
    return [];
  }
  const file = path.join(work, 'bench.kehu-backup');
  const size = await databaseBytes(database.pool);
  let started = now();
  try {
    await takeBackup(database, database.location, file);
  } catch (error) {
    context.log(`backup not measured: ${error instanceof Error ? error.message : String(error)}`);
    return [];
  }
  const backupMs = now() - started;
  const fileBytes = statSync(file).size;
  context.log(`backup ${seconds(backupMs)}, ${mb(fileBytes)} MB from ${mb(size)} MB`);
  started = now();
  const verified = await verifyBackup(file);
  const verifyMs = now() - started;
  const target = await emptyTarget(context, work);
  started = now();
  let restoreMs: number;
  try {
    const restored = await restoreBackup(file, target.location);
    restoreMs = now() - started;
    if (restored.differences.length > 0 || verified.differences.length > 0)
      throw new Error(`restore differs: ${[...verified.differences, ...restored.differences].join('; ')}`);
  } finally {
    await target.drop();
  }
  context.log(`verify ${seconds(verifyMs)}, restore ${seconds(restoreMs)}`);
  const note = `${label}, database ${mb(size)} MB`;
  return [
    { metric: `backup-${label}`, value: backupMs / 1000, unit: 's', note },
    { metric: `backup-size-${label}`, value: mb(fileBytes), unit: 'MB', note },
    { metric: `database-size-${label}`, value: mb(size), unit: 'MB', note: label },
    { metric: `verify-${label}`, value: verifyMs / 1000, unit: 's', note },
    {
      metric: `restore-${label}`,
      value: restoreMs / 1000,
      unit: 's',
      note: `${note}, checked table by table`,
    },
  ];
}

async function databaseBytes(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ bytes: string }>(
    'select pg_database_size(current_database())::text as bytes',
  );
  return Number(rows[0]!.bytes);
}

/** An empty data directory, or an empty database on the server the bench runs against. */
async function emptyTarget(
  context: BenchContext,
  work: string,
): Promise<{ location: BackupTarget; drop(): Promise<void> }> {
  const serverUrl = findServerUrl();
  if (context.engine === 'pglite' || !serverUrl)
    return { location: { dataDir: path.join(work, 'restored') }, drop: async () => {} };
  const name = `kehu_bench_restore_${Date.now().toString(36)}_${process.pid}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(statement).finally(() => client.end());
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    location: { dataDir: '', databaseUrl: url.toString() },
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** The watched plans after the load, after the big change, and after `kehu db maintain`. */
async function measureMaintenance(
  context: BenchContext,
  database: ScratchDatabase,
  tenantId: string,
  sizes: Sizes,
): Promise<Measurement[]> {
  const queries = watchedQueries(tenantId);
  const phase = async (name: string) => {
    const timings: Record<string, PlanTiming> = {};
    for (const [query, statement] of Object.entries(queries))
      timings[query] = await timePlan(database.pool, statement);
    for (const [query, t] of Object.entries(timings))
      context.log(
        `${name} ${query}: plan ${t.planningMs.toFixed(2)} ms, run ${t.executionMs.toFixed(1)} ms, ` +
          `${t.scan}: rows estimated ${t.estimatedRows} / found ${t.actualRows}`,
      );
    return timings;
  };
  const loaded = await phase('loaded');
  let started = now();
  const customers = await changeCustomers(database.pool, tenantId, sizes.changed, systemClock.now());
  const events = await changeEvents(database.pool, tenantId, sizes.events, sizes.changed);
  context.log(`changed ${customers} customers and ${events} events in ${seconds(now() - started)}`);
  const changed = await phase('changed');
  started = now();
  await vacuumAnalyze(database.db);
  const maintainMs = now() - started;
  context.log(`kehu db maintain (VACUUM (ANALYZE)): ${seconds(maintainMs)}`);
  const maintained = await phase('maintained');
  const label = `${countLabel(sizes.changed)}changed`;
  const measurements: Measurement[] = [
    {
      metric: `maintain-${label}`,
      value: maintainMs / 1000,
      unit: 's',
      note: `after ${customers} customers and ${events} events changed`,
    },
  ];
  for (const query of Object.keys(queries))
    for (const [name, timings] of [
      ['loaded', loaded],
      ['changed', changed],
      ['maintained', maintained],
    ] as const) {
      const t = timings[query]!;
      measurements.push({
        metric: `${query}-${name}-${label}`,
        value: Math.round(t.executionMs * 100) / 100,
        unit: 'ms',
        note: `planning ${t.planningMs.toFixed(2)} ms; ${t.scan} rows estimated ${t.estimatedRows}, found ${t.actualRows}`,
      });
    }
  return measurements;
}
