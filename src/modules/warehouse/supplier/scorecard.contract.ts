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
  /** Returned units per reason over the whole window. */
  byReason: z.record(z.string(), z.number().int()),
  weightedReturns: z.number(),
  /** The window's score, from its totals (not an average of the months). */
  score: z.number().nullable(),
  /** Every month of the window, oldest first, months without activity as zeros. */
  months: z.array(ScorecardMonth),
});
export type SupplierScorecard = z.infer<typeof SupplierScorecard>;

/** `?months=`: the window is this month and the months before it, 6 in all by default. */
export const ScorecardQuery = z.object({
  /** How many months, this one included. */
  months: z.coerce.number().int().min(1).max(36).default(6),
});

export type ScorecardQuery = z.infer<typeof ScorecardQuery>;

/** Suppliers with receipts or returns in the window, worst score first (no receipts counts as worst). */
export const ScorecardList = z.object({
  /** First and last month of the window, `YYYY-MM` (Asia/Shanghai). */
  from: z.string(),
  to: z.string(),
  /** The tenant's return reason weights the scores were computed with. */
  weights: z.record(z.string(), z.number()),
  items: z.array(SupplierScorecard),
});
export type ScorecardList = z.infer<typeof ScorecardList>;
