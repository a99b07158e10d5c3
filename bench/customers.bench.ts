/**
 * The CRM customer list at scale (issue 3, "Measure"): a million customers generated in one tenant,
 * the list filtered by intent tier and owner and sorted by last follow-up (p50/p95 through the real
 * `listCustomers` and `summarizeCustomers` services; goal p95 <= 50 ms on the server), and CSV import
 * throughput with duplicate checking through the real `importCustomers` (goal >= 10k rows/s).
 *
 * Sizes come from the environment so a quick run is possible:
 * - `KEHU_BENCH_CUSTOMERS` customers in the list tenant (default 1,000,000 on both engines: PGlite
 *   loads them in about two to five minutes on a 2-vCPU machine, well under the ten we allow);
 * - `KEHU_BENCH_LIST_RUNS` timed runs per list shape after a warm-up (default 200; a shape slower
 *   than SHAPE_BUDGET_MS in total stops early, after at least MIN_RUNS, and says how many it made);
 * - `KEHU_BENCH_IMPORT_ROWS` rows in the imported CSV (default 100,000), into a second tenant that
 *   already holds `KEHU_BENCH_IMPORT_EXISTING` customers (default 100,000).
 * Metric names carry the sizes, so runs of different sizes are never compared by mistake. A shape
 * that misses the 50 ms goal has the EXPLAIN ANALYZE of its statements printed in the log.
 */
import os from 'node:os';
import { drizzle } from 'drizzle-orm/node-postgres';
import type { Actor } from '../src/platform/auth/actor.js';
import { actorForMember, addUser, createTenant, type Role } from '../src/modules/access/index.js';
import { systemClock } from '../src/platform/clock.js';
import type { Db } from '../src/platform/db/database.js';
import { migrateDatabase } from '../src/platform/db/migrate.js';
import { newId } from '../src/platform/ids.js';
import { CustomerSummaryQuery, ListCustomersQuery } from '../src/modules/crm/customer/customer.contract.js';
import { listCustomers, summarizeCustomers } from '../src/modules/crm/customer/customer.service.js';
import type { ImportReport } from '../src/modules/crm/import/import.contract.js';
import { importCustomers } from '../src/modules/crm/import/import.service.js';
import { matchColumnsOf } from '../src/modules/crm/customer/customer-rules.js';
import type { CrmDeps } from '../src/modules/crm/crm-deps.js';
import { pools } from '../src/modules/crm/pool/pool.table.js';
import { buildImportCsv, dropSecondaryIndexes, loadCustomers, type ImportFile } from './customers-data.js';
import { now, type BenchContext, type Measurement, type ScratchDatabase } from './harness.js';

const GOAL_LIST_P95_MS = 50;
const GOAL_IMPORT_ROWS_PER_S = 10_000;
const REPS = 20;
const WARM_UP = 20;
const WARM_UP_BUDGET_MS = 5_000;
const MIN_RUNS = 20;
const SHAPE_BUDGET_MS = 60_000;
const CHUNK = 100_000;
const AT = new Date('2026-01-15T08:00:00Z');
const POOL_NAME = '公海';

type Sizes = { customers: number; listRuns: number; importRows: number; importExisting: number };

function readSizes(): Sizes {
  const read = (name: string, fallback: number): number => {
    const value = Number(process.env[name] ?? fallback);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
    return value;
  };
  return {
    customers: read('KEHU_BENCH_CUSTOMERS', 1_000_000),
    listRuns: read('KEHU_BENCH_LIST_RUNS', 200),
    importRows: read('KEHU_BENCH_IMPORT_ROWS', 100_000),
    importExisting: read('KEHU_BENCH_IMPORT_EXISTING', 100_000),
  };
}

/** Generates the customers, times the list shapes, then the import; returns every measurement. */
export async function measure(context: BenchContext): Promise<Measurement[]> {
  const sizes = readSizes();
  const database = await context.openScratchDatabase({ poolSize: 4 });
  try {
    const started = now();
    await migrateDatabase(database.db);
    context.log(`migrated in ${seconds(now() - started)}`);
    const deps: CrmDeps = { db: database.db, clock: systemClock };
    const tenant = await seedTenant(deps.db, 'bench-list');
    const generated = await generateCustomers(context, database, tenant, sizes.customers);
    const listed = await measureList(context, database, deps, tenant, sizes);
    const imported = await measureImport(context, database, deps, sizes);
    return [...generated, ...listed, ...imported];
  } finally {
    await database.drop();
  }
}

