/**
 * Person search at scale (issue 22, "Search at scale"): `KEHU_BENCH_PERSONS` persons (default
 * 1,000,000) in one tenant, each with an anonymous id; two in five identified (a user id, a Chinese
 * name, an email) and one in twenty merged into its neighbour. Timed: the statement behind
 * `GET /api/persons?q=` (`listSurvivors`, admin, no CRM scope, 51 rows) for prefixes of a user id, an
 * anonymous id, an email and Chinese names of one and two characters. Goal p95 <= 50 ms on the server;
 * each line says MET or MISSED, and a miss prints the EXPLAIN ANALYZE of its statement.
 * `KEHU_BENCH_PERSON_RUNS` timed runs per query shape (default 200).
 */
import { createHash } from 'node:crypto';
import { drizzle } from 'drizzle-orm/node-postgres';
import { listSurvivors } from '../src/modules/insights/timeline/person-view.repository.js';
import type { Db } from '../src/platform/db/database.js';
import { migrateDatabase } from '../src/platform/db/migrate.js';
import { newId } from '../src/platform/ids.js';
import { WORDS } from './customers-words.js';
import { now, type BenchContext, type Measurement, type ScratchDatabase } from './harness.js';
import { countLabel, loadNote, percentile, seconds } from './stats.js';

const GOAL_P95_MS = 50;
const CHUNK = 100_000;
const WARM_UP = 20;
const SHAPE_BUDGET_MS = 60_000;
const MIN_RUNS = 20;
const AT = '2026-11-20T00:00:00Z';

const arrayOf = (values: readonly string[]): string => `(array['${values.join("','")}'])`;

/** Persons $2..$3 of tenant $1 with their identities; ids are md5-derived so identities can name them. */
const PERSONS_SQL = `
  insert into persons (tenant_id, id, merged_into, user_id, traits, first_seen_at, last_seen_at, created_at, updated_at)
  select $1::uuid, md5($1::text || i)::uuid,
    case when i % 20 = 19 then md5($1::text || (i - 1))::uuid end,
    case when i % 5 < 2 then 'u' || i end,
    case when i % 5 < 2 then jsonb_build_object(
      'name', ${arrayOf(WORDS.surnames)}[1 + i % 20] || ${arrayOf(WORDS.givenNames)}[1 + (i / 20) % 30],
      'email', 'user' || i || '@' || ${arrayOf(WORDS.emailDomains)}[1 + i % 6]) else '{}'::jsonb end,
    $4::timestamptz - ((i::bigint * 7919) % 10000000) * interval '1 second',
    $4::timestamptz - ((i::bigint * 7919) % 10000000) * interval '1 second',
    $4::timestamptz, $4::timestamptz
  from generate_series($2::int, $3::int) i`;

const IDENTITIES_SQL = `
  insert into person_identities (tenant_id, kind, value, person_id, created_at)
  select $1::uuid, 'anonymous_id', 'anon-' || md5('a' || i), md5($1::text || i)::uuid, $4::timestamptz
  from generate_series($2::int, $3::int) i
  union all
  select $1::uuid, 'user_id', 'u' || i, md5($1::text || i)::uuid, $4::timestamptz
  from generate_series($2::int, $3::int) i where i % 5 < 2`;

type Shape = { metric: string; note: string; q: (i: number) => string };

function shapes(count: number): Shape[] {
  const row = (i: number) => 1 + ((i * 104729) % count);
  const identified = (i: number) => row(i) - (row(i) % 5); // i % 5 == 0: identified
  const anon = (i: number) =>
    `anon-${createHash('md5')
      .update(`a${row(i)}`)
      .digest('hex')
      .slice(0, 8)}`;
  return [
    { metric: 'person search user id', note: 'a whole user id (u12345)', q: (i) => `u${identified(i)}` },
    { metric: 'person search anonymous id', note: 'first 13 characters of one', q: anon },
    { metric: 'person search email', note: 'user12345@', q: (i) => `user${identified(i)}@` },
    {
      metric: 'person search zh 1 char',
      note: 'a surname (王), many match',
      q: (i) => WORDS.surnames[i % 20]!,
    },
    {
      metric: 'person search zh 2 chars',
      note: 'surname + given name (王伟)',
      q: (i) => WORDS.surnames[i % 20]! + WORDS.givenNames[(i * 7) % 30]!,
    },
    { metric: 'person search no match', note: 'zqxw / 无此人', q: (i) => (i % 2 ? 'zqxw' : '无此人') },
  ];
}

