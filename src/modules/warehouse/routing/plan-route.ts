/**
 * Plans a pick route: the locations of the picks, the visiting order by the chosen method, and the
 * walked length of that order under the distance model. Pure: no database, no I/O.
 */
import { HELD_KARP_LIMIT, routeHeldKarp } from './held-karp.js';
import { routeSingleBlock } from './route-single-block.js';
import { pickLocations, walkedLength, type PickLocation } from './route-geometry.js';
import {
  LOCAL_SEARCH_LIMIT,
  improveOrder,
  routeHeuristic,
  routeNearestNeighbour,
} from './route-heuristics.js';
import type { Route, RouteLayout, RouteMethod, RoutePick } from './routing.contract.js';

/** Lengths are reported to the nanometre, so sums of metres read cleanly. */
const roundLength = (metres: number): number => Math.round(metres * 1e9) / 1e9;

/**
 * The route through `picks` (already inside `layout`, see `pickIssue`) by `method`. The sequence lists
 * every pick index once, picks sharing a location together; the length is the sequence's walked length.
 * @example planRoute(layout, [{ aisle: 2, block: 1, slot: 3 }], 'optimal') // { length, optimal: true, method: 'optimal', sequence: [0] }
 */
export function planRoute(layout: RouteLayout, picks: RoutePick[], method: RouteMethod): Route {
  const locs = pickLocations(layout, picks);
  const { order, optimal } = orderLocations(layout, locs, method);
  const points = order.map((i) => locs[i]!);
  return {
    length: roundLength(walkedLength(layout, points)),
    optimal,
    method,
    sequence: order.flatMap((i) => locs[i]!.picks),
  };
}

function orderLocations(
  layout: RouteLayout,
  locs: PickLocation[],
  method: RouteMethod,
): { order: number[]; optimal: boolean } {
  if (method !== 'optimal') return { order: routeHeuristic(layout, locs, method), optimal: false };
  if (locs.length === 0) return { order: [], optimal: true };
  // Cross aisles beyond the back of block 1 never shorten a walk among block-1 locations.
  if (locs.every((l) => l.block === 1)) return { order: routeSingleBlock(layout, locs).order, optimal: true };
  if (locs.length <= HELD_KARP_LIMIT) return { order: routeHeldKarp(layout, locs).order, optimal: true };
  return { order: bestImproved(layout, locs), optimal: false };
}

/** The shortest of the heuristic and nearest-neighbour orders, each improved by local search. */
function bestImproved(layout: RouteLayout, locs: PickLocation[]): number[] {
  const starts = [
    routeHeuristic(layout, locs, 's-shape'),
    routeHeuristic(layout, locs, 'largest-gap'),
    routeHeuristic(layout, locs, 'combined'),
    ...(locs.length <= LOCAL_SEARCH_LIMIT ? [routeNearestNeighbour(layout, locs)] : []),
  ];
  let best: number[] = [];
  let bestLength = Infinity;
  for (const start of starts) {
    const improved = improveOrder(layout, locs, start);
    const length = walkedLength(
      layout,
      improved.map((i) => locs[i]!),
    );
    if (length < bestLength) {
      bestLength = length;
      best = improved;
    }
  }
  return best;
}