/**
 * Loads `count` customers into the tenant with the secondary indexes dropped, builds the indexes,
 * and runs VACUUM (ANALYZE) as autovacuum would after such a load (PostgreSQL 13+ vacuums insert-only
 * tables too). The vacuum matters: it sets the visibility map, without which the summary's counts
 * cannot use index-only scans. PGlite has no autovacuum (one standalone backend), so there the
 * product itself has to run it; these numbers assume it does.
 */
async function generateCustomers(
  context: BenchContext,
  database: ScratchDatabase,
  tenant: BenchTenant,
  count: number,
): Promise<Measurement[]> {
  const size = countLabel(count);
  const indexes = await dropSecondaryIndexes(database.pool);
  context.log(
    `generating ${size} customers in chunks of ${countLabel(CHUNK)}, ${indexes.length} indexes dropped`,
  );
  const loadMs = await loadCustomers(
    database.pool,
    { ...tenant.load, count, chunk: CHUNK, firstIndex: 1, seed: 1000, at: AT },
    (loaded, ms) => context.log(`  ${countLabel(loaded)} rows after ${seconds(ms)}`),
  );
  let started = now();
  for (const definition of indexes) await database.pool.query(definition);
  const indexMs = now() - started;
  started = now();
  await database.pool.query('VACUUM (ANALYZE) customers');
  const vacuumMs = now() - started;
  context.log(`inserted in ${seconds(loadMs)}, indexes ${seconds(indexMs)}, VACUUM ${seconds(vacuumMs)}`);
  await checkMatchKeys(database, tenant.id);
  const totalMs = loadMs + indexMs;
  return [
    {
      metric: `generate (${size})`,
      value: perSecond(count, totalMs),
      unit: 'rows/s',
      note: `${seconds(totalMs)}: insert-select ${seconds(loadMs)} + ${indexes.length} indexes ${seconds(indexMs)}; ${loadNote()}`,
    },
    {
      metric: `vacuum analyze (${size})`,
      value: vacuumMs,
      unit: 'ms',
      note: 'VACUUM (ANALYZE) customers after loading',
    },
  ];
}

/** The machine's load average: other work on it makes every number here slower. */
function loadNote(): string {
  return `load avg ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cpus`;
}

/** A tenant with an admin, `REPS` sales reps owning its customers, and one pool. */
type BenchTenant = {
  id: string;
  admin: Actor;
  reps: Actor[];
  /** The reps' emails, as an import's owner column names them. */
  emails: string[];
  load: { tenantId: string; ownerIds: string[]; poolId: string };
};

async function seedTenant(db: Db, slug: string): Promise<BenchTenant> {
  const tenant = await createTenant(db, { slug, name: `Bench ${slug}` });
  const emailOf = (role: Role, n: number): string => `${role}-${n}@${slug}.bench`;
  const member = async (role: Role, n: number): Promise<Actor> => {
    const user = await addUser(db, tenant.id, {
      email: emailOf(role, n),
      name: `${role} ${n}`,
      password: 'bench-password',
      role,
    });
    return (await actorForMember(db, tenant, user.id, 'session'))!;
  };
  const admin = await member('admin', 0);
  const reps: Actor[] = [];
  for (let n = 1; n <= REPS; n++) reps.push(await member('sales_rep', n));
  const poolId = newId();
  await db
    .insert(pools)
    .values({ tenantId: tenant.id, id: poolId, name: POOL_NAME, isDefault: true, createdAt: AT });
  return {
    id: tenant.id,
    admin,
    reps,
    emails: reps.map((_, n) => emailOf('sales_rep', n + 1)),
    load: { tenantId: tenant.id, ownerIds: reps.map((r) => r.userId!), poolId },
  };
}

