/** A tenant's warehouse rules: stock age by value tier, return reason weights, fresh-goods tolerance. */
import { z } from 'zod';

const months = z.number().int().min(1).max(240);

export const WarehouseSettings = z.object({
  /**
   * The most months since production a customer of each value tier may receive; tiers left out have
   * no limit. Default: svip 3, vip 6.
   */
  maxStockAgeMonths: z.record(z.string(), months).default({ svip: 3, vip: 6 }),
  /** How much each return reason counts against a supplier's score. */
  returnReasonWeights: z
    .object({
      wrong_goods: z.number().min(0).max(10).default(1),
      defective: z.number().min(0).max(10).default(1.5),
      expired: z.number().min(0).max(10).default(1),
      over_delivery: z.number().min(0).max(10).default(0.5),
      other: z.number().min(0).max(10).default(0.5),
    })
    .prefault({}),
  /** Fresh goods: the weight loss per day that is normal (0.05 = 5 % a day). */
  weightLossTolerancePerDay: z.number().min(0).max(1).default(0.05),
});
export type WarehouseSettings = z.infer<typeof WarehouseSettings>;

export const UpdateWarehouseSettingsInput = z.object({
  maxStockAgeMonths: z.record(z.string(), months).optional(),
  returnReasonWeights: z
    .object({
      wrong_goods: z.number().min(0).max(10).optional(),
      defective: z.number().min(0).max(10).optional(),
      expired: z.number().min(0).max(10).optional(),
      over_delivery: z.number().min(0).max(10).optional(),
      other: z.number().min(0).max(10).optional(),
    })
    .optional(),
  weightLossTolerancePerDay: z.number().min(0).max(1).optional(),
});
export type UpdateWarehouseSettingsInput = z.infer<typeof UpdateWarehouseSettingsInput>;

export const CustomerLotRule = z.object({
  customerId: z.uuid(),
  singleLotPerLine: z.boolean(),
});
export type CustomerLotRule = z.infer<typeof CustomerLotRule>;
