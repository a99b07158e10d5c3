/**
 * The order-batching contract (docs/warehouse-routing.md, "Order batching"): orders with their pick
 * lines, the cart, the picking method, and the batches planned with their routes and sort plans.
 */
import { z } from 'zod';
import { RouteLayout, RouteMethod } from '../routing/routing.contract.js';

/**
 * How orders are picked: each order alone (by_order); several orders on one cart, one tote per order,
 * sorted while picking (pick_and_sort, 边拣边分); a batch picked in bulk and sorted afterwards at a put
 * wall with numbered slots (batch_pick_then_sort, 先拣后分).
 */
export const PICKING_METHODS = ['by_order', 'pick_and_sort', 'batch_pick_then_sort'] as const;
export type PickingMethod = (typeof PICKING_METHODS)[number];
export const PickingMethod = z.enum(PICKING_METHODS);

/**
 * How a batch picked in bulk is sorted at the put wall: sow (播种: location by location, each picked
 * line put into its order's slot, in route order) or pick (摘果: slot by slot, each order's lines taken
 * from the batch).
 */
export const SORT_MODES = ['sow', 'pick'] as const;
export type SortMode = (typeof SORT_MODES)[number];
export const SortMode = z.enum(SORT_MODES);

/** Error codes of order batching. */
export const BATCHING_ERRORS = { invalid: 'warehouse.batching.invalid' } as const;

/** Limits that keep one plan bounded. */
export const BATCHING_LIMITS = { orders: 200_000, linesPerOrder: 20_000, totes: 1_000 } as const;

/** One pick line: where it is picked, how many units, and (optionally) the volume of those units together. */
export const BatchLine = z.object({
  aisle: z.number().int(),
  block: z.number().int().default(1),
  slot: z.number().int(),
  units: z.number().int().min(1).max(1e9),
  volume: z.number().min(0).max(1e12).optional(),
});
export type BatchLine = z.infer<typeof BatchLine>;

export const BatchOrder = z.object({
  id: z.string().min(1).max(200),
  lines: z.array(BatchLine).min(1).max(BATCHING_LIMITS.linesPerOrder),
});
export type BatchOrder = z.infer<typeof BatchOrder>;

/**
 * What one cart carries: `totes` orders (one tote each, pick-and-sort), `units` units and, when given,
 * `volume` (same unit as the lines' volume).
 */
export const CartCapacity = z.object({
  totes: z.number().int().min(1).max(BATCHING_LIMITS.totes),
  units: z.number().int().min(1).max(1e9),
  volume: z.number().positive().max(1e12).optional(),
});
export type CartCapacity = z.infer<typeof CartCapacity>;

export const BatchingInput = z.object({
  layout: RouteLayout,
  orders: z.array(BatchOrder).max(BATCHING_LIMITS.orders),
  capacity: CartCapacity,
  method: PickingMethod.default('pick_and_sort'),
  /** batch_pick_then_sort: put-wall slots, so orders per batch (default: the cart's totes). */
  putWallSlots: z.number().int().min(1).max(BATCHING_LIMITS.totes).optional(),
  sortMode: SortMode.default('sow'),
  /** How the final route of each batch is planned (the search itself uses a closed-form estimate). */
  routeMethod: RouteMethod.default('optimal'),
  /** Seeds the order in which the local search visits batches: same input and seed, same plan. */
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(1),
  /** Stops the local search after this many milliseconds (the plan stays valid); none: no time limit. */
  searchBudgetMs: z.number().min(0).max(3_600_000).optional(),
  /** Stops the local search after this many candidate evaluations (deterministic bound). */
  maxEvaluations: z.number().int().min(0).max(1e10).optional(),
});
export type BatchingInput = z.input<typeof BatchingInput>;
export type CheckedBatchingInput = z.infer<typeof BatchingInput>;

/** One stop of a batch's route: the order and line picked there (line = index in the order's lines). */
export type BatchStop = {
  order: string;
  line: number;
  aisle: number;
  block: number;
  slot: number;
  units: number;
};

/** A put into a put-wall slot (1-based), in the order the sorter does them. */
export type SortPut = { wallSlot: number; order: string; line: number; units: number };

/** batch_pick_then_sort: which order each put-wall slot holds, and the puts. */
export type SortPlan = { mode: SortMode; slots: { wallSlot: number; order: string }[]; puts: SortPut[] };

export type Batch = {
  orders: string[];
  units: number;
  volume: number;
  /** A single order larger than the cart (units or volume): its own batch, picked in several trips. */
  oversize: boolean;
  /** The walked length of `stops` in metres, as the route engine reports it. */
  length: number;
  /** True when the route's length is proven minimal. */
  optimal: boolean;
  stops: BatchStop[];
  sortPlan?: SortPlan;
};

export type BatchPlan = {
  method: PickingMethod;
  batches: Batch[];
  /** Sum of the batches' lengths. */
  length: number;
  /** Sum of each order's length picked alone. */
  singleOrderLength: number;
  /** 1 - length / singleOrderLength (0 when nothing is walked). */
  saving: number;
  search: { evaluations: number; passes: number; stoppedEarly: boolean };
};