/** The generator writes match keys in SQL: a sample must agree with what the product computes. */
async function checkMatchKeys(database: ScratchDatabase, tenantId: string): Promise<void> {
  const { rows } = await database.pool.query<{
    kind: 'business' | 'consumer' | 'government';
    name: string;
    phone: string | null;
    email: string | null;
    phone_key: string | null;
    email_key: string | null;
    name_key: string | null;
  }>(
    // Ids follow the creation time, which the generator draws independently of the row number.
    `select kind, name, phone, email, phone_key, email_key, name_key from customers
     where tenant_id = $1 order by id limit 3000`,
    [tenantId],
  );
  const wrong = rows.filter((row) => {
    const keys = matchColumnsOf(row);
    return (
      keys.phoneKey !== row.phone_key || keys.emailKey !== row.email_key || keys.nameKey !== row.name_key
    );
  });
  if (wrong.length > 0) {
    throw new Error(
      `${wrong.length} of ${rows.length} generated rows have keys the product would not compute, e.g. ${JSON.stringify(wrong[0])}`,
    );
  }
}

/** One way the list page asks: `run(i)` makes the i-th call, varying owner, tier and rep with `i`. */
type Shape = { metric: string; note: string; run: (i: number, deps: CrmDeps) => Promise<unknown> };

/** Combinations of owner and tier the runs cycle through: every rep with every tier. */
const COMBINATIONS = REPS * 4;

/** Times each list shape; logs EXPLAIN ANALYZE of the statements of any shape that misses the goal. */
async function measureList(
  context: BenchContext,
  database: ScratchDatabase,
  deps: CrmDeps,
  tenant: BenchTenant,
  sizes: Sizes,
): Promise<Measurement[]> {
  const size = countLabel(sizes.customers);
  const shapes = await listShapes(deps, tenant);
  const measurements: Measurement[] = [];
  for (const shape of shapes) {
    const times = await timeRuns(shape, deps, sizes.listRuns);
    const p50 = percentile(times, 50);
    const p95 = percentile(times, 95);
    context.log(
      `${shape.metric}: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms over ${times.length} runs`,
    );
    const note = `${shape.note}; ${times.length} runs`;
    if (shape.metric === 'list')
      measurements.push({ metric: `list p50 (${size})`, value: p50, unit: 'ms', note });
    measurements.push({
      metric: `${shape.metric} p95 (${size})`,
      value: p95,
      unit: 'ms',
      note: `${note}; p50 ${p50.toFixed(1)} ms; ${loadNote()}`,
    });
    if (p95 > GOAL_LIST_P95_MS) await explainShape(context, database, shape);
  }
  return measurements;
}

/**
 * Times `runs` calls after a warm-up. A shape that takes seconds per call (an unfiltered count of a
 * million rows on PGlite) stops after SHAPE_BUDGET_MS once it has MIN_RUNS, so a run takes minutes.
 */
async function timeRuns(shape: Shape, deps: CrmDeps, runs: number): Promise<number[]> {
  let started = now();
  for (let i = 0; i < WARM_UP && now() - started < WARM_UP_BUDGET_MS; i++) await shape.run(i, deps);
  const times: number[] = [];
  started = now();
  for (let i = 0; i < runs && (i < MIN_RUNS || now() - started < SHAPE_BUDGET_MS); i++) {
    const begun = now();
    await shape.run(i, deps);
    times.push(now() - begun);
  }
  return times;
}

