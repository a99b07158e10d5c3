/**
 * Which orders go together: a construction (orders sorted along the aisles in S-shape order, each
 * batch seeded by the first order left and filled, one order at a time, with the order among the next
 * few left whose addition lengthens the batch's estimate least), then a local search that moves an
 * order to, or swaps two orders between, batches made near each other, taking every change that
 * shortens the total estimate, pass after pass until none does or a budget runs out. Pure.
 */
import type { BatchEstimator, OrderProfiles } from './batch-estimate.js';

/** What one batch may hold: orders, units, volume (Infinity: no limit). */
export type BatchLimits = { orders: number; units: number; volume: number };

/** The size of each order, and which orders the search may place. */
export type SearchOrders = { units: Float64Array; volume: Float64Array; profiles: OrderProfiles };

export type SearchOptions = {
  /** Orders the construction looks ahead of the seed for the best addition. */
  window: number;
  /** Batches after each batch (in construction order) the local search pairs it with. */
  neighbours: number;
  maxPasses: number;
  seed: number;
  maxEvaluations: number;
  /** The time the search must stop by (same clock as `now`), Infinity: none. */
  deadline: number;
  now: () => number;
};

export type SearchResult = { batches: number[][]; passes: number; stoppedEarly: boolean };

const EPS = 1e-9;

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Where an order sits along an S-shape walk: its first aisle, up odd aisles and down even ones. */
function walkKey(profiles: OrderProfiles, order: number): number {
  const { start, aisle, low, high } = profiles;
  let first = start[order]!;
  for (let k = first + 1; k < start[order + 1]!; k++) if (aisle[k]! < aisle[first]!) first = k;
  const a = aisle[first]!;
  const y = a % 2 === 1 ? low[first]! : -high[first]!;
  return a * 1e12 + y;
}

type State = {
  batches: number[][];
  units: number[];
  volume: number[];
  length: number[];
};

/** Batches the orders `placed` (indexes) under `limits`. */
export function searchBatches(
  placed: number[],
  orders: SearchOrders,
  limits: BatchLimits,
  estimator: BatchEstimator,
  options: SearchOptions,
): SearchResult {
  const state = construct(placed, orders, limits, estimator, options.window);
  if (limits.orders <= 1) return { batches: state.batches, passes: 0, stoppedEarly: false };
  const next = random(options.seed);
  const count = state.batches.length;
  let passes = 0;
  let stoppedEarly = false;
  const outOfBudget = () =>
    estimator.evaluations >= options.maxEvaluations || options.now() >= options.deadline;
  search: for (; passes < options.maxPasses; passes++) {
    const visit = Array.from({ length: count }, (_, i) => i);
    for (let i = count - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [visit[i], visit[j]] = [visit[j]!, visit[i]!];
    }
    let improved = false;
    for (const a of visit) {
      for (let b = a + 1; b <= Math.min(count - 1, a + options.neighbours); b++) {
        if (outOfBudget()) {
          stoppedEarly = true;
          break search;
        }
        if (improvePair(state, a, b, orders, limits, estimator)) improved = true;
      }
    }
    if (!improved) break;
  }
  return { batches: state.batches.filter((b) => b.length > 0), passes, stoppedEarly };
}

/** Seed and fill: the first order left seeds a batch, the cheapest of the next `window` orders joins. */
function construct(
  placed: number[],
  orders: SearchOrders,
  limits: BatchLimits,
  estimator: BatchEstimator,
  window: number,
): State {
  const keys = new Float64Array(orders.units.length);
  for (const o of placed) keys[o] = walkKey(orders.profiles, o);
  const sorted = [...placed].sort((p, q) => keys[p]! - keys[q]! || p - q);
  const n = sorted.length;
  // a linked list of the orders left, in walk order
  const nextLeft = Int32Array.from({ length: n + 1 }, (_, i) => i + 1);
  const prevLeft = Int32Array.from({ length: n + 1 }, (_, i) => i - 1);
  const head = { first: 0 };
  const take = (i: number) => {
    const p = prevLeft[i]!;
    const q = nextLeft[i]!;
    if (p >= 0) nextLeft[p] = q;
    else head.first = q;
    if (q <= n) prevLeft[q] = p;
  };
  const state: State = { batches: [], units: [], volume: [], length: [] };
  while (head.first < n) {
    const seed = head.first;
    take(seed);
    const batch = [sorted[seed]!];
    let units = orders.units[sorted[seed]!]!;
    let volume = orders.volume[sorted[seed]!]!;
    let length = estimator.estimate(batch, 1);
    while (batch.length < limits.orders) {
      let best = -1;
      let bestLength = Infinity;
      let seen = 0;
      for (let i = head.first; i < n && seen < window; i = nextLeft[i]!, seen++) {
        const o = sorted[i]!;
        if (units + orders.units[o]! > limits.units || volume + orders.volume[o]! > limits.volume) continue;
        const with_ = estimator.estimate(batch, batch.length, -1, o);
        if (with_ < bestLength - EPS) {
          bestLength = with_;
          best = i;
        }
      }
      if (best < 0) break;
      take(best);
      const o = sorted[best]!;
      batch.push(o);
      units += orders.units[o]!;
      volume += orders.volume[o]!;
      length = bestLength;
    }
    state.batches.push(batch);
    state.units.push(units);
    state.volume.push(volume);
    state.length.push(length);
  }
  return state;
}

