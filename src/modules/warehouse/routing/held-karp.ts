/** The exact route through a few locations on any layout: Held–Karp over the shortest walks. */
import { depotPoint, walkDistance, type PickLocation } from './route-geometry.js';
import type { RouteLayout } from './routing.contract.js';

/** Locations Held–Karp takes (2^n·n² steps). */
export const HELD_KARP_LIMIT = 13;

/** The shortest tour through at most HELD_KARP_LIMIT locations on any layout, by Held–Karp. */
export function routeHeldKarp(
  layout: RouteLayout,
  locations: PickLocation[],
): { order: number[]; length: number } {
  const n = locations.length;
  if (n === 0) return { order: [], length: 0 };
  if (n > HELD_KARP_LIMIT) throw new Error(`Held–Karp takes at most ${HELD_KARP_LIMIT} locations`);
  const depot = depotPoint(layout);
  const fromDepot = locations.map((l) => walkDistance(layout, depot, l));
  const d = locations.map((a) => locations.map((b) => walkDistance(layout, a, b)));
  const size = 1 << n;
  const cost = new Float64Array(size * n).fill(Infinity);
  const parent = new Int8Array(size * n).fill(-1);
  for (let i = 0; i < n; i++) cost[(1 << i) * n + i] = fromDepot[i]!;
  for (let mask = 1; mask < size; mask++)
    for (let last = 0; last < n; last++) {
      const here = cost[mask * n + last]!;
      if (here === Infinity || !(mask & (1 << last))) continue;
      for (let next = 0; next < n; next++) {
        if (mask & (1 << next)) continue;
        const to = (mask | (1 << next)) * n + next;
        const c = here + d[last]![next]!;
        if (c < cost[to]!) {
          cost[to] = c;
          parent[to] = last;
        }
      }
    }
  const full = size - 1;
  let best = Infinity;
  let last = -1;
  for (let i = 0; i < n; i++) {
    const c = cost[full * n + i]! + fromDepot[i]!;
    if (c < best) {
      best = c;
      last = i;
    }
  }
  const order: number[] = [];
  let mask = full;
  while (last >= 0) {
    order.push(last);
    const p = parent[mask * n + last]!;
    mask &= ~(1 << last);
    last = p;
  }
  return { order: order.reverse(), length: best };
}
