/**
 * Inbound after the receipt (`receipt.service.ts`): putaway and cycle-count adjustments. Each request
 * is one transaction and writes stock only through the ledger.
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { requireItemBySku } from '../catalog/catalog.service.js';
import { findOrCreateLot, requireLot } from '../catalog/lot.service.js';
import { requireWarehouseRow } from '../layout/layout.service.js';
import { requireLocationByCode, type LocationRow } from '../layout/location.service.js';
import { listActiveReservations } from '../orders/order-state.service.js';
import { recordMoves } from '../stock/ledger.service.js';
import type { StockMove } from '../stock/stock.contract.js';
import { stockReserved } from '../stock/stock.errors.js';
import { listStockAtLocation, lockStockRow } from '../stock/stock.service.js';
import { findMoves } from '../stock/stock.service.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
import type { AdjustmentInput, AdjustmentResult, PutawayInput } from './inbound.contract.js';
import { inboundInvalid } from './inbound.errors.js';

/**
 * Moves goods from a location (the receiving dock by default) to a storage location. Without a lot
 * number the item's only lot at `from` is taken; units reserved by orders are not moved (409
 * `warehouse.stock.reserved`). A catch-weight item's weight moves in proportion when not given.
 */
export async function putaway(
  deps: WarehouseDeps,
  actor: Actor,
  warehouseId: string,
  input: PutawayInput,
): Promise<StockMove> {
  requirePermission(actor, 'warehouse.stock');
  await requireWarehouseRow(deps.db, actor.tenantId, warehouseId);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const tenantId = actor.tenantId;
    const item = await requireItemBySku(tx, tenantId, input.sku, 'sku');
    const from = await requireLocationByCode(tx, tenantId, warehouseId, input.from, 'from');
    const to = await requireLocationByCode(tx, tenantId, warehouseId, input.to, 'to');
    if (to.kind !== 'storage') throw inboundInvalid('to', `${to.code} is not a storage location`);
    if (to.disabled) throw inboundInvalid('to', `${to.code} is disabled`);
    if (to.id === from.id) throw inboundInvalid('to', 'the goods are there already');
    const lotId = input.lotNumber
      ? (await requireLot(tx, tenantId, item.id, input.lotNumber, 'lotNumber')).id
      : await onlyLotAt(tx, tenantId, from, item.id);
    const row = await lockStockRow(tx, tenantId, { locationId: from.id, itemId: item.id, lotId });
    if (row) await assertFree(tx, tenantId, row, row.onHand - input.quantity, 'move');
    const weightKg =
      input.weightKg ??
      (item.catchWeight && row?.weightKg != null && row.onHand > 0
        ? Math.round((row.weightKg * Math.min(input.quantity, row.onHand) * 1000) / row.onHand) / 1000
        : null);
    const { moveIds } = await recordMoves(tx, tenantId, [
      {
        warehouseId,
        kind: 'putaway',
        itemId: item.id,
        lotId,
        fromLocationId: from.id,
        toLocationId: to.id,
        quantity: input.quantity,
        weightKg,
        actorUserId: actor.userId,
        occurredAt: now,
      },
    ]);
    return (await findMoves(tx, tenantId, moveIds))[0]!;
  });
}

/**
 * A cycle count: the difference between what was counted and what is on hand becomes one
 * `adjustment` move with the reason (none when they agree). Counting below what active reservations
 * hold is refused with 409 `warehouse.stock.reserved`, naming the orders.
 */
export async function adjustStock(
  deps: WarehouseDeps,
  actor: Actor,
  warehouseId: string,
  input: AdjustmentInput,
): Promise<AdjustmentResult> {
  requirePermission(actor, 'warehouse.stock');
  await requireWarehouseRow(deps.db, actor.tenantId, warehouseId);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const tenantId = actor.tenantId;
    const location = await requireLocationByCode(tx, tenantId, warehouseId, input.location, 'location');
    const item = await requireItemBySku(tx, tenantId, input.sku, 'sku');
    const lotId = input.lotNumber
      ? (
          await findOrCreateLot(
            tx,
            tenantId,
            item.id,
            { lotNumber: input.lotNumber },
            {
              supplierId: null,
              now,
              path: 'lotNumber',
            },
          )
        ).id
      : null;
    const row = await lockStockRow(tx, tenantId, { locationId: location.id, itemId: item.id, lotId });
    const before = row?.onHand ?? 0;
    if (row) await assertFree(tx, tenantId, row, input.countedQuantity, 'count');
    const difference = input.countedQuantity - before;
    if (difference === 0) return { before, after: before, moveId: null };
    const weightChange =
      input.countedWeightKg === undefined ? undefined : input.countedWeightKg - (row?.weightKg ?? 0);
    const weightKg =
      weightChange !== undefined && Math.sign(weightChange) === Math.sign(difference)
        ? Math.abs(weightChange)
        : null;
    const { moveIds } = await recordMoves(tx, tenantId, [
      {
        warehouseId,
        kind: 'adjustment',
        itemId: item.id,
        lotId,
        ...(difference > 0 ? { toLocationId: location.id } : { fromLocationId: location.id }),
        quantity: Math.abs(difference),
        weightKg,
        reason: input.reason,
        note: input.note ?? null,
        actorUserId: actor.userId,
        occurredAt: now,
      },
    ]);
    return { before, after: input.countedQuantity, moveId: moveIds[0]! };
  });
}

/** Refuses to leave `left` units on a row when its active reservations hold more. */
async function assertFree(
  tx: Db,
  tenantId: string,
  row: { id: string; onHand: number },
  left: number,
  action: 'move' | 'count',
): Promise<void> {
  const orders = await listActiveReservations(tx, tenantId, row.id);
  const reserved = orders.reduce((sum, order) => sum + order.quantity, 0);
  if (reserved === 0 || left >= reserved) return;
  const refs = orders.map((order) => order.externalRef ?? order.orderId).join(', ');
  const message =
    action === 'count'
      ? `Counted ${left} but ${reserved} are reserved by orders ${refs}; release or re-allocate them first.`
      : `Only ${Math.max(row.onHand - reserved, 0)} are free here; ${reserved} are reserved by orders ${refs}.`;
  throw stockReserved(message, orders);
}

/** The item's one lot with stock at `location` (null when none or not kept in lots); 400 when several. */
async function onlyLotAt(
  tx: Db,
  tenantId: string,
  location: LocationRow,
  itemId: string,
): Promise<string | null> {
  const rows = await listStockAtLocation(tx, tenantId, location.id, itemId);
  if (rows.length > 1)
    throw inboundInvalid('lotNumber', `several lots of this item are at ${location.code}: name one`);
  return rows[0]?.lotId ?? null;
}
