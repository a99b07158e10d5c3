/**
 * The classic picker-routing heuristics (S-shape, largest gap, combined), generalised to several
 * blocks, and a local search (2-opt and Or-opt over shortest walks) that improves a visiting order.
 * They return location indexes in visiting order; the walk between them is always the shortest.
 */
import { crossAisleY, depotPoint, walkDistance, type PickLocation } from './route-geometry.js';
import type { RouteLayout } from './routing.contract.js';

export type Heuristic = 's-shape' | 'largest-gap' | 'combined';

/** How one block is walked: the locations in order, entered from the front (low) or back (high) cross aisle. */
type BlockWalk = (
  aisles: number[][],
  enterLow: boolean,
  low: number,
  high: number,
  locs: PickLocation[],
) => number[];

const ascending = (stops: number[]) => stops;
const descending = (stops: number[]) => [...stops].reverse();

/** S-shape: every aisle with picks walked end to end, alternating direction. */
const sShapeBlock: BlockWalk = (aisles, enterLow) => {
  const order: number[] = [];
  let low = enterLow;
  for (const stops of aisles) {
    order.push(...(low ? ascending(stops) : descending(stops)));
    low = !low;
  }
  return order;
};

/** Where an aisle's stops split at its largest gap: the count below the gap. */
function largestGapSplit(stops: number[], low: number, high: number, locs: PickLocation[]): number {
  const ys = [low, ...stops.map((s) => locs[s]!.y), high];
  let best = 0;
  for (let i = 1; i < ys.length - 1; i++) if (ys[i + 1]! - ys[i]! > ys[best + 1]! - ys[best]!) best = i;
  return best;
}

/**
 * Largest gap: the first and last aisle walked end to end (entered from the back cross aisle: only
 * the last), every other aisle entered from each side up to its largest gap.
 */
const largestGapBlock: BlockWalk = (aisles, enterLow, low, high, locs) => {
  const m = aisles.length;
  if (m === 1) return enterLow ? ascending(aisles[0]!) : descending(aisles[0]!);
  const split = aisles.map((stops) => largestGapSplit(stops, low, high, locs));
  const order: number[] = [];
  if (enterLow) {
    order.push(...ascending(aisles[0]!));
    for (let i = 1; i < m - 1; i++) order.push(...descending(aisles[i]!.slice(split[i])));
    order.push(...descending(aisles[m - 1]!));
    for (let i = m - 2; i >= 1; i--) order.push(...ascending(aisles[i]!.slice(0, split[i])));
  } else {
    for (let i = 0; i < m - 1; i++) order.push(...descending(aisles[i]!.slice(split[i])));
    order.push(...descending(aisles[m - 1]!));
    for (let i = m - 2; i >= 0; i--) order.push(...ascending(aisles[i]!.slice(0, split[i])));
  }
  return order;
};

/**
 * Combined: each aisle either walked end to end or entered and left on the same side, chosen by a
 * two-state dynamic programme over the aisles (which side the picker stands on), ending at the front.
 */
const combinedBlock: BlockWalk = (aisles, enterLow, low, high, locs) => {
  const m = aisles.length;
  const through = high - low;
  // cost[i][side]: best vertical walking after aisle i standing on side (0 low, 1 high)
  const cost: number[][] = [];
  const choice: { from: number; full: boolean }[][] = [];
  let prev = enterLow ? [0, Infinity] : [Infinity, 0];
  for (let i = 0; i < m; i++) {
    const stops = aisles[i]!;
    const top = locs[stops[stops.length - 1]!]!.y;
    const bottom = locs[stops[0]!]!.y;
    const back = [2 * (top - low), 2 * (high - bottom)];
    const here = [Infinity, Infinity];
    const made: { from: number; full: boolean }[] = [
      { from: 0, full: false },
      { from: 1, full: false },
    ];
    for (let side = 0; side < 2; side++) {
      if (prev[side]! === Infinity) continue;
      const stay = prev[side]! + back[side]!;
      if (stay < here[side]!) {
        here[side] = stay;
        made[side] = { from: side, full: false };
      }
      const cross = prev[side]! + through;
      if (cross < here[1 - side]!) {
        here[1 - side] = cross;
        made[1 - side] = { from: side, full: true };
      }
    }
    cost.push(here);
    choice.push(made);
    prev = here;
  }
  const sides: number[] = new Array<number>(m);
  let side = 0;
  for (let i = m - 1; i >= 0; i--) {
    const c = choice[i]![side]!;
    sides[i] = c.from;
    side = c.from;
  }
  return aisles.flatMap((stops, i) => (sides[i] === 0 ? ascending(stops) : descending(stops)));
};

const BLOCK_WALKS: Record<Heuristic, BlockWalk> = {
  's-shape': sShapeBlock,
  'largest-gap': largestGapBlock,
  combined: combinedBlock,
};

/**
 * A heuristic route: from the depot to the nearer outermost aisle with picks, up it to the farthest
 * block with picks (picking on the way), then block by block towards the front, each block walked by
 * the heuristic starting from the side the picker stands on, and back to the depot.
 */