/** The list page's calls: the filtered list, its second page, a rep's list, and the summaries. */
async function listShapes(deps: CrmDeps, tenant: BenchTenant): Promise<Shape[]> {
  const tiers = ['A', 'B', 'C', 'D'] as const;
  // i = owner + 20 * k: each owner with each tier within COMBINATIONS runs.
  const filters = (i: number) => ({
    intentTier: tiers[(i + Math.floor(i / REPS)) % tiers.length]!,
    ownerUserId: tenant.reps[i % REPS]!.userId!,
  });
  const page = (i: number, on: CrmDeps, after?: string) =>
    listCustomers(
      on,
      tenant.admin,
      ListCustomersQuery.parse({ ...filters(i), sort: 'lastFollowUp', limit: 50, after }),
    );
  // The second page's cursors are fetched before timing: a user has the first page on screen already.
  // (In a tiny quick run a combination may have one page only; it is then asked for its first.)
  const cursors: (string | undefined)[] = [];
  for (let i = 0; i < COMBINATIONS; i++) cursors.push((await page(i, deps)).nextCursor ?? undefined);
  const rep = (i: number): Actor => tenant.reps[i % REPS]!;
  return [
    {
      metric: 'list',
      note: 'admin; tier A-D + owner, by last follow-up, 50 rows',
      run: (i, on) => page(i, on),
    },
    {
      metric: 'list page 2',
      note: 'admin; same, after the first page cursor',
      run: (i, on) => page(i % COMBINATIONS, on, cursors[i % COMBINATIONS]),
    },
    {
      metric: 'list as rep',
      note: 'scope own (own + pool); tier A-D, by last follow-up',
      run: (i, on) =>
        listCustomers(
          on,
          rep(i),
          ListCustomersQuery.parse({ intentTier: filters(i).intentTier, sort: 'lastFollowUp', limit: 50 }),
        ),
    },
    {
      metric: 'summary',
      note: 'admin; counts by kind and tier, tier + owner filter',
      run: (i, on) => summarizeCustomers(on, tenant.admin, CustomerSummaryQuery.parse(filters(i))),
    },
    {
      metric: 'summary all',
      note: 'admin; counts by kind and tier, no filter',
      run: (_, on) => summarizeCustomers(on, tenant.admin, CustomerSummaryQuery.parse({})),
    },
    {
      metric: 'summary as rep',
      note: 'scope own (own + pool); no filter',
      run: (i, on) => summarizeCustomers(on, rep(i), CustomerSummaryQuery.parse({})),
    },
  ];
}

/**
 * Imports a CSV of `importRows` rows in our export's columns into a second tenant that already holds
 * `importExisting` customers, through the real `importCustomers` with duplicate checking on: first
 * as a dry run (read, check, look up; no writes), then for real. The difference is the writing.
 */
async function measureImport(
  context: BenchContext,
  database: ScratchDatabase,
  deps: CrmDeps,
  sizes: Sizes,
): Promise<Measurement[]> {
  const tenant = await seedTenant(deps.db, 'bench-import');
  const file = await prepareImport(context, database, tenant, sizes);
  const label = `${countLabel(sizes.importRows)} rows into ${countLabel(sizes.importExisting)}`;
  context.log(`importing ${label} (${(file.bytes.length / 2 ** 20).toFixed(1)} MiB), dry run first`);
  const dry = await timeImport(context, deps, tenant.admin, file, true);
  const dryRun: Measurement = {
    metric: `import dry run (${label})`,
    value: perSecond(sizes.importRows, dry.ms),
    unit: 'rows/s',
    note: `${seconds(dry.ms)}; read, check and look up, no writes`,
  };
  let real: { ms: number; report: ImportReport };
  try {
    real = await timeImport(context, deps, tenant.admin, file, false);
  } catch (error) {
    // A broken import must not throw away the list numbers measured before it: the failure becomes a
    // row of its own (NaN, saved as null) that says what went wrong.
    context.log(`FAILED: ${causesOf(error).join('\n  in ')}`);
    return [
      { metric: `import (${label})`, value: NaN, unit: 'rows/s', note: `FAILED: ${causesOf(error)[0]}` },
      dryRun,
    ];
  }
  const rate = perSecond(sizes.importRows, real.ms);
  if (rate < GOAL_IMPORT_ROWS_PER_S) context.log(`import misses ${GOAL_IMPORT_ROWS_PER_S} rows/s`);
  const count = (what: string, value: number, note: string): Measurement => ({
    metric: `import ${what} (${label})`,
    value,
    unit: 'rows',
    note,
  });
  return [
    { metric: `import (${label})`, value: rate, unit: 'rows/s', note: `${seconds(real.ms)}; ${loadNote()}` },
    dryRun,
    count('created', real.report.created, `of ${file.rows}`),
    count('duplicates', real.report.duplicates.length, `the file has ${file.duplicates}`),
    count('rejected', real.report.rejectedRows, `the file has ${file.invalid}`),
  ];
}

