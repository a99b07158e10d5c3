/** The warehouse bench's batch push: the pool's worth of orders pushed 1,000 at a time (issue 22). */
import { pushOutboundOrders } from '../src/modules/warehouse/orders/order-batch.service.js';
import { ORDER_BATCH_MAX } from '../src/modules/warehouse/orders/order.contract.js';
import { now, type Measurement } from './harness.js';

import { loadNote, perSecond, seconds } from './stats.js';
import { ordersOf, type Bench, type Sizes } from './warehouse-world.js';

/** The goal of the batch push on a server, in orders per second. */
export const BATCH_GOAL = 1_000;

/**
 * Pushes as many orders as the pool has, in batches of 1,000, with `pushOutboundOrders`; then the
 * first batch again, which must store nothing. Answers orders/s against the goal.
 */
export async function measureBatchPush(bench: Bench, sizes: Sizes): Promise<Measurement[]> {
  const specs = ordersOf(bench, sizes.pool, 'BATCH');
  const lines = specs.reduce((sum, spec) => sum + spec.lines, 0);
  const batches: unknown[][] = [];
  for (let start = 0; start < specs.length; start += ORDER_BATCH_MAX)
    batches.push(specs.slice(start, start + ORDER_BATCH_MAX).map((spec) => spec.request));
  bench.context.log(`pushing ${specs.length} orders in ${batches.length} batches`);
  const times: number[] = [];
  let created = 0;
  for (const orders of batches) {
    const started = now();
    const report = await pushOutboundOrders(bench.deps, bench.admin, { orders });
    times.push(now() - started);
    created += report.created;
    if (report.created !== orders.length)
      throw new Error(
        `batch created ${report.created} of ${orders.length}: ${JSON.stringify(report.results.find((r) => r.error))}`,
      );
  }
  const ms = times.reduce((sum, t) => sum + t, 0);
  const retried = await pushOutboundOrders(bench.deps, bench.admin, { orders: batches[0]! });
  if (retried.created !== 0 || retried.existing !== batches[0]!.length)
    throw new Error(`the retried batch created ${retried.created} orders`);
  const rate = perSecond(created, ms);
  bench.context.log(`pushed ${created} orders (${lines} lines) in ${seconds(ms)}`);
  return [
    {
      metric: `orders pushed in batches of 1,000 (${created})`,
      value: rate,
      unit: 'orders/s',
      note:
        `goal >= ${BATCH_GOAL}: ${rate >= BATCH_GOAL ? 'met' : 'MISSED'}; ${seconds(ms)}, ${lines} lines; ` +
        `slowest batch ${seconds(Math.max(...times))}; pushOutboundOrders; a retried batch stored nothing; ${loadNote()}`,
    },
  ];
}
