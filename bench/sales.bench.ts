/**
 * The sales pipeline at scale (issue 16, "Measure"): deals generated over the customers bench's
 * customers, then through the real services: the board (one stage's open deals, as an admin and as a
 * rep), the deal list by owner and stage (goal p95 <= 50 ms on the server), the forecast over every
 * open deal, retraining the win probability over the closed deals (goal <= 5 s for 50k) and scoring
 * one deal (goal p95 <= 5 ms).
 *
 * Sizes from the environment: `KEHU_BENCH_SALES_CUSTOMERS` (default 1M on the server, 200k on
 * PGlite), `KEHU_BENCH_DEALS` (100k), `KEHU_BENCH_CLOSED_DEALS` (50k of them closed),
 * `KEHU_BENCH_SALES_RUNS` timed runs per query shape (100).
 */
import type { Actor } from '../src/platform/auth/actor.js';
import { systemClock } from '../src/platform/clock.js';
import { migrateDatabase } from '../src/platform/db/migrate.js';
import type { CrmDeps } from '../src/modules/crm/crm-deps.js';
import { forecastDeals } from '../src/modules/crm/deal/deal-report.service.js';
import { getDeal, listDeals } from '../src/modules/crm/deal/deal.service.js';
import { findVisibleDeal } from '../src/modules/crm/deal/deal.repository.js';
import { estimateDeals, retrainWinModel } from '../src/modules/crm/deal/win-model.service.js';
import { ensurePipelineRows, listStagesById } from '../src/modules/crm/pipeline/pipeline.service.js';
import { dropSecondaryIndexes, loadCustomers } from './customers-data.js';
import { AT, CHUNK, seedTenant } from './customers-world.js';
import { isServerEngine, now, type BenchContext, type Measurement, type ScratchDatabase } from './harness.js';
import { loadDeals } from './sales-data.js';
import { countLabel, loadNote, percentile, seconds } from './stats.js';

function size(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
}

/** Times `run` `runs` times after one warm-up; answers p50 and p95 measurements. */
async function timed(
  metric: string,
  runs: number,
  run: (i: number) => Promise<unknown>,
): Promise<Measurement[]> {
  await run(0);
  const times: number[] = [];
  for (let i = 1; i <= runs; i++) {
    const started = now();
    await run(i);
    times.push(now() - started);
  }
  const note = `${runs} runs; ${loadNote()}`;
  return [
    { metric: `${metric} p50`, value: percentile(times, 50), unit: 'ms', note },
    { metric: `${metric} p95`, value: percentile(times, 95), unit: 'ms', note },
  ];
}

type Sizes = { customers: number; deals: number; closed: number; runs: number };

function readSizes(context: BenchContext): Sizes {
  const deals = size('KEHU_BENCH_DEALS', 100_000);
  return {
    customers: size('KEHU_BENCH_SALES_CUSTOMERS', isServerEngine(context.engine) ? 1_000_000 : 200_000),
    deals,
    closed: Math.min(deals, size('KEHU_BENCH_CLOSED_DEALS', 50_000)),
    runs: size('KEHU_BENCH_SALES_RUNS', 100),
  };
}

