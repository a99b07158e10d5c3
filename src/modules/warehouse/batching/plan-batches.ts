/**
 * Plans order batches (docs/warehouse-routing.md, "Order batching"): which orders share a cart, the
 * route of each batch by the route engine, the walk saved against picking each order alone, and for
 * batch-then-sort the put-wall plan. Pure: no database, no I/O (the clock is passed in), so it can run
 * in a worker thread.
 */
import {
  depotPoint,
  pickPoint,
  planRoute,
  walkDistance,
  type WalkPoint,
} from '../routing/routing.service.js';
import type { RouteLayout, RouteMethod, RoutePick } from '../routing/routing.contract.js';
import { BatchEstimator, buildProfiles } from './batch-estimate.js';
import { searchBatches, type BatchLimits, type SearchOrders } from './batch-search.js';
import type {
  Batch,
  BatchOrder,
  BatchPlan,
  BatchStop,
  CheckedBatchingInput,
  SortPlan,
} from './batching.contract.js';

/** Defaults of the search; `plan-batches.test.ts` and the bench show what they give. */
export const BATCHING_DEFAULTS = { window: 8, neighbours: 2, maxPasses: 20 } as const;

/** Orders of at most this many distinct locations are routed alone in closed form (every tour is the same few). */
const CLOSED_FORM_LOCATIONS = 3;

/** Lengths are reported to the nanometre, as the route engine does. */
const roundLength = (metres: number): number => Math.round(metres * 1e9) / 1e9;

export type PlanBatchesOptions = {
  /** The clock for `searchBudgetMs` (milliseconds); the planner reads nothing else from outside. */
  now?: () => number;
  window?: number;
  neighbours?: number;
  maxPasses?: number;
};

/** A planned walk: length, whether proven minimal, and the pick indexes (into the given picks) in order. */
type Walk = { length: number; optimal: boolean; sequence: number[] };

/**
 * The batches of `input.orders` (validated: every line inside the layout, order ids distinct).
 * @example planBatches({ layout, orders, capacity: { totes: 12, units: 30 }, method: 'pick_and_sort', ... })
 */
export function planBatches(input: CheckedBatchingInput, options: PlanBatchesOptions = {}): BatchPlan {
  const now = options.now ?? (() => performance.now());
  const deadline = input.searchBudgetMs === undefined ? Infinity : now() + input.searchBudgetMs;
  const { layout, orders, capacity, method } = input;
  const { units, volume } = sizesOf(orders);
  const oversize = orders.map(
    (_, i) => units[i]! > capacity.units || volume[i]! > (capacity.volume ?? Infinity),
  );
  const profiles = buildProfiles(layout, orders);
  const search: SearchOrders = { units, volume, profiles };
  const estimator = new BatchEstimator(layout, profiles);
  const placed = orders.map((_, i) => i).filter((i) => !oversize[i]);
  const found = searchBatches(placed, search, limitsOf(input), estimator, {
    window: options.window ?? BATCHING_DEFAULTS.window,
    neighbours: options.neighbours ?? BATCHING_DEFAULTS.neighbours,
    maxPasses: options.maxPasses ?? BATCHING_DEFAULTS.maxPasses,
    seed: input.seed,
    maxEvaluations: input.maxEvaluations ?? Infinity,
    deadline,
    now,
  });
  const depot = depotPoint(layout);
  const alone = orders.map((order) => routeAlone(layout, depot, order, input.routeMethod));
  const batches = routeBatches(input, found.batches, alone, search);
  orders.forEach((order, o) => {
    if (oversize[o]) batches.push({ ...aloneBatch(order, alone[o]!, units[o]!, volume[o]!), oversize: true });
  });
  if (method === 'batch_pick_then_sort')
    for (const batch of batches) batch.sortPlan = sortPlanOf(batch, input.sortMode);

  const length = roundLength(batches.reduce((s, b) => s + b.length, 0));
  const singleOrderLength = roundLength(alone.reduce((s, w) => s + w.length, 0));
  return {
    method,
    batches,
    length,
    singleOrderLength,
    saving: singleOrderLength > 0 ? 1 - length / singleOrderLength : 0,
    search: { evaluations: estimator.evaluations, passes: found.passes, stoppedEarly: found.stoppedEarly },
  };
}

/** Each order's units and volume. */
function sizesOf(orders: BatchOrder[]): { units: Float64Array; volume: Float64Array } {
  const units = new Float64Array(orders.length);
  const volume = new Float64Array(orders.length);
  for (let o = 0; o < orders.length; o++) {
    let u = 0;
    let v = 0;
    for (const l of orders[o]!.lines) {
      u += l.units;
      v += l.volume ?? 0;
    }
    units[o] = u;
    volume[o] = v;
  }
  return { units, volume };
}

/** Orders, units and volume one batch may hold under the picking method. */
function limitsOf(input: CheckedBatchingInput): BatchLimits {
  const { method, capacity } = input;
  return {
    orders:
      method === 'by_order'
        ? 1
        : method === 'batch_pick_then_sort'
          ? (input.putWallSlots ?? capacity.totes)
          : capacity.totes,
    units: capacity.units,
    // a hair under the limit, so sums kept by adding and subtracting never round over it
    volume: capacity.volume === undefined ? Infinity : capacity.volume * (1 - 1e-9),
  };
}

/**
 * The route of each batch by the route engine. A heuristic route may come out longer than its orders
 * walked one by one: then they are picked one by one (so the plan never walks more than the baseline).
 */
