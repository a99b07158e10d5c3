/**
 * The pick-route contract (docs/warehouse-routing.md): a rectangular layout of parallel aisles and
 * cross aisles, the picks to visit, the methods, and the route they produce.
 */
import { z } from 'zod';

/** How a route is made: exact (or the best the engine has, on multi-block layouts) or a classic heuristic. */
export const ROUTE_METHODS = ['optimal', 's-shape', 'largest-gap', 'combined'] as const;
export type RouteMethod = (typeof ROUTE_METHODS)[number];
export const RouteMethod = z.enum(ROUTE_METHODS);

/** Error codes of route planning. */
export const ROUTING_ERRORS = { invalid: 'warehouse.route.invalid' } as const;

/** Limits that keep one request bounded. */
export const ROUTE_LIMITS = { aisles: 1000, blocks: 50, slotsPerBlock: 10_000, picks: 20_000 } as const;

/** The layout of the aisle-centre distance model; extra fields are ignored. */
export const RouteLayout = z
  .object({
    aisles: z.number().int().min(1).max(ROUTE_LIMITS.aisles),
    blocks: z.number().int().min(1).max(ROUTE_LIMITS.blocks),
    slotsPerBlock: z.number().int().min(1).max(ROUTE_LIMITS.slotsPerBlock),
    slotLength: z.number().positive().max(1e6),
    aislePitch: z.number().positive().max(1e6),
    crossAisleDepth: z.number().min(0).max(1e6),
    depot: z.object({ x: z.number().min(-1e9).max(1e9) }),
  })
  .meta({
    description: 'Parallel aisles 1..aisles, blocks+1 cross aisles, the depot on the front cross aisle',
  });
export type RouteLayout = z.infer<typeof RouteLayout>;

/** One pick location: aisle 1..aisles, block 1..blocks (default 1), slot 1..slotsPerBlock. */
export const RoutePick = z.object({
  aisle: z.number().int(),
  block: z.number().int().default(1),
  slot: z.number().int(),
});
export type RoutePick = z.infer<typeof RoutePick>;

export const RoutePicks = z.array(RoutePick).max(ROUTE_LIMITS.picks);

/** `POST /api/warehouse/route` */
export const RouteInput = z.object({
  layout: RouteLayout,
  picks: RoutePicks,
  method: RouteMethod.default('optimal'),
});
export type RouteInput = z.input<typeof RouteInput>;

/** A planned route: its walked length in metres and the pick indexes in visiting order. */
export const Route = z.object({
  length: z.number(),
  /** True when the length is proven minimal. */
  optimal: z.boolean(),
  method: RouteMethod,
  sequence: z.array(z.number().int()),
});
export type Route = z.infer<typeof Route>;

/** The first pick outside the layout, as a path (`picks.3.slot`) and a message; undefined when all fit. */
export function pickIssue(
  layout: RouteLayout,
  picks: RoutePick[],
): { path: string; message: string } | undefined {
  for (const [i, pick] of picks.entries()) {
    if (pick.aisle < 1 || pick.aisle > layout.aisles)
      return {
        path: `picks.${i}.aisle`,
        message: `pick ${i}: aisle ${pick.aisle} is outside 1..${layout.aisles}`,
      };
    if (pick.block < 1 || pick.block > layout.blocks)
      return {
        path: `picks.${i}.block`,
        message: `pick ${i}: block ${pick.block} is outside 1..${layout.blocks}`,
      };
    if (pick.slot < 1 || pick.slot > layout.slotsPerBlock)
      return {
        path: `picks.${i}.slot`,
        message: `pick ${i}: slot ${pick.slot} is outside 1..${layout.slotsPerBlock}`,
      };
  }
  return undefined;
}