/** Loads the import tenant's existing customers (indexes live) and builds the file to import. */
async function prepareImport(
  context: BenchContext,
  database: ScratchDatabase,
  tenant: BenchTenant,
  sizes: Sizes,
): Promise<ImportFile> {
  const existing = sizes.importExisting;
  const started = now();
  await loadCustomers(database.pool, {
    ...tenant.load,
    count: existing,
    chunk: CHUNK,
    firstIndex: 1,
    seed: 2000,
    at: AT,
  });
  await database.pool.query('VACUUM (ANALYZE) customers');
  context.log(
    `import tenant: ${countLabel(existing)} customers loaded (indexes live) in ${seconds(now() - started)}`,
  );
  const sample = Math.ceil(sizes.importRows / 40) + 1;
  const keys = async (column: 'phone_key' | 'name_key', kind: string): Promise<string[]> => {
    const { rows } = await database.pool.query<{ key: string }>(
      `select ${column} as key from customers where tenant_id = $1 and kind = $2 and ${column} is not null
       order by hashint4extended(hashtext(id::text), 7) limit $3`,
      [tenant.id, kind, sample],
    );
    return rows.map((row) => row.key);
  };
  // New rows are numbered after the existing customers, so only the planted duplicates match.
  return buildImportCsv(sizes.importRows, existing + 1, {
    phoneKeys: await keys('phone_key', 'consumer'),
    businessNameKeys: await keys('name_key', 'business'),
    ownerEmails: tenant.emails,
    poolName: POOL_NAME,
  });
}

/** One import of `file`, timed, with a progress line every ten seconds. */
async function timeImport(
  context: BenchContext,
  deps: CrmDeps,
  actor: Actor,
  file: ImportFile,
  dryRun: boolean,
): Promise<{ ms: number; report: ImportReport }> {
  let reported = 0;
  const started = now();
  const report = await importCustomers(deps, actor, file.bytes, { dryRun }, (done) => {
    if (now() - started > reported + 10_000) {
      reported = now() - started;
      context.log(`  ${countLabel(done)} rows after ${seconds(reported)}`);
    }
  });
  const ms = now() - started;
  context.log(
    `${dryRun ? 'dry run' : 'import'} in ${seconds(ms)}: created ${report.created}, updated ${report.updated}, ` +
      `duplicates ${report.duplicates.length} (file has ${file.duplicates}), ` +
      `rejected ${report.rejectedRows} rows (file has ${file.invalid})`,
  );
  return { ms, report };
}

/** Runs one call of `shape` on a drizzle handle that records its SQL, then EXPLAIN ANALYZEs each statement. */
async function explainShape(context: BenchContext, database: ScratchDatabase, shape: Shape): Promise<void> {
  const statements: { sql: string; params: unknown[] }[] = [];
  const db = drizzle(database.pool, {
    logger: { logQuery: (sql, params) => statements.push({ sql, params }) },
  });
  await shape.run(1, { db, clock: systemClock });
  for (const statement of statements.filter((s) => /^\s*select/i.test(s.sql))) {
    const { rows } = await database.pool.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`,
      statement.params,
    );
    context.log(
      `${shape.metric} misses ${GOAL_LIST_P95_MS} ms; plan of\n${statement.sql}\n${rows.map((r) => r['QUERY PLAN']).join('\n')}`,
    );
  }
}

/**
 * The messages of an error and its causes, innermost first: drizzle's "Failed query: <the SQL>" wraps
 * the database's own message, which is the one that says what went wrong.
 */
function causesOf(error: unknown): string[] {
  const messages: string[] = [];
  for (let e: unknown = error; e instanceof Error; e = e.cause) messages.unshift(e.message.slice(0, 400));
  return messages.length ? messages : [String(error)];
}

/** The p-th percentile (nearest rank) of a non-empty list. */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function perSecond(count: number, ms: number): number {
  return count / (ms / 1000);
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** 1000000 → `1M`, 200000 → `200k`, 1500 → `1.5k`. */
function countLabel(n: number): string {
  if (n >= 1_000_000 && n % 100_000 === 0) return `${n / 1_000_000}M`;
  if (n >= 1_000 && n % 100 === 0) return `${n / 1_000}k`;
  return String(n);
}
