/**
 * Order batching (issue 18, "Measure"), on generated orders over a single-block layout of 40 aisles ×
 * 50 slots (2,000 pick locations), SKUs placed at random and ordered Zipf-skewed (s = 1):
 * - toC: 1–3 lines an order, 1–2 units a line (mean about 1.6 units an order), a cart of 12 totes,
 *   40 units, 240 litres; toB: few large orders (10–40 lines of 1–10 units), a cart of 4 totes,
 *   600 units.
 * - batching distance ÷ single-order distance (goal toC ≤ 0.6), pick-and-sort with optimal routes;
 * - wave planning time, batched and routed, for 10k and 100k order lines (goal 100k ≤ 2 s), with the
 *   final routes by `optimal` and by `combined`, under a 0.5 s search budget.
 * No database. Sizes: `KEHU_BENCH_BATCHING_LINES` (comma-separated, default 10000,100000).
 */
import { batchOrders } from '../src/modules/warehouse/batching/batching.service.js';
import type {
  BatchOrder,
  CheckedBatchingInput,
} from '../src/modules/warehouse/batching/batching.contract.js';
import type { RouteLayout, RouteMethod } from '../src/modules/warehouse/routing/routing.contract.js';
import { now, type BenchContext, type Measurement } from './harness.js';
import { loadNote } from './stats.js';

export const engines = ['pglite'] as const;

const GOAL_RATIO = 0.6;
const GOAL_100K_MS = 2000;
const SEARCH_BUDGET_MS = 500;

const LAYOUT: RouteLayout = {
  aisles: 40,
  blocks: 1,
  slotsPerBlock: 50,
  slotLength: 1,
  aislePitch: 3,
  crossAisleDepth: 2,
  depot: { x: 0 },
};

/** A small deterministic generator (mulberry32), so every run measures the same orders. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Profile = 'toC' | 'toB';

/** SKUs 1..2000 at random locations, drawn with probability ∝ 1/rank. */
function skuWorld(next: () => number) {
  const count = LAYOUT.aisles * LAYOUT.slotsPerBlock;
  const places = Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [places[i], places[j]] = [places[j]!, places[i]!];
  }
  const cumulative = new Float64Array(count);
  let total = 0;
  for (let k = 0; k < count; k++) cumulative[k] = total += 1 / (k + 1);
  return () => {
    const u = next() * total;
    let lo = 0;
    let hi = count - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    const place = places[lo]!;
    return {
      aisle: 1 + Math.floor(place / LAYOUT.slotsPerBlock),
      block: 1,
      slot: 1 + (place % LAYOUT.slotsPerBlock),
    };
  };
}

/** Orders of the profile until `lines` lines are made. */
export function makeOrders(profile: Profile, lines: number, seed: number): BatchOrder[] {
  const next = random(seed);
  const sku = skuWorld(next);
  const orders: BatchOrder[] = [];
  let made = 0;
  while (made < lines) {
    const u = next();
    const count = profile === 'toC' ? (u < 0.7 ? 1 : u < 0.9 ? 2 : 3) : 10 + Math.floor(u * 31);
    const n = Math.min(count, lines - made);
    orders.push({
      id: `${profile}-${orders.length + 1}`,
      lines: Array.from({ length: n }, () => {
        const units = profile === 'toC' ? (next() < 0.85 ? 1 : 2) : 1 + Math.floor(next() * 10);
        return { ...sku(), units, volume: units * (1 + Math.floor(next() * 5)) };
      }),
    });
    made += n;
  }
  return orders;
}

function inputOf(profile: Profile, orders: BatchOrder[], routeMethod: RouteMethod): CheckedBatchingInput {
  return {
    layout: LAYOUT,
    orders,
    capacity: profile === 'toC' ? { totes: 12, units: 40, volume: 240 } : { totes: 4, units: 600 },
    method: 'pick_and_sort',
    sortMode: 'sow',
    routeMethod,
    seed: 18,
    searchBudgetMs: SEARCH_BUDGET_MS,
  };
}

function ratioLine(profile: Profile, lines: number): Measurement {
  const orders = makeOrders(profile, lines, profile === 'toC' ? 1 : 2);
  const plan = batchOrders(inputOf(profile, orders, 'optimal'));
  const ratio = plan.length / plan.singleOrderLength;
  const goal = profile === 'toC' ? `; goal <= ${GOAL_RATIO}: ${ratio <= GOAL_RATIO ? 'MET' : 'MISSED'}` : '';
  return {
    metric: `${profile} batched ÷ single-order distance`,
    value: ratio,
    unit: 'x',
    note: `${orders.length} orders, ${lines} lines, ${plan.batches.length} batches, optimal routes${goal}`,
  };
}

function timeLine(lines: number, routeMethod: RouteMethod): Measurement {
  const orders = makeOrders('toC', lines, 3);
  batchOrders(inputOf('toC', orders.slice(0, 500), routeMethod));
  const started = now();
  const cpuStarted = process.cpuUsage();
  const plan = batchOrders(inputOf('toC', orders, routeMethod));
  const ms = now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  // on a loaded machine the wall time is mostly waiting; the process's CPU time says what the work costs
  const cpuMs = Math.round((cpu.user + cpu.system) / 1000);
  const goal =
    lines === 100_000 ? `; goal <= ${GOAL_100K_MS} ms: ${ms <= GOAL_100K_MS ? 'MET' : 'MISSED'}` : '';
  return {
    metric: `toC ${lines / 1000}k lines planned, ${routeMethod} routes`,
    value: ms,
    unit: 'ms',
    note:
      `${orders.length} orders, ${plan.batches.length} batches, ratio ${(plan.length / plan.singleOrderLength).toFixed(3)}, ` +
      `${plan.search.evaluations} estimates, ${plan.search.passes} passes${plan.search.stoppedEarly ? ' (budget)' : ''}, ` +
      `cpu ${cpuMs} ms, ${loadNote()}${goal}`,
  };
}

export async function measure(context: BenchContext): Promise<Measurement[]> {
  const sizes = (process.env.KEHU_BENCH_BATCHING_LINES ?? '10000,100000').split(',').map(Number);
  if (!sizes.every((n) => Number.isInteger(n) && n > 0))
    throw new Error('KEHU_BENCH_BATCHING_LINES must list positive integers');
  const measurements: Measurement[] = [];
  context.log('distance ratios');
  measurements.push(ratioLine('toC', 10_000), ratioLine('toB', 10_000));
  for (const lines of sizes)
    for (const method of ['optimal', 'combined'] as const) {
      context.log(`${lines} lines, ${method} routes`);
      measurements.push(timeLine(lines, method));
    }
  return Promise.resolve(measurements);
}
