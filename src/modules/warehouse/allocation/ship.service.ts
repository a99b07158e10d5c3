/**
 * Shipping an allocated order in one step (Warehouse II splits it into waves and picking): every
 * active reservation is released and picked to the `SHIP` dock, then shipped out per line and lot;
 * a transfer is received at the target warehouse's `RECV` dock. Catch-weight lines are weighed out
 * and checked against what they weighed in (`fresh/`). Publishes `warehouse.order.shipped`.
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { publishDomainEvent } from '../../../platform/events/domain-event.js';
import { newId } from '../../../platform/ids.js';
import type { OutboundOrderDetail, ShipOrderInput } from '../orders/order.contract.js';
import { dockMissing, orderNotFound, orderNotShippable } from '../orders/order.errors.js';
import { loadOrderDetail } from '../orders/order-detail.service.js';
import * as orders from '../orders/order-state.service.js';
import { recordMoves } from '../stock/ledger.service.js';
import type { NewMove } from '../stock/stock.contract.js';
import { storeReceipt } from '../stock/stock.service.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
import { weighOutPicks } from '../fresh/weight-check.service.js';
import * as repo from './allocation.repository.js';
import { linePicksOf, parcelsOf, shipMoves, shippedLines, weightsOf, type Parcel } from './ship-plan.js';
import { withTransactionRetry } from '../../../platform/db/retry.js';

/** Ships what the order has reserved (allocated or partially allocated orders only). */
export async function shipOrder(
  deps: WarehouseDeps,
  actor: Actor,
  orderId: string,
  input: Partial<ShipOrderInput>,
): Promise<OutboundOrderDetail> {
  requirePermission(actor, 'warehouse.orders');
  const weights = input.weights ?? [];
  await withTransactionRetry(() =>
    deps.db.transaction((tx) => shipInTransaction(tx, actor, orderId, weights, deps.clock.now())),
  );
  return (await loadOrderDetail(deps.db, actor.tenantId, orderId))!;
}

async function shipInTransaction(
  tx: Db,
  actor: Actor,
  orderId: string,
  weights: ShipOrderInput['weights'],
  now: Date,
): Promise<void> {
  const tenantId = actor.tenantId;
  const order = await orders.findOrderRow(tx, tenantId, orderId, { lock: true });
  if (!order) throw orderNotFound(orderId);
  if (order.status !== 'allocated' && order.status !== 'partially_allocated')
    throw orderNotShippable(order.status);
  const lines = await orders.listOrderLines(tx, tenantId, orderId);
  const active = await orders.listReservations(tx, tenantId, orderId, ['active']);
  const lineWeights = weightsOf(active, lines, weights);
  const ship = await repo.findDock(tx, tenantId, order.warehouseId, 'shipping');
  if (!ship) throw dockMissing(order.warehouseId, 'shipping');
  await repo.lockStockRowsById(
    tx,
    tenantId,
    active.map((r) => r.stockId),
  );
  // Read what the rows weighed in before the picks below change them.
  const weighed = await weighOutPicks(
    tx,
    actor,
    { warehouseId: order.warehouseId, orderId, weighedOutAt: now },
    linePicksOf(active),
    lineWeights,
  );
  const parcels = parcelsOf(active, weighed);
  const base = { warehouseId: order.warehouseId, orderId, actorUserId: actor.userId, occurredAt: now };
  const moves = shipMoves(active, parcels, weighed, { ...base, shipDockId: ship.id });
  if (order.type === 'transfer' && order.targetWarehouseId)
    moves.push(...(await transferReceipt(tx, tenantId, order, parcels, base)));
  await recordMoves(tx, tenantId, moves);
  await repo.closeReservations(
    tx,
    tenantId,
    active.map((r) => r.id),
    'picked',
    now,
  );
  await orders.updateOrderStatus(tx, tenantId, orderId, {
    status: 'shipped',
    updatedAt: now,
    shippedAt: now,
  });
  await publishShipped(tx, actor, order, shippedLines(lines, parcels), now);
}

/** Publishes `warehouse.order.shipped` with the units shipped per SKU. */
async function publishShipped(
  tx: Db,
  actor: Actor,
  order: orders.OrderRow,
  lines: { sku: string; quantity: number }[],
  now: Date,
): Promise<void> {
  await publishDomainEvent(tx, {
    tenantId: order.tenantId,
    type: 'warehouse.order.shipped',
    occurredAt: now,
    customerId: order.type === 'sales' ? order.customerId : null,
    actorUserId: actor.userId,
    payload: {
      orderId: order.id,
      externalRef: order.externalRef,
      type: order.type,
      carrier: order.carrier,
      lines,
    },
  });
}

/** The receipt at the target warehouse's receiving dock (reference: the order's external reference). */
async function transferReceipt(
  tx: Db,
  tenantId: string,
  order: orders.OrderRow,
  parcels: Parcel[],
  base: { orderId: string; actorUserId: string | null; occurredAt: Date },
): Promise<NewMove[]> {
  const targetId = order.targetWarehouseId!;
  const recv = await repo.findDock(tx, tenantId, targetId, 'receiving');
  if (!recv) throw dockMissing(targetId, 'receiving');
  const receiptId = newId();
  await storeReceipt(tx, {
    tenantId,
    id: receiptId,
    warehouseId: targetId,
    supplierId: null,
    reference: order.externalRef,
    receivedAt: base.occurredAt,
    createdByUserId: base.actorUserId,
  });
  return parcels.map((p) => ({
    ...base,
    warehouseId: targetId,
    kind: 'receipt' as const,
    itemId: p.itemId,
    lotId: p.lotId,
    orderLineNo: p.lineNo,
    toLocationId: recv.id,
    quantity: p.quantity,
    weightKg: p.weightKg,
    receiptId,
  }));
}
