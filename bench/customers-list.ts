/** The list page's shapes at scale: p50/p95 of each, and EXPLAIN ANALYZE of any that misses the goal. */
import { drizzle } from 'drizzle-orm/node-postgres';
import type { Actor } from '../src/platform/auth/actor.js';
import { systemClock } from '../src/platform/clock.js';
import { CustomerSummaryQuery, ListCustomersQuery } from '../src/modules/crm/customer/customer.contract.js';
import {
  countVisibleByIntentTier,
  countVisibleByKind,
} from '../src/modules/crm/customer/customer.repository.js';
import { listCustomers, summarizeCustomers } from '../src/modules/crm/customer/customer.service.js';
import { toSummary } from '../src/modules/crm/customer/customer-summary.js';
import type { CrmDeps } from '../src/modules/crm/crm-deps.js';
import { REPS, type BenchTenant, type Sizes } from './customers-world.js';
import { now, type BenchContext, type Measurement, type ScratchDatabase } from './harness.js';
import { countLabel, loadNote, percentile } from './stats.js';

export const GOAL_LIST_P95_MS = 50;
const WARM_UP = 20;
const WARM_UP_BUDGET_MS = 5_000;
const MIN_RUNS = 20;
const SHAPE_BUDGET_MS = 60_000;

/** One way the list page asks: `run(i)` makes the i-th call, varying owner, tier and rep with `i`. */
export type Shape = { metric: string; note: string; run: (i: number, deps: CrmDeps) => Promise<unknown> };

/** Combinations of owner and tier the runs cycle through: every rep with every tier. */
const COMBINATIONS = REPS * 4;

/** The team of the managers the summary is asked by. */
const TEAM = '0190a000-0000-7000-8000-000000000001';

/** Times each list shape; logs EXPLAIN ANALYZE of the statements of any shape that misses the goal. */
export async function measureList(
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
    const verdict = `goal p95 <= ${GOAL_LIST_P95_MS} ms: ${p95 <= GOAL_LIST_P95_MS ? 'MET' : 'MISSED'}`;
    const note = `${verdict}; ${shape.note}; ${times.length} runs`;
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
export async function timeRuns(shape: Shape, deps: CrmDeps, runs: number): Promise<number[]> {
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
  const filters = shapeFilters(tenant);
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
    ...summaryShapes(tenant),
  ];
}

/** The i-th combination of owner and tier: i = owner + 20 * k, each owner with each tier within COMBINATIONS runs. */
function shapeFilters(tenant: BenchTenant) {
  const tiers = ['A', 'B', 'C', 'D'] as const;
  return (i: number) => ({
    intentTier: tiers[(i + Math.floor(i / REPS)) % tiers.length]!,
    ownerUserId: tenant.reps[i % REPS]!.userId!,
  });
}

/** The summary's calls, for an admin, a rep and a manager, and the live count it replaced. */
function summaryShapes(tenant: BenchTenant): Shape[] {
  const filters = shapeFilters(tenant);
  const rep = (i: number): Actor => tenant.reps[i % REPS]!;
  // A manager of a team of their own (the generated customers carry no team, so this scope reads
  // the same rows as a rep's, through the wider predicate).
  const manager = (i: number): Actor => ({
    ...rep(i),
    role: 'sales_manager',
    scope: 'team',
    teamIds: [TEAM],
  });
  const summary = (actor: Actor, query: Record<string, unknown>, on: CrmDeps) =>
    summarizeCustomers(on, actor, CustomerSummaryQuery.parse(query));
  return [
    {
      metric: 'summary',
      note: 'admin; counts by kind and tier, tier + owner filter',
      run: (i, on) => summary(tenant.admin, filters(i), on),
    },
    {
      metric: 'summary all',
      note: 'admin; counts by kind and tier, no filter',
      run: (_, on) => summary(tenant.admin, {}, on),
    },
    {
      metric: 'summary as rep',
      note: 'scope own (own + pool); no filter',
      run: (i, on) => summary(rep(i), {}, on),
    },
    {
      metric: 'summary as rep, tier filter',
      note: 'scope own (own + pool); tier A-D',
      run: (i, on) => summary(rep(i), { intentTier: filters(i).intentTier }, on),
    },
    {
      metric: 'summary as manager',
      note: 'scope team (own + team + pool); no filter',
      run: (i, on) => summary(manager(i), {}, on),
    },
    {
      metric: 'summary as manager, tier + owner filter',
      note: 'scope team (own + team + pool); tier A-D + owner',
      run: (i, on) => summary(manager(i), filters(i), on),
    },
    {
      metric: 'summary all (live count)',
      note: 'admin; no filter; count(*) over the customers, as before the kept counts',
      run: async (_, on) => {
        const query = CustomerSummaryQuery.parse({});
        const [kinds, tiers] = await Promise.all([
          countVisibleByKind(on.db, tenant.admin, query),
          countVisibleByIntentTier(on.db, tenant.admin, query),
        ]);
        return toSummary(kinds, tiers, query);
      },
    },
  ];
}

/** Runs one call of `shape` on a drizzle handle that records its SQL, then EXPLAIN ANALYZEs each statement. */
export async function explainShape(
  context: BenchContext,
  database: ScratchDatabase,
  shape: Shape,
): Promise<void> {
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
