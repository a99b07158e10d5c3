/**
 * The pool a release plans over: the warehouse's open orders (pending, allocated, partially allocated,
 * backordered) read through the orders' service with their customers' value tiers, which of them are
 * in a wave, and — only when a rule caps weight — each candidate's weight from the item master.
 */
import type { Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { findItemsBySku } from '../catalog/catalog.service.js';
import type { OrderStatus, OrderSummary } from '../orders/order.contract.js';
import { PRIORITY_RANK } from '../orders/order-detail.service.js';
import * as orders from '../orders/order-state.service.js';
import { listOrders } from '../orders/order.service.js';
import type { WaveRule } from './wave.contract.js';
import { roundKg, type PoolOrder } from './wave-plan.js';
import * as repo from './wave.repository.js';

const OPEN: OrderStatus[] = ['pending', 'allocated', 'partially_allocated', 'backordered'];
const PAGE = 500;

/** The warehouse's open orders as the planner sees them. */
export async function loadPool(
  db: Db,
  actor: Actor,
  warehouseId: string,
  rules: WaveRule[],
): Promise<PoolOrder[]> {
  const inWaves = new Map(
    (await repo.listOrdersInWaves(db, actor.tenantId, warehouseId)).map((row) => [row.orderId, row.number]),
  );
  const pool: PoolOrder[] = [];
  for (const status of OPEN) {
    let after: string | undefined;
    do {
      const page = await listOrders({ db }, actor, { warehouseId, status, limit: PAGE, after });
      for (const order of page.items) pool.push(toPoolOrder(order, inWaves.get(order.id)));
      after = page.nextCursor ?? undefined;
    } while (after !== undefined);
  }
  if (rules.some((rule) => rule.limits.weightKg !== undefined)) await addWeights(db, actor.tenantId, pool);
  return pool;
}

function toPoolOrder(order: OrderSummary, inWave: number | undefined): PoolOrder {
  return {
    id: order.id,
    externalRef: order.externalRef,
    status: order.status,
    priority: order.priority,
    rank: PRIORITY_RANK[order.priority],
    pushedAt: new Date(order.pushedAt),
    carrier: order.carrier,
    destination: order.destination,
    type: order.type,
    valueTier: order.valueTier,
    lines: order.lineCount,
    units: order.quantity,
    ...(inWave === undefined ? {} : { inWave }),
  };
}

/** Weight = Σ units × the item's weight per unit; null when an item has none. Allocated orders only. */
async function addWeights(db: Db, tenantId: string, pool: PoolOrder[]): Promise<void> {
  const weights = new Map<string, number | null>();
  for (const order of pool) {
    if (
      order.inWave !== undefined ||
      (order.status !== 'allocated' && order.status !== 'partially_allocated')
    )
      continue;
    const lines = await orders.listOrderLines(db, tenantId, order.id);
    const missing = [...new Set(lines.map((line) => line.sku))].filter((sku) => !weights.has(sku));
    if (missing.length > 0)
      for (const [sku, item] of await findItemsBySku(db, tenantId, missing)) weights.set(sku, item.weightKg);
    let total: number | null = 0;
    for (const line of lines) {
      const each = weights.get(line.sku);
      total =
        total === null || each === null || each === undefined ? null : roundKg(total + each * line.quantity);
    }
    order.weightKg = total;
  }
}
