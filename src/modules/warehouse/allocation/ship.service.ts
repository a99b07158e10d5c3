/**
 * Shipping an allocated order in one step (Warehouse II splits it into waves and picking): every
 * active reservation is released and picked to the `SHIP` dock, then shipped out per line and lot;
 * a transfer is received at the target warehouse's `RECV` dock. Publishes `warehouse.order.shipped`.
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import type { FieldIssue } from '../../../platform/errors.js';
import { publishDomainEvent } from '../../../platform/events/domain-event.js';
import { newId } from '../../../platform/ids.js';
import { loadOrderDetail } from '../orders/order-detail.js';
import type { OutboundOrderDetail, ShipOrderInput } from '../orders/order.contract.js';
import { dockMissing, orderNotFound, orderNotShippable, weightsInvalid } from '../orders/order.errors.js';
import * as orders from '../orders/order.repository.js';
import { recordMoves, type NewMove } from '../stock/ledger.js';
import { receipts } from '../stock/stock.table.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
import * as repo from './allocation.repository.js';
import { withTransactionRetry } from './transaction-retry.js';

/** One shipped unit group: a line's units of one lot. */
type Parcel = {
  lineNo: number;
  itemId: string;
  lotId: string | null;
  quantity: number;
  weightKg: number | null;
};

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
  const parcels = parcelsOf(active, lines, weights);
  const ship = await repo.findDock(tx, tenantId, order.warehouseId, 'shipping');
  if (!ship) throw dockMissing(order.warehouseId, 'shipping');
  await repo.lockStockRowsById(
    tx,
    tenantId,
    active.map((r) => r.stockId),
  );
  const base = { warehouseId: order.warehouseId, orderId, actorUserId: actor.userId, occurredAt: now };
  const moves: NewMove[] = [];
  for (const r of active) {
    const common = { ...base, itemId: r.itemId, lotId: r.lotId, orderLineNo: r.lineNo };
    moves.push({
      ...common,
      kind: 'allocation',
      fromLocationId: r.locationId,
      quantity: -r.quantity,
      reason: 'pick',
    });
    moves.push({
      ...common,
      kind: 'pick',
      fromLocationId: r.locationId,
      toLocationId: ship.id,
      quantity: r.quantity,
    });
  }
  for (const p of parcels)
    moves.push({
      ...base,
      kind: 'shipment',
      itemId: p.itemId,
      lotId: p.lotId,
      orderLineNo: p.lineNo,
      fromLocationId: ship.id,
      quantity: p.quantity,
      weightKg: p.weightKg,
    });
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
  await repo.updateOrderStatus(tx, tenantId, orderId, { status: 'shipped', updatedAt: now, shippedAt: now });
  const shipped = lines
    .map((line) => ({
      sku: line.sku,
      quantity: parcels.filter((p) => p.lineNo === line.lineNo).reduce((s, p) => s + p.quantity, 0),
    }))
    .filter((line) => line.quantity > 0);
  await publishDomainEvent(tx, {
    tenantId,
    type: 'warehouse.order.shipped',
    occurredAt: now,
    customerId: order.type === 'sales' ? order.customerId : null,
    actorUserId: actor.userId,
    payload: {
      orderId,
      externalRef: order.externalRef,
      type: order.type,
      carrier: order.carrier,
      lines: shipped,
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
  await tx.insert(receipts).values({
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

/**
 * The reservations grouped per line and lot; a catch-weight line's weight is split over its lots by
 * units (the last lot takes the rounding). 400 when a catch-weight line has no weight.
 */
function parcelsOf(
  active: orders.ReservationRow[],
  lines: orders.OrderLineRow[],
  weights: ShipOrderInput['weights'],
): Parcel[] {
  const issues: FieldIssue[] = [];
  const weightOf = new Map(weights.map((w) => [w.lineNo, w.weightKg]));
  weights.forEach((w, index) => {
    if (!lines.some((line) => line.lineNo === w.lineNo))
      issues.push({ path: `weights.${index}.lineNo`, message: `no line ${w.lineNo}` });
  });
  const parcels = new Map<string, Parcel>();
  for (const r of active) {
    const key = `${r.lineNo}|${r.lotId ?? ''}`;
    const parcel = parcels.get(key) ?? {
      lineNo: r.lineNo,
      itemId: r.itemId,
      lotId: r.lotId,
      quantity: 0,
      weightKg: null,
    };
    parcel.quantity += r.quantity;
    parcels.set(key, parcel);
  }
  for (const line of lines) {
    const own = [...parcels.values()].filter((p) => p.lineNo === line.lineNo);
    if (!line.catchWeight || own.length === 0) continue;
    const weight = weightOf.get(line.lineNo);
    if (weight === undefined) {
      issues.push({
        path: 'weights',
        message: `line ${line.lineNo} (${line.sku}) is catch-weight: weigh it`,
      });
      continue;
    }
    const units = own.reduce((sum, p) => sum + p.quantity, 0);
    let left = weight;
    own.forEach((p, index) => {
      p.weightKg =
        index === own.length - 1
          ? Math.round(left * 1000) / 1000
          : Math.round((weight * p.quantity * 1000) / units) / 1000;
      left -= p.weightKg;
    });
  }
  if (issues.length > 0) throw weightsInvalid(issues);
  return [...parcels.values()];
}
