/**
 * Touchpoint ingest (issue 4, "Measure"): events/s through `POST /v1/batch` over real HTTP on
 * loopback — the app built as `kehu serve` builds it, listening on an ephemeral port, 500-event batches
 * from C concurrent clients (C = 4 and 8) — next to raw COPY of the same event rows into the same
 * `events` table (same partitions and indexes, same database, same run). Goal: ingest >= 0.5 x COPY.
 *
 * Each ingest run starts from empty touchpoint tables (partitions kept) and must store every event
 * exactly once. The COPY rows are the ones the last run stored, exported and loaded back into the
 * emptied table. On PGlite, COPY FROM STDIN cannot go through the socket host (see baseline.bench.ts),
 * so the host is stopped and the same data directory is opened in-process for a COPY from /dev/blob.
 *
 * Sizes: `KEHU_BENCH_TOUCHPOINT_EVENTS` events per run (default 200,000 on PostgreSQL and Citus,
 * 100,000 on PGlite), from 20,000 visitors (40% signed in) over the last 60 days. `KEHU_BENCH_LOG_LEVEL=error`
 * prints the server's log (e.g. why a batch got a 500).
 */
import type { AddressInfo } from 'node:net';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import { PGLITE_EXTENSIONS } from '../src/platform/db/pglite-extensions.js';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { drizzle } from 'drizzle-orm/node-postgres';
import { buildApp } from '../src/app/app.js';
import { actorForMember, addUser, createTenant } from '../src/modules/access/index.js';
import { systemClock } from '../src/platform/clock.js';
import { migrateDatabase } from '../src/platform/db/migrate.js';
import { createSource } from '../src/modules/insights/source/source.service.js';
import { isServerEngine, now, type BenchContext, type Measurement, type ScratchDatabase } from './harness.js';
import { makeBatchBodies, makeVisitors, seededRandom } from './touchpoints-data.js';
import { sendAll, timeIngest, type IngestRun, type Target } from './touchpoints-http.js';

const GOAL_RATIO = 0.5;
const BATCH = 500;
const CLIENTS = [4, 8] as const;
const VISITORS = 20_000;
const KNOWN_SHARE = 0.4;
const DAYS = 60;
const WARM_UP_BATCHES = 8;
const TOUCHPOINT_TABLES = [
  'events',
  'event_message_ids',
  'persons',
  'person_identities',
  'person_trait_changes',
  'person_accounts',
];

/** Ingests through HTTP with 4 and then 8 clients, then COPYs the same rows; returns rates and ratios. */
export async function measure(context: BenchContext): Promise<Measurement[]> {
  const perRun = readEventsPerRun(context.engine);
  const database = await context.openScratchDatabase({ poolSize: 10 });
  try {
    await migrateDatabase(database.db);
    const writeKey = await createBenchSource(database);
    // `KEHU_BENCH_LOG_LEVEL=error` shows why a batch failed.
    const logLevel = process.env.KEHU_BENCH_LOG_LEVEL ?? false;
    const rnd = seededRandom(4);
    const visitors = makeVisitors(VISITORS, KNOWN_SHARE, rnd);
    const runs: IngestRun[] = [];
    context.log(`warm-up: ${WARM_UP_BATCHES} batches (creates the month partitions)`);
    await withServer(database, logLevel, writeKey, (target) =>
      sendAll(target, makeBatchBodies(visitors, WARM_UP_BATCHES * BATCH, BATCH, DAYS, rnd).bodies, 2),
    );
    for (const clients of CLIENTS) {
      await emptyTouchpoints(database.pool);
      const { bodies, averageEventBytes } = makeBatchBodies(visitors, perRun, BATCH, DAYS, rnd);
      context.log(
        `ingest ${perRun.toLocaleString('en-US')} events (~${Math.round(averageEventBytes)} B each), ${clients} clients`,
      );
      // A fresh app and database handle per run: the tables were emptied, so no process cache may
      // remember persons of the previous run.
      const run = await withServer(database, logLevel, writeKey, (target) =>
        timeIngest(target, bodies, clients, BATCH),
      );
      await expectStored(database.pool, perRun);
      context.log(`  ${Math.round(run.eventsPerSecond).toLocaleString('en-US')} events/s`);
      runs.push(run);
    }
    context.log(`COPY the same ${perRun.toLocaleString('en-US')} event rows into the emptied table`);
    const copy = isServerEngine(context.engine)
      ? await copyOnServer(database.pool, perRun)
      : await copyInProcess(database, perRun);
    return report(runs, copy, perRun);
  } finally {
    // On PGlite the host may have stopped already (copyInProcess): drop then only removes the files.
    await database.drop();
  }
}

