/**
 * What an allocation did and why, line by line and lot by lot. It lives with the orders because an
 * order's detail shows its latest result; allocation writes it and re-exports it from its contract.
 */
import { z } from 'zod';
import { AllocationPolicy, AllocationStrategy } from '../layout/layout.contract.js';

/** Why a line (or part of it) could not be served. */
export const SHORT_REASONS = [
  /** No stock of the item in the warehouse at all (or all of it reserved). */
  'no_stock',
  /** Stock exists but every unit is reserved by other orders. */
  'reserved_by_other_orders',
  /** Every available lot is expired. */
  'expired',
  /** Every available lot is older than the customer's value tier allows (or has no production date). */
  'too_old_for_tier',
  /** The line must come from one lot and no single lot has enough. */
  'no_single_lot',
  /** The line asked for one lot and that lot has not enough. */
  'requested_lot_short',
  /** Backorder policy: the order was not served because another line was short. */
  'backorder_hold',
  /** Some stock qualified but not enough. */
  'insufficient',
] as const;
export const ShortReason = z.enum(SHORT_REASONS);
export type ShortReason = z.infer<typeof ShortReason>;

/** The rule that decided about one candidate stock row. */
export const CANDIDATE_RULES = [
  /** Chosen: ordered first by the strategy (fifo / fefo / nearest) and its tie-breaks. */
  'strategy_order',
  /** Rejected: expired. */
  'expired',
  /** Rejected: produced longer ago than the tier allows. */
  'too_old_for_tier',
  /** Rejected: no production date, and the tier limits stock age. */
  'production_date_unknown',
  /** Rejected: not the lot the line asked for. */
  'other_lot_requested',
  /** Rejected: one lot per line, and another lot was chosen (or this one is too small). */
  'single_lot',
  /** Rejected: nothing available (all reserved). */
  'nothing_available',
  /** Not needed: the line was served before reaching it. */
  'not_needed',
  /** Released again: backorder policy held the order. */
  'backorder_hold',
] as const;
export const CandidateRule = z.enum(CANDIDATE_RULES);
export type CandidateRule = z.infer<typeof CandidateRule>;

export const Candidate = z.object({
  stockId: z.uuid(),
  locationCode: z.string(),
  lotNumber: z.string().nullable(),
  productionDate: z.iso.date().nullable(),
  expiryDate: z.iso.date().nullable(),
  putawayAt: z.iso.datetime(),
  pathRank: z.number().int().nullable(),
  available: z.number().int(),
  decision: z.enum(['chosen', 'rejected', 'unused']),
  rule: CandidateRule,
  /** Units reserved from this row (chosen only). */
  quantity: z.number().int(),
});
export type Candidate = z.infer<typeof Candidate>;

export const LineAllocation = z.object({
  lineNo: z.number().int(),
  sku: z.string(),
  requested: z.number().int(),
  allocated: z.number().int(),
  short: z.number().int(),
  shortReason: ShortReason.nullable(),
  strategy: AllocationStrategy,
  candidates: z.array(Candidate),
});
export type LineAllocation = z.infer<typeof LineAllocation>;

export const AllocationResult = z.object({
  orderId: z.uuid(),
  status: z.enum(['allocated', 'partially_allocated', 'backordered']),
  policy: AllocationPolicy,
  /** The customer's value tier and the stock age it allows, in calendar months (null: no limit). */
  valueTier: z.string().nullable(),
  maxStockAgeMonths: z.number().int().nullable(),
  /** The same limit in days as of `asOf` (asOf minus the cutoff date); null: no limit. */
  maxStockAgeDays: z.number().int().nullable(),
  singleLotPerLine: z.boolean(),
  allowExpired: z.boolean(),
  /** The day allocation judged age and expiry against (UTC date). */
  asOf: z.iso.date(),
  lines: z.array(LineAllocation),
  allocatedAt: z.iso.datetime(),
});
export type AllocationResult = z.infer<typeof AllocationResult>;
