/** Allocating one order or the pool: the public contract (the result schemas live with the orders). */
import { z } from 'zod';

export {
  AllocationResult,
  Candidate,
  CANDIDATE_RULES,
  CandidateRule,
  LineAllocation,
  SHORT_REASONS,
  ShortReason,
} from '../orders/allocation-result.contract.js';

/** Allocate the pool: pending and backordered orders in processing order, each reported on its own. */
export const AllocatePoolInput = z.object({
  warehouseId: z.uuid().optional(),
  limit: z.number().int().min(1).max(10_000).default(500),
});
export type AllocatePoolInput = z.infer<typeof AllocatePoolInput>;

export const AllocatePoolReport = z.object({
  results: z.array(
    z.object({
      orderId: z.uuid(),
      externalRef: z.string(),
      status: z.string(),
      error: z.object({ code: z.string(), message: z.string() }).nullable(),
    }),
  ),
});
export type AllocatePoolReport = z.infer<typeof AllocatePoolReport>;