/** Moves and swaps between batches a and b, each taken when it shortens their summed estimate. */
function improvePair(
  state: State,
  a: number,
  b: number,
  orders: SearchOrders,
  limits: BatchLimits,
  estimator: BatchEstimator,
): boolean {
  let improved = false;
  for (const [from, to] of [
    [a, b],
    [b, a],
  ] as const)
    for (let i = 0; i < state.batches[from]!.length; i++)
      if (tryMove(state, from, to, i, orders, limits, estimator)) {
        improved = true;
        i--;
      }
  const A = state.batches[a]!;
  const B = state.batches[b]!;
  for (let i = 0; i < A.length; i++)
    for (let j = 0; j < B.length; j++)
      if (trySwap(state, a, b, i, j, orders, limits, estimator)) improved = true;
  return improved;
}

function tryMove(
  state: State,
  from: number,
  to: number,
  i: number,
  orders: SearchOrders,
  limits: BatchLimits,
  estimator: BatchEstimator,
): boolean {
  const source = state.batches[from]!;
  const target = state.batches[to]!;
  const o = source[i]!;
  if (target.length === 0 || target.length >= limits.orders) return false;
  if (state.units[to]! + orders.units[o]! > limits.units) return false;
  if (state.volume[to]! + orders.volume[o]! > limits.volume) return false;
  const without = estimator.estimate(source, source.length, o);
  const with_ = estimator.estimate(target, target.length, -1, o);
  if (without + with_ >= state.length[from]! + state.length[to]! - EPS) return false;
  source.splice(i, 1);
  target.push(o);
  state.length[from] = without;
  state.length[to] = with_;
  state.units[from] = state.units[from]! - orders.units[o]!;
  state.units[to] = state.units[to]! + orders.units[o]!;
  state.volume[from] = state.volume[from]! - orders.volume[o]!;
  state.volume[to] = state.volume[to]! + orders.volume[o]!;
  return true;
}

function trySwap(
  state: State,
  a: number,
  b: number,
  i: number,
  j: number,
  orders: SearchOrders,
  limits: BatchLimits,
  estimator: BatchEstimator,
): boolean {
  const A = state.batches[a]!;
  const B = state.batches[b]!;
  const o = A[i]!;
  const p = B[j]!;
  const unitsA = state.units[a]! - orders.units[o]! + orders.units[p]!;
  const unitsB = state.units[b]! - orders.units[p]! + orders.units[o]!;
  if (unitsA > limits.units || unitsB > limits.units) return false;
  const volumeA = state.volume[a]! - orders.volume[o]! + orders.volume[p]!;
  const volumeB = state.volume[b]! - orders.volume[p]! + orders.volume[o]!;
  if (volumeA > limits.volume || volumeB > limits.volume) return false;
  const lengthA = estimator.estimate(A, A.length, o, p);
  const lengthB = estimator.estimate(B, B.length, p, o);
  if (lengthA + lengthB >= state.length[a]! + state.length[b]! - EPS) return false;
  A[i] = p;
  B[j] = o;
  state.length[a] = lengthA;
  state.length[b] = lengthB;
  state.units[a] = unitsA;
  state.units[b] = unitsB;
  state.volume[a] = volumeA;
  state.volume[b] = volumeB;
  return true;
}
