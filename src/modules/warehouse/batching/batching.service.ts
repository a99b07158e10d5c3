/**
 * Order batching as a use case: input checked (400 `warehouse.batching.invalid` naming the field, the
 * order and line), then the pure planner. No database: waves call it with the orders they release.
 */
import { AppError, type FieldIssue } from '../../../platform/errors.js';
import { pickIssue } from '../routing/routing.contract.js';
import {
  BATCHING_ERRORS,
  BatchingInput,
  type BatchPlan,
  type CheckedBatchingInput,
} from './batching.contract.js';
import { planBatches, type PlanBatchesOptions } from './plan-batches.js';

export { BATCHING_DEFAULTS } from './plan-batches.js';

function invalid(issue: FieldIssue): AppError {
  return new AppError('invalid', BATCHING_ERRORS.invalid, `${issue.message} (${issue.path})`, {
    issues: [issue],
  });
}

/** Parses untrusted input; throws `invalid` naming the first bad field, line outside the layout or repeated order id. */
export function parseBatchingInput(raw: unknown): CheckedBatchingInput {
  const parsed = BatchingInput.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalid({ path: issue.path.map(String).join('.'), message: issue.message });
  }
  const input = parsed.data;
  const ids = new Set<string>();
  for (const [o, order] of input.orders.entries()) {
    if (ids.has(order.id))
      throw invalid({ path: `orders.${o}.id`, message: `order ${order.id} is listed twice` });
    ids.add(order.id);
    const issue = pickIssue(input.layout, order.lines);
    if (issue)
      throw invalid({
        path: `orders.${o}.lines.${issue.path.slice('picks.'.length)}`,
        message: `order ${order.id}: ${issue.message.replace(/^pick (\d+)/, 'line $1')}`,
      });
  }
  return input;
}

/**
 * The batches of checked input: which orders share a cart, each batch's route, the saving against
 * picking each order alone and, for batch-then-sort, the put-wall plan.
 */
export function batchOrders(input: CheckedBatchingInput, options?: PlanBatchesOptions): BatchPlan {
  return planBatches(input, options);
}