export function routeHeuristic(layout: RouteLayout, locs: PickLocation[], heuristic: Heuristic): number[] {
  if (locs.length === 0) return [];
  const walk = BLOCK_WALKS[heuristic];
  const byY = locs.map((_, i) => i).sort((a, b) => locs[a]!.y - locs[b]!.y);
  const farthest = Math.max(...locs.map((l) => l.block));
  const xs = locs.map((l) => l.x);
  const left = Math.min(...xs);
  const right = Math.max(...xs);
  const depotX = layout.depot.x;
  const climbX = Math.abs(depotX - left) <= Math.abs(depotX - right) ? left : right;
  const order: number[] = [];
  const taken = new Set<number>();
  for (const i of byY)
    if (locs[i]!.x === climbX && locs[i]!.block < farthest) {
      order.push(i);
      taken.add(i);
    }
  let x = climbX;
  for (let b = farthest; b >= 1; b--) {
    const byAisle = new Map<number, number[]>();
    for (const i of byY) {
      if (taken.has(i) || locs[i]!.block !== b) continue;
      const list = byAisle.get(locs[i]!.x) ?? [];
      list.push(i);
      byAisle.set(locs[i]!.x, list);
    }
    if (byAisle.size === 0) continue;
    let aisleXs = [...byAisle.keys()].sort((p, q) => p - q);
    if (Math.abs(x - aisleXs[0]!) > Math.abs(x - aisleXs[aisleXs.length - 1]!)) aisleXs = aisleXs.reverse();
    const aisles = aisleXs.map((ax) => byAisle.get(ax)!);
    const walked = walk(aisles, b === farthest, crossAisleY(layout, b - 1), crossAisleY(layout, b), locs);
    order.push(...walked);
    x = locs[walked[walked.length - 1]!]!.x;
  }
  return order;
}

/** The nearest unvisited location next, from the depot. */
export function routeNearestNeighbour(layout: RouteLayout, locs: PickLocation[]): number[] {
  const left = new Set(locs.map((_, i) => i));
  const order: number[] = [];
  let at = depotPoint(layout);
  while (left.size > 0) {
    let best = -1;
    let bestDistance = Infinity;
    for (const i of left) {
      const d = walkDistance(layout, at, locs[i]!);
      if (d < bestDistance) {
        bestDistance = d;
        best = i;
      }
    }
    order.push(best);
    left.delete(best);
    at = locs[best]!;
  }
  return order;
}

/** Locations above which the local search is skipped (it is quadratic per pass). */
export const LOCAL_SEARCH_LIMIT = 1000;

/**
 * 2-opt (reverse a stretch) and Or-opt (move a stretch of 1–3 stops, either way round) until no move
 * shortens the tour or `maxPasses` passes are made.
 */
export function improveOrder(
  layout: RouteLayout,
  locs: PickLocation[],
  order: number[],
  maxPasses = 50,
): number[] {
  const n = order.length;
  if (n < 3 || n > LOCAL_SEARCH_LIMIT) return order;
  // node 0 is the depot, node i+1 is location i
  const points = [depotPoint(layout), ...locs];
  const size = points.length;
  const d = new Float64Array(size * size);
  for (let a = 0; a < size; a++)
    for (let b = a + 1; b < size; b++)
      d[a * size + b] = d[b * size + a] = walkDistance(layout, points[a]!, points[b]!);
  const dist = (a: number, b: number) => d[a * size + b]!;
  const tour = [0, ...order.map((i) => i + 1), 0];
  const eps = 1e-9;
  for (let pass = 0; pass < maxPasses; pass++) {
    let improved = false;
    for (let i = 1; i < n; i++)
      for (let j = i + 1; j <= n; j++) {
        const delta =
          dist(tour[i - 1]!, tour[j]!) +
          dist(tour[i]!, tour[j + 1]!) -
          dist(tour[i - 1]!, tour[i]!) -
          dist(tour[j]!, tour[j + 1]!);
        if (delta < -eps) {
          reverse(tour, i, j);
          improved = true;
        }
      }
    for (let len = 1; len <= 3; len++)
      for (let i = 1; i + len - 1 <= n; i++) if (orOptMove(tour, dist, i, len)) improved = true;
    if (!improved) break;
  }
  return tour.slice(1, n + 1).map((node) => node - 1);
}

/** Moves tour[i..i+len-1] to its best other place (either way round) when that shortens the tour. */
function orOptMove(tour: number[], dist: (a: number, b: number) => number, i: number, len: number): boolean {
  const n = tour.length - 2;
  const j = i + len - 1;
  const before = tour[i - 1]!;
  const after = tour[j + 1]!;
  const removed = dist(before, tour[i]!) + dist(tour[j]!, after) - dist(before, after);
  let bestDelta = -1e-9;
  let bestAt = -1;
  let bestReversed = false;
  for (let k = 0; k <= n; k++) {
    if (k >= i - 1 && k <= j) continue;
    const p = tour[k]!;
    const q = tour[k + 1]!;
    const base = -dist(p, q) - removed;
    const forward = base + dist(p, tour[i]!) + dist(tour[j]!, q);
    const backward = base + dist(p, tour[j]!) + dist(tour[i]!, q);
    if (forward < bestDelta || backward < bestDelta) {
      bestReversed = backward < forward;
      bestDelta = Math.min(forward, backward);
      bestAt = k;
    }
  }
  if (bestAt < 0) return false;
  const segment = tour.slice(i, j + 1);
  if (bestReversed) segment.reverse();
  tour.splice(i, len);
  tour.splice(bestAt < i ? bestAt + 1 : bestAt + 1 - len, 0, ...segment);
  return true;
}

function reverse(tour: number[], i: number, j: number): void {
  while (i < j) {
    const t = tour[i]!;
    tour[i] = tour[j]!;
    tour[j] = t;
    i++;
    j--;
  }
}
