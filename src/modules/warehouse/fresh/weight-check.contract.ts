/** Weight checks of fresh goods: the public contract of `/api/warehouse/weight-checks`. */
import { z } from 'zod';

/** Pure helpers of weighing out that shipping needs too. */
export { pickKey, roundKg } from './weigh-out.js';

/** Who weighed the goods in or out (null when the move had no user, e.g. an import). */
export const WeighedBy = z.object({ id: z.uuid(), name: z.string(), email: z.string() }).nullable();
export type WeighedBy = z.infer<typeof WeighedBy>;

/** One shipped line's units of one stock row, weighed out against what they weighed in. */
export const WeightCheck = z.object({
  id: z.uuid(),
  warehouseId: z.uuid(),
  orderId: z.uuid(),
  /** The order's reference in its source system. */
  externalRef: z.string(),
  lineNo: z.number().int(),
  itemId: z.uuid(),
  sku: z.string(),
  itemName: z.string(),
  unit: z.string(),
  lotId: z.uuid().nullable(),
  lotNumber: z.string().nullable(),
  locationCode: z.string().nullable(),
  quantity: z.number().int(),
  weighedInKg: z.number(),
  weighedOutKg: z.number(),
  /** Days between weighing in (putaway) and weighing out. */
  days: z.number(),
  /** (in − out) / in; a gain is negative. */
  lossRatio: z.number(),
  /** The tenant's tolerance per day × days, at most 1, when the goods were weighed out. */
  allowedRatio: z.number(),
  overTolerance: z.boolean(),
  weighedInBy: WeighedBy,
  weighedOutBy: WeighedBy,
  weighedInAt: z.iso.datetime(),
  weighedOutAt: z.iso.datetime(),
});
export type WeightCheck = z.infer<typeof WeightCheck>;

export const WeightCheckQuery = z.object({
  warehouseId: z.uuid().optional(),
  /** true: only losses over tolerance; false: only the normal ones; left out: all. */
  flagged: z.stringbool().optional(),
  orderId: z.uuid().optional(),
  /** Newest first; `after` is the cursor of the previous page. */
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type WeightCheckQuery = z.infer<typeof WeightCheckQuery>;

export const WeightCheckPage = z.object({ items: z.array(WeightCheck), nextCursor: z.string().nullable() });
export type WeightCheckPage = z.infer<typeof WeightCheckPage>;