function readEventsPerRun(engine: BenchContext['engine']): number {
  const fallback = isServerEngine(engine) ? 200_000 : 100_000;
  const value = Number(process.env.KEHU_BENCH_TOUCHPOINT_EVENTS ?? fallback);
  if (!Number.isInteger(value) || value < BATCH) {
    throw new Error(`KEHU_BENCH_TOUCHPOINT_EVENTS must be an integer >= ${BATCH}`);
  }
  return value;
}

/** Runs `work` against a newly built app listening on loopback, over a new handle on the pool. */
async function withServer<T>(
  database: ScratchDatabase,
  logLevel: string | false,
  writeKey: string,
  work: (target: Target) => Promise<T>,
): Promise<T> {
  const app = await buildApp({ db: drizzle(database.pool), clock: systemClock, logLevel, serveWeb: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    return await work({ port: (app.server.address() as AddressInfo).port, writeKey });
  } finally {
    await app.close();
  }
}

/** A tenant with a `server` source at the highest rate a user may set; answers its write key. */
async function createBenchSource(database: ScratchDatabase): Promise<string> {
  const db = database.db;
  const tenant = await createTenant(db, { slug: 'bench-touchpoints', name: 'Bench touchpoints' });
  const user = await addUser(db, tenant.id, {
    email: 'admin@bench-touchpoints.bench',
    name: 'admin',
    password: 'bench-password',
    role: 'admin',
  });
  const admin = (await actorForMember(db, tenant, user.id, 'session'))!;
  const source = await createSource({ db, clock: systemClock }, admin, {
    name: 'shop',
    kind: 'web',
    rateLimitPerSecond: 100_000,
  });
  return source.writeKey;
}

async function emptyTouchpoints(pool: pg.Pool): Promise<void> {
  await pool.query(`TRUNCATE ${TOUCHPOINT_TABLES.join(', ')}`);
}

async function expectStored(pool: pg.Pool, expected: number): Promise<void> {
  const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
  if (rows[0]?.n !== expected) throw new Error(`stored ${rows[0]?.n} events, sent ${expected}`);
}

/** Exports the stored rows, empties `events` and times COPY FROM STDIN of those rows. */
async function copyOnServer(pool: pg.Pool, expected: number): Promise<number> {
  const client = await pool.connect();
  try {
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
    });
    await pipeline(client.query(copyTo('COPY (SELECT * FROM events) TO STDOUT')), sink);
    await client.query('TRUNCATE events');
    const started = now();
    await pipeline(Readable.from(chunks), client.query(copyFrom('COPY events FROM STDIN')));
    const elapsed = now() - started;
    await expectStored(pool, expected);
    return (expected / elapsed) * 1000;
  } finally {
    client.release();
  }
}

/**
 * Stops the PGlite host and opens its data directory in this process (the same database), exports
 * the stored rows, empties `events` and times COPY of those rows from /dev/blob.
 */
async function copyInProcess(database: ScratchDatabase, expected: number): Promise<number> {
  const dataDir = database.host?.socketDir;
  if (!dataDir) throw new Error('PGlite scratch database without a host');
  await database.host!.stop();
  const db = await PGlite.create({ dataDir, extensions: PGLITE_EXTENSIONS });
  try {
    const exported = await db.query("COPY (SELECT * FROM events) TO '/dev/blob'");
    const blob = exported.blob;
    if (!blob) throw new Error('COPY TO /dev/blob returned no data');
    await db.query('TRUNCATE events');
    const started = now();
    await db.query("COPY events FROM '/dev/blob'", [], { blob });
    const elapsed = now() - started;
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
    if (rows[0]?.n !== expected) throw new Error(`COPY stored ${rows[0]?.n} events, expected ${expected}`);
    return (expected / elapsed) * 1000;
  } finally {
    await db.close();
  }
}

function report(runs: IngestRun[], copyPerSecond: number, perRun: number): Measurement[] {
  const size = `${perRun} events, ${BATCH}/batch`;
  const out: Measurement[] = [
    { metric: 'copy', value: copyPerSecond, unit: 'events/s', note: `${perRun} rows into events, raw COPY` },
  ];
  for (const run of runs) {
    const ratio = run.eventsPerSecond / copyPerSecond;
    out.push(
      {
        metric: `ingest-x${run.clients}`,
        value: run.eventsPerSecond,
        unit: 'events/s',
        note: `${size}, ${run.clients} HTTP clients${run.retries ? `, ${run.retries} 429 retries` : ''}`,
      },
      {
        metric: `ratio-x${run.clients}`,
        value: ratio,
        unit: 'ingest/COPY',
        note: `goal >= ${GOAL_RATIO}: ${ratio >= GOAL_RATIO ? 'met' : 'MISSED'}`,
      },
      {
        metric: `batch-p95-x${run.clients}`,
        value: run.batchP95,
        unit: 'ms',
        note: `per ${BATCH}-event batch, p50 ${run.batchP50.toFixed(0)} ms`,
      },
    );
  }
  return out;
}
