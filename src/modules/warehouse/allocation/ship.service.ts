/**
 * Shipping an allocated order in one step (Warehouse II splits it into waves and picking): every
 * active reservation is released and picked to the `SHIP` dock, then shipped out per line and lot;
 * a transfer is received at the target warehouse's `RECV` dock. Catch-weight lines are weighed out
 * and checked against what they weighed in (`fresh/`). Publishes `warehouse.order.shipped`.
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import type { FieldIssue } from '../../../platform/errors.js';
import { publishDomainEvent } from '../../../platform/events/domain-event.js';
import { newId } from '../../../platform/ids.js';
import type { OutboundOrderDetail, ShipOrderInput } from '../orders/order.contract.js';
import { dockMissing, orderNotFound, orderNotShippable, weightsInvalid } from '../orders/order.errors.js';
import * as orders from '../orders/order-rows.service.js';
import { recordMoves } from '../stock/ledger.service.js';
import type { NewMove } from '../stock/stock.contract.js';
import { insertReceiptRow } from '../stock/stock-rows.service.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
import { pickKey, roundKg } from '../fresh/weight-check.contract.js';
import { weighOutPicks, type LinePick, type WeighedPicks } from '../fresh/weight-check.service.js';
import * as repo from './allocation.repository.js';
import { withTransactionRetry } from '../../../platform/db/retry.js';

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
  return (await orders.loadOrderDetail(deps.db, actor.tenantId, orderId))!;
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
  const moves: NewMove[] = [];
  for (const r of active) {
    const common = { ...base, itemId: r.itemId, lotId: r.lotId, orderLineNo: r.lineNo };
    const kgPerUnitIn = weighed.get(pickKey(r.lineNo, r.stockId))?.kgPerUnitIn ?? null;
    moves.push({
      ...common,
      kind: 'allocation',
      fromLocationId: r.locationId,
      quantity: -r.quantity,
      reason: 'pick',
    });
    // A weighed-in row gives up its weight per unit, so what stays keeps weighing what it did.
    moves.push({
      ...common,
      kind: 'pick',
      fromLocationId: r.locationId,
      toLocationId: ship.id,
      quantity: r.quantity,
      weightKg: kgPerUnitIn === null ? null : roundKg(kgPerUnitIn * r.quantity),
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
  await orders.updateOrderStatus(tx, tenantId, orderId, {
    status: 'shipped',
    updatedAt: now,
    shippedAt: now,
  });
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
  await insertReceiptRow(tx, {
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
 * The weight weighed out per catch-weight line that has reservations; 400 when such a line has no
 * weight or a weight names no line.
 */
function weightsOf(
  active: orders.ReservationRow[],
  lines: orders.OrderLineRow[],
  weights: ShipOrderInput['weights'],
): Map<number, number> {
  const issues: FieldIssue[] = [];
  const weightOf = new Map(weights.map((w) => [w.lineNo, w.weightKg]));
  weights.forEach((w, index) => {
    if (!lines.some((line) => line.lineNo === w.lineNo))
      issues.push({ path: `weights.${index}.lineNo`, message: `no line ${w.lineNo}` });
  });
  const lineWeights = new Map<number, number>();
  for (const line of lines) {
    if (!line.catchWeight || !active.some((r) => r.lineNo === line.lineNo)) continue;
    const weight = weightOf.get(line.lineNo);
    if (weight === undefined)
      issues.push({
        path: 'weights',
        message: `line ${line.lineNo} (${line.sku}) is catch-weight: weigh it`,
      });
    else lineWeights.set(line.lineNo, weight);
  }
  if (issues.length > 0) throw weightsInvalid(issues);
  return lineWeights;
}

/** The reservations summed per line and stock row. */
function linePicksOf(active: orders.ReservationRow[]): LinePick[] {
  const picks = new Map<string, LinePick>();
  for (const r of active) {
    const key = pickKey(r.lineNo, r.stockId);
    const pick = picks.get(key);
    if (pick) pick.quantity += r.quantity;
    else
      picks.set(key, {
        lineNo: r.lineNo,
        stockId: r.stockId,
        itemId: r.itemId,
        lotId: r.lotId,
        quantity: r.quantity,
      });
  }
  return [...picks.values()];
}

/**
 * The reservations grouped per line and lot; a catch-weight line's lots weigh what their stock rows
 * were weighed out at (shared by what they weighed in, see `weighOutPicks`).
 */
function parcelsOf(active: orders.ReservationRow[], weighed: WeighedPicks): Parcel[] {
  const parcels = new Map<string, Parcel>();
  const counted = new Set<string>();
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
    const pick = pickKey(r.lineNo, r.stockId);
    const share = weighed.get(pick);
    // Several reservations on one row share one weighed-out weight: count it once.
    if (share && !counted.has(pick)) {
      counted.add(pick);
      parcel.weightKg = roundKg((parcel.weightKg ?? 0) + share.weighedOutKg);
    }
    parcels.set(key, parcel);
  }
  return [...parcels.values()];
}
