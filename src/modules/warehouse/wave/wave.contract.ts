/**
 * Waves (波次): a warehouse's wave strategy (ordered release rules), the release preview with the
 * reason every order was left out, and released waves. The public contract of this feature.
 */
import { z } from 'zod';
import { OrderStatus, OrderType, Priority } from '../orders/order.contract.js';
import { PickingSettings, RulePicking, WaveBatch, WavePicking } from './picking.contract.js';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const text = (max: number) => z.string().trim().min(1).max(max);
const list = (max: number) => z.array(text(max)).min(1).max(100);

/** single: one SKU (one line); multi: several lines. */
export const WAVE_ITEM_COUNTS = ['single', 'multi'] as const;

/** Caps of one wave; the item master has a weight per unit but no volume, so there is no volume cap. */
export const WaveLimits = z.object({
  orders: z.number().int().min(1).max(100_000).optional(),
  lines: z.number().int().min(1).max(1_000_000).optional(),
  units: z.number().int().min(1).max(100_000_000).optional(),
  weightKg: z.number().positive().max(1_000_000).optional(),
});
export type WaveLimits = z.infer<typeof WaveLimits>;

/** One release rule: filters an order must pass (all that are given) and the caps of its wave. */
export const WaveRule = z.object({
  name: text(64),
  carriers: list(64).optional(),
  items: z.enum(WAVE_ITEM_COUNTS).optional(),
  provinces: list(50).optional(),
  cities: list(50).optional(),
  stores: list(100).optional(),
  /** Orders pushed before this time of day of the release day, in the warehouse's time zone. */
  cutOffTime: z.string().regex(HH_MM, 'a time of day HH:MM').optional(),
  /** Orders pushed before this moment. */
  pushedBefore: z.iso.datetime({ offset: true }).optional(),
  /** The customer's value tier as the CRM has it (svip, vip…); orders without a customer never match. */
  valueTiers: list(32).optional(),
  types: z.array(OrderType).min(1).max(5).optional(),
  limits: WaveLimits.default({}),
  /** This rule's waves are picked by this method (else the warehouse's `picking.method`). */
  picking: RulePicking.optional(),
});
export type WaveRule = z.infer<typeof WaveRule>;

/** A warehouse's strategy: its rules in the order they take orders. */
export const WaveStrategyInput = z
  .object({
    rules: z.array(WaveRule).max(50),
    /** Take partially allocated orders too (their allocated units are picked); by default they wait. */
    releasePartiallyAllocated: z.boolean().default(false),
    /** How released waves are batched and picked (defaults: pick_and_sort, carts of 12 totes, 200 units). */
    picking: PickingSettings.default(PickingSettings.parse({})),
  })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.rules.forEach((rule, index) => {
      if (seen.has(rule.name))
        ctx.addIssue({ code: 'custom', path: ['rules', index, 'name'], message: 'rule names are unique' });
      seen.add(rule.name);
    });
  });
export type WaveStrategyInput = z.infer<typeof WaveStrategyInput>;
/** A strategy as a request may give it (defaults not yet applied). */
export type WaveStrategyRequest = z.input<typeof WaveStrategyInput>;

export const WaveStrategy = z.object({
  warehouseId: z.uuid(),
  rules: z.array(WaveRule),
  releasePartiallyAllocated: z.boolean(),
  picking: PickingSettings,
  updatedAt: z.iso.datetime().nullable(),
});
export type WaveStrategy = z.infer<typeof WaveStrategy>;

/** Why an order of the pool was not taken into a wave. */
export const LEFT_OUT_REASONS = [
  'not_allocated',
  'partially_allocated',
  'in_wave',
  'no_rule',
  'carrier',
  'item_count',
  'destination',
  'cut_off',
  'value_tier',
  'type',
  'over_limit',
  'weight_unknown',
] as const;
export const LeftOutReason = z.enum(LEFT_OUT_REASONS);
export type LeftOutReason = z.infer<typeof LeftOutReason>;

const OrderRef = z.object({
  orderId: z.uuid(),
  externalRef: z.string(),
  priority: Priority,
  pushedAt: z.iso.datetime(),
});

export const WaveTotals = z.object({
  orders: z.number().int(),
  lines: z.number().int(),
  units: z.number().int(),
  /** Null when the rule has no weight cap (weights are then not read). */
  weightKg: z.number().nullable(),
});
export type WaveTotals = z.infer<typeof WaveTotals>;

export const PlannedWave = z.object({
  rule: z.string(),
  orders: z.array(OrderRef),
  totals: WaveTotals,
});

export const LeftOutOrder = OrderRef.extend({
  status: OrderStatus,
  code: LeftOutReason,
  message: z.string(),
  /** The rule the reason is about, when it is a rule's. */
  rule: z.string().nullable(),
  /** Every rule's reason, in rule order (for orders that reached the rules). */
  rules: z.array(z.object({ rule: z.string(), code: LeftOutReason, message: z.string() })),
});
export type LeftOutOrder = z.infer<typeof LeftOutOrder>;

export const WavePreview = z.object({
  warehouseId: z.uuid(),
  at: z.iso.datetime(),
  waves: z.array(PlannedWave),
  leftOut: z.array(LeftOutOrder),
});
export type WavePreview = z.infer<typeof WavePreview>;

export const WAVE_STATUSES = ['released', 'picking', 'done', 'cancelled'] as const;
export const WaveStatus = z.enum(WAVE_STATUSES);
export type WaveStatus = z.infer<typeof WaveStatus>;

export const Wave = z.object({
  id: z.uuid(),
  warehouseId: z.uuid(),
  /** 1, 2, 3… per warehouse. */
  number: z.number().int(),
  rule: WaveRule,
  status: WaveStatus,
  totals: WaveTotals,
  /** Its batching: method, batches, tasks, lengths and the saving (null for waves released before). */
  picking: WavePicking.nullable(),
  releasedAt: z.iso.datetime(),
  cancelledAt: z.iso.datetime().nullable(),
});
export type Wave = z.infer<typeof Wave>;

export const WaveDetail = Wave.extend({
  orders: z.array(OrderRef.extend({ status: OrderStatus })),
  /** Its batches (cart trips) with their stops in route order. */
  batches: z.array(WaveBatch),
});
export type WaveDetail = z.infer<typeof WaveDetail>;

export const WaveRelease = z.object({ waves: z.array(Wave), leftOut: z.array(LeftOutOrder) });
export type WaveRelease = z.infer<typeof WaveRelease>;

export const WaveQuery = z.object({
  warehouseId: z.uuid().optional(),
  status: WaveStatus.optional(),
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type WaveQuery = z.infer<typeof WaveQuery>;

/** Newest first. */
export const WavePage = z.object({ items: z.array(Wave), nextCursor: z.string().nullable() });
export type WavePage = z.infer<typeof WavePage>;

export const WAVE_ERRORS = {
  notFound: 'warehouse.wave.not_found',
  notCancellable: 'warehouse.wave.not_cancellable',
  notReleased: 'warehouse.wave.not_released',
  badCursor: 'warehouse.wave.bad_cursor',
} as const;
