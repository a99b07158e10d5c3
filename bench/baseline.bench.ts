/**
 * The baseline: what the database itself does on this machine, with no Kehu code in the way. Later
 * benches report ratios against it (ingest vs raw COPY, a funnel vs one filtered scan).
 *
 * On a fresh scratch database it loads customer-shaped rows by multi-row INSERT and by COPY, then
 * times primary-key lookups (one connection, then eight at once) and one filtered full scan.
 *
 * PGlite caveat: `COPY ... FROM STDIN` does not work through the pglite-socket host the product uses
 * (each wire message is run as its own call, so the copy sub-protocol loses sync and the connection
 * dies). On PGlite the `copy` row is therefore COPY into an in-process PGlite from `/dev/blob`: the
 * engine's own bulk-load limit, which is what ingest should be compared with.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { newId } from '../src/platform/ids.js';
import { median, now, type BenchContext, type Measurement } from './harness.js';
import { perSecond } from './stats.js';

const ROWS = 100_000;
const BATCH = 1_000;
const TENANTS = 10;
const LOOKUP_SECONDS = 2.5;
const MAX_LOOKUPS = 50_000;
const CONCURRENCY = 8;
const SCANS = 3;

const COLUMNS = 'tenant_id, id, name, phone, attributes, created_at';

/**
 * Not on Citus: its tables are plain ones, which would stay on the coordinator and measure it as one
 * PostgreSQL server, not the cluster.
 */
export const engines = ['pglite', 'postgres'] as const;

type Row = [tenantId: string, id: string, name: string, phone: string, attributes: string, createdAt: string];

/** Measures raw INSERT and COPY throughput, point lookups and one filtered scan on a scratch database. */
export async function measure(context: BenchContext): Promise<Measurement[]> {
  const rows = makeRows(ROWS);
  const onServer = await measureOnScratch(context, rows);
  let copyMs = onServer.copyMs;
  if (copyMs === undefined) {
    context.log(`COPY ${ROWS.toLocaleString('en-US')} rows into an in-process PGlite from /dev/blob`);
    copyMs = await copyRowsInProcess(rows);
  }
  const copyHow = onServer.copyMs === undefined ? 'in-process PGlite, /dev/blob' : 'COPY FROM STDIN';
  return [
    {
      metric: 'insert',
      value: perSecond(ROWS, onServer.insertMs),
      unit: 'rows/s',
      note: `${ROWS} rows, ${BATCH}/statement`,
    },
    { metric: 'copy', value: perSecond(ROWS, copyMs), unit: 'rows/s', note: `${ROWS} rows, ${copyHow}` },
    { metric: 'lookup', value: onServer.lookup, unit: 'lookups/s', note: 'by primary key, 1 connection' },
    {
      metric: `lookup-x${CONCURRENCY}`,
      value: onServer.concurrentLookup,
      unit: 'lookups/s',
      note: `by primary key, ${CONCURRENCY} connections`,
    },
    {
      metric: 'scan',
      value: onServer.scan.ms,
      unit: 'ms',
      note: `${ROWS} rows, ${onServer.scan.matched} match, median of ${SCANS}`,
    },
  ];
}

type ScratchTimings = {
  insertMs: number;
  /** Undefined on PGlite, where COPY FROM STDIN cannot go through the socket host. */
  copyMs: number | undefined;
  lookup: number;
  concurrentLookup: number;
  scan: { ms: number; matched: number };
};

async function measureOnScratch(context: BenchContext, rows: readonly Row[]): Promise<ScratchTimings> {
  const database = await context.openScratchDatabase({ poolSize: CONCURRENCY });
  try {
    const { pool } = database;
    await createTable(pool, 'bench_customer');
    await createTable(pool, 'bench_customer_copy');

    context.log(`INSERT ${ROWS.toLocaleString('en-US')} rows in batches of ${BATCH}`);
    const insertMs = await insertRows(pool, 'bench_customer', rows);
    let copyMs: number | undefined;
    if (context.engine === 'postgres') {
      context.log(`COPY ${ROWS.toLocaleString('en-US')} rows`);
      copyMs = await copyRows(pool, 'bench_customer_copy', rows);
    }
    await pool.query('ANALYZE bench_customer');

    context.log(`point lookups, 1 then ${CONCURRENCY} connections (${LOOKUP_SECONDS} s each)`);
    const keys = shuffle(rows.map(([tenantId, id]) => [tenantId, id] as const));
    const lookup = await lookUp(pool, keys, 1);
    const concurrentLookup = await lookUp(pool, keys, CONCURRENCY);

    context.log(`filtered scan (median of ${SCANS})`);
    const scan = await scanFiltered(pool);
    return { insertMs, copyMs, lookup, concurrentLookup, scan };
  } finally {
    await database.drop();
  }
}

type Queryable = { query(text: string): Promise<unknown> };

async function createTable(db: Queryable, table: string): Promise<void> {
  // The shape of a tenant-owned table: tenant_id leads the primary key (see DESIGN.md, Citus).
  await db.query(`
    CREATE TABLE ${table} (
      tenant_id uuid NOT NULL,
      id uuid NOT NULL,
      name text NOT NULL,
      phone text,
      attributes jsonb NOT NULL,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (tenant_id, id)
    )`);
}