function routeBatches(
  input: CheckedBatchingInput,
  found: number[][],
  alone: Walk[],
  { units, volume }: SearchOrders,
): Batch[] {
  const { layout, orders, routeMethod } = input;
  const batches: Batch[] = [];
  const single = (o: number) => aloneBatch(orders[o]!, alone[o]!, units[o]!, volume[o]!);
  for (const members of found) {
    if (members.length === 1) {
      batches.push(single(members[0]!));
      continue;
    }
    const batch = routeBatch(layout, orders, members, routeMethod);
    const separate = members.reduce((s, o) => s + alone[o]!.length, 0);
    if (batch.length > separate + 1e-9) for (const o of members) batches.push(single(o));
    else
      batches.push({ ...batch, units: sum(members, units), volume: sum(members, volume), oversize: false });
  }
  return batches;
}

function sum(members: number[], values: Float64Array): number {
  return members.reduce((s, o) => s + values[o]!, 0);
}

/** The picks of an order's lines. */
const picksOf = (order: BatchOrder): RoutePick[] =>
  order.lines.map((l) => ({ aisle: l.aisle, block: l.block, slot: l.slot }));

/** The route of several orders' lines together, its stops naming order and line. */
function routeBatch(
  layout: RouteLayout,
  orders: BatchOrder[],
  members: number[],
  routeMethod: RouteMethod,
): Omit<Batch, 'units' | 'volume' | 'oversize'> {
  // pick i is line lineOf[i] of order ownerOf[i]; the lines themselves are the picks (the route reads their place)
  const ownerOf: number[] = [];
  const lineOf: number[] = [];
  const picks: RoutePick[] = [];
  for (const o of members) {
    const lines = orders[o]!.lines;
    for (let line = 0; line < lines.length; line++) {
      ownerOf.push(o);
      lineOf.push(line);
      picks.push(lines[line]!);
    }
  }
  const route = planRoute(layout, picks, routeMethod);
  const stops = route.sequence.map((i) => stopOf(orders[ownerOf[i]!]!, lineOf[i]!));
  // the orders in the order their first line is picked (so put-wall slots number them that way)
  return {
    orders: [...new Set(stops.map((s) => s.order))],
    length: route.length,
    optimal: route.optimal,
    stops,
  };
}

function stopOf(order: BatchOrder, line: number): BatchStop {
  const l = order.lines[line]!;
  return { order: order.id, line, aisle: l.aisle, block: l.block, slot: l.slot, units: l.units };
}

function aloneBatch(order: BatchOrder, walk: Walk, units: number, volume: number): Batch {
  return {
    orders: [order.id],
    units,
    volume,
    oversize: false,
    length: walk.length,
    optimal: walk.optimal,
    stops: walk.sequence.map((line) => stopOf(order, line)),
  };
}

/**
 * One order's own route. Up to three distinct locations every tour is one of at most three, so the
 * shortest is found in closed form over the model's shortest walks (exact, like `optimal`); larger
 * orders go to the route engine by `routeMethod`.
 */
function routeAlone(
  layout: RouteLayout,
  depot: WalkPoint,
  order: BatchOrder,
  routeMethod: RouteMethod,
): Walk {
  const lines = order.lines;
  // the line indexes at each distinct location, while there are few
  const groups: number[][] = [];
  for (let i = 0; i < lines.length && groups.length <= CLOSED_FORM_LOCATIONS; i++) {
    const l = lines[i]!;
    let same: number[] | undefined;
    for (const g of groups) {
      const m = lines[g[0]!]!;
      if (m.aisle === l.aisle && m.block === l.block && m.slot === l.slot) {
        same = g;
        break;
      }
    }
    if (same) same.push(i);
    else groups.push([i]);
  }
  if (groups.length > CLOSED_FORM_LOCATIONS) {
    const route = planRoute(layout, picksOf(order), routeMethod);
    return { length: route.length, optimal: route.optimal, sequence: route.sequence };
  }
  const points = groups.map((g) => pickPoint(layout, lines[g[0]!]!));
  const visits = CLOSED_FORM_VISITS[groups.length]!;
  let best = visits[0]!;
  let bestLength = Infinity;
  for (const visit of visits) {
    let length = 0;
    let at = depot;
    for (const i of visit) {
      length += walkDistance(layout, at, points[i]!);
      at = points[i]!;
    }
    length += walkDistance(layout, at, depot);
    if (length < bestLength - 1e-12) {
      bestLength = length;
      best = visit;
    }
  }
  const sequence = groups.length === 1 ? groups[0]! : best.flatMap((i) => groups[i]!);
  return { length: roundLength(bestLength), optimal: true, sequence };
}

/** The visiting orders worth trying for 0–3 locations (the rest are these reversed). */
const CLOSED_FORM_VISITS: readonly (readonly number[])[][] = [
  [[]],
  [[0]],
  [[0, 1]],
  [
    [0, 1, 2],
    [0, 2, 1],
    [1, 0, 2],
  ],
];

/**
 * Put-wall slots numbered 1.. in the order each order's first line is picked (the batch's order list); sow puts follow the
 * route, pick puts go slot by slot (each order's lines in route order).
 */
function sortPlanOf(batch: Batch, mode: 'sow' | 'pick'): SortPlan {
  const slotOf = new Map<string, number>();
  for (const stop of batch.stops) if (!slotOf.has(stop.order)) slotOf.set(stop.order, slotOf.size + 1);
  const puts = batch.stops.map((s) => ({
    wallSlot: slotOf.get(s.order)!,
    order: s.order,
    line: s.line,
    units: s.units,
  }));
  if (mode === 'pick') puts.sort((p, q) => p.wallSlot - q.wallSlot);
  return { mode, slots: [...slotOf].map(([order, wallSlot]) => ({ wallSlot, order })), puts };
}