/** Generates the persons, then times each search shape. */
export async function measure(context: BenchContext): Promise<Measurement[]> {
  const count = Number(process.env.KEHU_BENCH_PERSONS ?? 1_000_000);
  const runs = Number(process.env.KEHU_BENCH_PERSON_RUNS ?? 200);
  const size = countLabel(count);
  const database = await context.openScratchDatabase({ poolSize: 2 });
  try {
    await migrateDatabase(database.db);
    const tenantId = newId();
    const started = now();
    for (let first = 1; first <= count; first += CHUNK) {
      const last = Math.min(count, first + CHUNK - 1);
      await database.pool.query(PERSONS_SQL, [tenantId, first, last, AT]);
      await database.pool.query(IDENTITIES_SQL, [tenantId, first, last, AT]);
      context.log(`  ${countLabel(last)} persons after ${seconds(now() - started)}`);
    }
    await database.pool.query('VACUUM (ANALYZE) persons, person_identities');
    const loadMs = now() - started;
    context.log(`generated ${size} persons with their identities and indexes in ${seconds(loadMs)}`);
    const measurements: Measurement[] = [];
    for (const shape of shapes(count)) {
      measurements.push(await timeShape(context, database, tenantId, shape, runs, size));
    }
    return measurements;
  } finally {
    await database.drop();
  }
}

async function timeShape(
  context: BenchContext,
  database: ScratchDatabase,
  tenantId: string,
  shape: Shape,
  runs: number,
  size: string,
): Promise<Measurement> {
  const search = (db: Db, i: number) => listSurvivors(db, tenantId, { q: shape.q(i), limit: 51 });
  for (let i = 0; i < WARM_UP; i++) await search(database.db, i);
  const times: number[] = [];
  const started = now();
  for (let i = 0; i < runs && (i < MIN_RUNS || now() - started < SHAPE_BUDGET_MS); i++) {
    const begun = now();
    await search(database.db, i + WARM_UP);
    times.push(now() - begun);
  }
  const [p50, p95] = [percentile(times, 50), percentile(times, 95)];
  const verdict = p95 <= GOAL_P95_MS ? 'MET' : 'MISSED';
  context.log(`${shape.metric}: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, ${verdict}`);
  if (verdict === 'MISSED') await explain(context, database, (db) => search(db, 1));
  return {
    metric: `${shape.metric} p95 (${size})`,
    value: p95,
    unit: 'ms',
    note: `goal <= ${GOAL_P95_MS} ms: ${verdict}; ${shape.note}; p50 ${p50.toFixed(1)} ms; ${times.length} runs; ${loadNote()}`,
  };
}

/** EXPLAIN ANALYZE of the statement `run` sends. */
async function explain(context: BenchContext, database: ScratchDatabase, run: (db: Db) => Promise<unknown>) {
  let statement: { sql: string; params: unknown[] } | undefined;
  await run(drizzle(database.pool, { logger: { logQuery: (sql, params) => (statement = { sql, params }) } }));
  const { rows } = await database.pool.query<{ 'QUERY PLAN': string }>(
    `EXPLAIN (ANALYZE, BUFFERS) ${statement!.sql}`,
    statement!.params,
  );
  context.log(`plan of\n${statement!.sql}\n${rows.map((r) => r['QUERY PLAN']).join('\n')}`);
}