function makeRows(count: number): Row[] {
  const tenants = Array.from({ length: TENANTS }, () => newId());
  const tiers = ['A', 'B', 'C', 'D'];
  const cities = ['上海', '北京', '深圳', '杭州', '成都'];
  const start = Date.UTC(2024, 0, 1);
  return Array.from({ length: count }, (_, i): Row => {
    const attributes = {
      tier: tiers[i % tiers.length],
      city: cities[i % cities.length],
      kind: i % 3 === 0 ? 'business' : 'consumer',
      tags: ['imported', `batch-${i % 50}`],
      score: i % 100,
    };
    return [
      tenants[i % TENANTS]!,
      newId(),
      `${cities[i % cities.length]}客户贸易有限公司 ${i}`,
      `+86 138${String(i).padStart(8, '0')}`,
      JSON.stringify(attributes),
      new Date(start + i * 60_000).toISOString(),
    ];
  });
}

async function insertRows(pool: pg.Pool, table: string, rows: readonly Row[]): Promise<number> {
  const placeholders = Array.from({ length: BATCH }, (_, r) => {
    const base = r * 6;
    return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}, $${base + 6})`;
  }).join(', ');
  const text = `INSERT INTO ${table} (${COLUMNS}) VALUES ${placeholders}`;
  const batches: string[][] = [];
  for (let i = 0; i < rows.length; i += BATCH) batches.push(rows.slice(i, i + BATCH).flat());

  const started = now();
  for (const values of batches) await pool.query(text, values);
  return now() - started;
}

async function copyRows(pool: pg.Pool, table: string, rows: readonly Row[]): Promise<number> {
  const chunks: string[] = [];
  for (let i = 0; i < rows.length; i += BATCH) {
    chunks.push(
      rows
        .slice(i, i + BATCH)
        .map((row) => `${row.map(escapeCopyText).join('\t')}\n`)
        .join(''),
    );
  }
  const client = await pool.connect();
  // A failed COPY can end the connection; the error then reaches the pipeline, not the process.
  const ignore = (): void => undefined;
  client.on('error', ignore);
  try {
    const started = now();
    await pipeline(Readable.from(chunks), client.query(copyFrom(`COPY ${table} (${COLUMNS}) FROM STDIN`)));
    return now() - started;
  } finally {
    client.off('error', ignore);
    client.release();
  }
}

async function copyRowsInProcess(rows: readonly Row[]): Promise<number> {
  const blob = new Blob(rows.map((row) => `${row.map(escapeCopyText).join('\t')}\n`));
  const db = await PGlite.create();
  try {
    await createTable(db, 'bench_customer_copy');
    const started = now();
    await db.query(`COPY bench_customer_copy (${COLUMNS}) FROM '/dev/blob'`, [], { blob });
    return now() - started;
  } finally {
    await db.close();
  }
}

/** Escapes a value for COPY's text format. */
function escapeCopyText(value: string): string {
  return value.replace(
    /[\\\t\n\r]/g,
    (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c] ?? c,
  );
}

async function lookUp(
  pool: pg.Pool,
  keys: ReadonlyArray<readonly [string, string]>,
  connections: number,
): Promise<number> {
  const text = 'SELECT id, name, phone, attributes FROM bench_customer WHERE tenant_id = $1 AND id = $2';
  const clients = await Promise.all(Array.from({ length: connections }, () => pool.connect()));
  try {
    for (const client of clients) for (const key of keys.slice(0, 50)) await client.query(text, [...key]);
    let next = 0;
    let missing = 0;
    const started = now();
    const deadline = started + LOOKUP_SECONDS * 1000;
    await Promise.all(
      clients.map(async (client) => {
        while (next < MAX_LOOKUPS && now() < deadline) {
          const key = keys[next++ % keys.length]!;
          const result = await client.query(text, [...key]);
          if (result.rowCount !== 1) missing++;
        }
      }),
    );
    const elapsed = now() - started;
    if (missing > 0) throw new Error(`${missing} point lookups found no row`);
    return perSecond(next, elapsed);
  } finally {
    for (const client of clients) client.release();
  }
}

async function scanFiltered(pool: pg.Pool): Promise<{ ms: number; matched: number }> {
  // Nothing indexes these predicates: every row is read and its jsonb parsed.
  const text = `
    SELECT count(*)::int AS matched, avg(length(name))::float AS name_length
    FROM bench_customer
    WHERE attributes->>'tier' = $1 AND (attributes->>'score')::int >= $2 AND created_at >= $3`;
  const values = ['A', 50, '2024-01-15T00:00:00Z'];
  await pool.query(text, values);
  const times: number[] = [];
  let matched = 0;
  for (let i = 0; i < SCANS; i++) {
    const started = now();
    const result = await pool.query<{ matched: number }>(text, values);
    times.push(now() - started);
    matched = result.rows[0]?.matched ?? 0;
  }
  return { ms: median(times), matched };
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