/** A tenant with the customers, the business pipeline, and the deals with their stage history. */
async function seedWorld(context: BenchContext, database: ScratchDatabase, deps: CrmDeps, sizes: Sizes) {
  const tenant = await seedTenant(deps.db, 'bench-sales');
  let started = now();
  const indexes = await dropSecondaryIndexes(database.pool);
  await loadCustomers(database.pool, {
    ...tenant.load,
    count: sizes.customers,
    chunk: CHUNK,
    firstIndex: 1,
    seed: 2000,
    at: AT,
  });
  for (const definition of indexes) await database.pool.query(definition);
  context.log(`${countLabel(sizes.customers)} customers in ${seconds(now() - started)}`);
  const pipelines = await ensurePipelineRows(deps.db, tenant.id, AT);
  const pipeline = pipelines.find((p) => p.customerKind === 'business')!;
  const stages = [...(await listStagesById(deps.db, tenant.id, [pipeline.id])).values()].sort(
    (a, b) => a.position - b.position,
  );
  const open = stages.filter((s) => !s.won && !s.lost);
  started = now();
  const loaded = await loadDeals(database.pool, {
    tenantId: tenant.id,
    pipelineId: pipeline.id,
    openStageIds: open.map((s) => s.id),
    wonStageId: stages.find((s) => s.won)!.id,
    lostStageId: stages.find((s) => s.lost)!.id,
    deals: sizes.deals,
    closed: sizes.closed,
    at: AT,
  });
  await database.pool.query('VACUUM (ANALYZE)');
  const loadMs = now() - started;
  context.log(
    `${countLabel(loaded.deals)} deals, ${countLabel(loaded.changes)} stage entries in ${seconds(loadMs)}`,
  );
  const label = `${countLabel(loaded.deals)} deals / ${countLabel(sizes.customers)} customers`;
  const generated: Measurement = {
    metric: `generate deals (${label})`,
    value: loadMs,
    unit: 'ms',
    note: `${loaded.changes} stage entries; ${loadNote()}`,
  };
  return { tenant, pipelineId: pipeline.id, openStageIds: open.map((s) => s.id), label, generated };
}

type World = Awaited<ReturnType<typeof seedWorld>>;

/** The board, the owner list and the forecast through the real services. */
async function measureLists(deps: CrmDeps, world: World, runs: number): Promise<Measurement[]> {
  const { tenant, label, openStageIds, pipelineId } = world;
  const stageAt = (i: number) => openStageIds[i % openStageIds.length]!;
  const board = (actor: Actor) => (i: number) =>
    listDeals(deps, actor, { pipelineId, stageId: stageAt(i), outcome: 'open', limit: 50 });
  return [
    ...(await timed(`board stage page, admin (${label})`, runs, board(tenant.admin))),
    ...(await timed(`board stage page, rep (${label})`, runs, board(tenant.reps[0]!))),
    ...(await timed(`deal list by owner and stage (${label})`, runs, (i) =>
      listDeals(deps, tenant.admin, {
        ownerUserId: tenant.reps[i % tenant.reps.length]!.userId!,
        stageId: stageAt(i),
        limit: 50,
      }),
    )),
    ...(await timed(`forecast all open deals (${label})`, Math.max(5, Math.floor(runs / 10)), () =>
      forecastDeals(deps, tenant.admin, { by: 'owner' }),
    )),
  ];
}

/** Retraining over the closed deals, then scoring one open deal and reading one whole deal. */
async function measureProbability(deps: CrmDeps, world: World, runs: number): Promise<Measurement[]> {
  const { tenant, label } = world;
  const started = now();
  const status = await retrainWinModel(deps, tenant.id);
  const retrain: Measurement = {
    metric: `retrain win model (${countLabel(status.closedDeals)} closed)`,
    value: now() - started,
    unit: 'ms',
    note: `${status.examples} stage entries; ${loadNote()}`,
  };
  const sample = (await listDeals(deps, tenant.admin, { outcome: 'open', limit: 200 })).items.map(
    (d) => d.id,
  );
  const rows = await Promise.all(sample.map((id) => findVisibleDeal(deps.db, tenant.admin, id)));
  return [
    retrain,
    ...(await timed('score one deal (learned probability)', runs, (i) =>
      estimateDeals(deps, tenant.id, [rows[i % rows.length]!]),
    )),
    ...(await timed(`get one deal with lines, orders and probability (${label})`, runs, (i) =>
      getDeal(deps, tenant.admin, sample[i % sample.length]!),
    )),
  ];
}

export async function measure(context: BenchContext): Promise<Measurement[]> {
  const sizes = readSizes(context);
  const database = await context.openScratchDatabase({ poolSize: 4 });
  try {
    await migrateDatabase(database.db);
    const deps: CrmDeps = { db: database.db, clock: systemClock };
    const world = await seedWorld(context, database, deps, sizes);
    const probability = await measureProbability(deps, world, sizes.runs);
    const lists = await measureLists(deps, world, sizes.runs);
    return [world.generated, ...probability, ...lists];
  } finally {
    await database.drop();
  }
}
