/**
 * Pick routes (issue 18, "Measure"): on generated instances, each method's route length against the
 * brute-force oracle (aisle graph + Held–Karp), mean and max ratio, on single-block and 3-block
 * layouts of up to 12 picks (goals: optimal = 1.000 single-block, <= 1.02 multi-block); and the time
 * to plan one route of 30 and of 100 picks. No database.
 *
 * Sizes from the environment: `KEHU_BENCH_ROUTE_INSTANCES` instances per layout (default 200),
 * `KEHU_BENCH_ROUTE_RUNS` timed routes per size (default 50).
 */
import { planRoute } from '../src/modules/warehouse/routing/plan-route.js';
import { oracleLength } from '../src/modules/warehouse/routing/route-oracle.test-helper.js';
import {
  ROUTE_METHODS,
  type RouteLayout,
  type RoutePick,
} from '../src/modules/warehouse/routing/routing.contract.js';
import { now, type BenchContext, type Measurement } from './harness.js';
import { loadNote, percentile } from './stats.js';

export const engines = ['pglite'] as const;

const SHAPES: Record<'single' | 'multi', RouteLayout> = {
  single: {
    aisles: 10,
    blocks: 1,
    slotsPerBlock: 30,
    slotLength: 1,
    aislePitch: 3,
    crossAisleDepth: 2,
    depot: { x: 0 },
  },
  multi: {
    aisles: 10,
    blocks: 3,
    slotsPerBlock: 20,
    slotLength: 1,
    aislePitch: 3,
    crossAisleDepth: 2,
    depot: { x: 13.5 },
  },
};

function size(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
}

/** A small deterministic generator (mulberry32), so every run measures the same instances. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makePicks(layout: RouteLayout, count: number, next: () => number): RoutePick[] {
  const pick = (n: number) => 1 + Math.floor(next() * n);
  return Array.from({ length: count }, () => ({
    aisle: pick(layout.aisles),
    block: pick(layout.blocks),
    slot: pick(layout.slotsPerBlock),
  }));
}

/** Mean and max ratio of each method's length to the oracle's, over generated instances of 2..12 picks. */
function measureRatios(shape: keyof typeof SHAPES, instances: number): Measurement[] {
  const layout = SHAPES[shape];
  const next = random(shape === 'single' ? 18 : 1818);
  const ratios = new Map<string, number[]>(ROUTE_METHODS.map((m) => [m, []]));
  for (let i = 0; i < instances; i++) {
    const picks = makePicks(layout, 2 + Math.floor(next() * 11), next);
    const best = oracleLength(layout, picks);
    for (const method of ROUTE_METHODS)
      ratios.get(method)!.push(planRoute(layout, picks, method).length / best);
  }
  return ROUTE_METHODS.flatMap((method) => {
    const list = ratios.get(method)!;
    const note = `${instances} ${shape}-block instances, 2..12 picks, vs brute-force oracle`;
    return [
      {
        metric: `${shape} ${method} mean ratio`,
        value: list.reduce((a, b) => a + b, 0) / list.length,
        unit: 'x',
        note,
      },
      { metric: `${shape} ${method} max ratio`, value: Math.max(...list), unit: 'x', note },
    ];
  });
}

/** Milliseconds to plan one route of `count` picks, p50 and p95 over `runs` instances. */
function measureTimes(shape: keyof typeof SHAPES, count: number, runs: number): Measurement[] {
  const layout = SHAPES[shape];
  const next = random(count * 7 + (shape === 'single' ? 1 : 2));
  const instances = Array.from({ length: runs }, () => makePicks(layout, count, next));
  return ROUTE_METHODS.flatMap((method) => {
    planRoute(layout, instances[0]!, method);
    const times = instances.map((picks) => {
      const started = now();
      planRoute(layout, picks, method);
      return now() - started;
    });
    const note = `${runs} routes of ${count} picks, ${shape}-block, ${loadNote()}`;
    return [
      { metric: `${shape} ${method} ${count} picks p50`, value: percentile(times, 50), unit: 'ms', note },
      { metric: `${shape} ${method} ${count} picks p95`, value: percentile(times, 95), unit: 'ms', note },
    ];
  });
}

export async function measure(context: BenchContext): Promise<Measurement[]> {
  const instances = size('KEHU_BENCH_ROUTE_INSTANCES', 200);
  const runs = size('KEHU_BENCH_ROUTE_RUNS', 50);
  const measurements: Measurement[] = [];
  for (const shape of ['single', 'multi'] as const) {
    context.log(`${shape}-block: ${instances} instances against the oracle`);
    measurements.push(...measureRatios(shape, instances));
    for (const count of [30, 100]) measurements.push(...measureTimes(shape, count, runs));
  }
  return Promise.resolve(measurements);
}
