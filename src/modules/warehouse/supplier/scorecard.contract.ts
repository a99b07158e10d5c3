/** Supplier scorecard from returns to supplier: the public contract. */
import { z } from 'zod';

export const ScorecardMonth = z.object({
  /** `YYYY-MM`. */
  month: z.string(),
  receivedQuantity: z.number().int(),
  returnedQuantity: z.number().int(),
  /** Returned units per reason. */
  byReason: z.record(z.string(), z.number().int()),
  /** Σ weight(reason) × units returned. */
  weightedReturns: z.number(),
  /** 100 − 100 × weightedReturns / receivedQuantity, floored at 0; null without receipts. */
  score: z.number().nullable(),
});
export type ScorecardMonth = z.infer<typeof ScorecardMonth>;

export const SupplierScorecard = z.object({
  supplierId: z.uuid(),
  code: z.string(),
  name: z.string(),
  receivedQuantity: z.number().int(),
  returnedQuantity: z.number().int(),
  weightedReturns: z.number(),
  score: z.number().nullable(),
  months: z.array(ScorecardMonth),
});
export type SupplierScorecard = z.infer<typeof SupplierScorecard>;

export const ScorecardQuery = z.object({
  /** How many months back from this month. */
  months: z.coerce.number().int().min(1).max(36).default(6),
});

export const ScorecardList = z.object({
  from: z.string(),
  to: z.string(),
  weights: z.record(z.string(), z.number()),
  items: z.array(SupplierScorecard),
});
export type ScorecardList = z.infer<typeof ScorecardList>;
