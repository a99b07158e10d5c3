/**
 * Allocating orders: one transaction per order that locks the order, releases what it held, locks
 * the stock rows of its items, runs the pure engine (`allocate.ts`) and writes reservations with
 * their ledger moves. Concurrent allocations of the same item queue on the stock row locks, so they
 * never reserve more than is on hand.
 */
import { findCustomerFacts } from '../../crm/index.js';
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { isAppError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { AllocationStrategy } from '../layout/layout.contract.js';
import { orderNotAllocatable, orderNotFound } from '../orders/order.errors.js';
import * as orders from '../orders/order.repository.js';
import { getWarehouseSettings } from '../settings/warehouse-settings.service.js';
import { recordMoves } from '../stock/ledger.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
import { allocate, type AllocationRules } from './allocate.js';
import type { AllocatePoolInput, AllocatePoolReport, AllocationResult } from './allocation.contract.js';
import * as repo from './allocation.repository.js';
import { releaseReservations } from './release.js';
import { withTransactionRetry } from './transaction-retry.js';

/** Allocates one order (releasing what it held first); 404 unknown, 409 shipped or cancelled. */
export async function allocateOrder(
  deps: WarehouseDeps,
  actor: Actor,
  orderId: string,
): Promise<AllocationResult> {
  requirePermission(actor, 'warehouse.orders');
  return withTransactionRetry(() =>
    deps.db.transaction((tx) => allocateInTransaction(tx, actor, orderId, deps.clock.now())),
  );
}

/** Allocates the pool's pending and backordered orders in pool order, each on its own, reporting each. */
export async function allocatePool(
  deps: WarehouseDeps,
  actor: Actor,
  input: Partial<AllocatePoolInput>,
): Promise<AllocatePoolReport> {
  requirePermission(actor, 'warehouse.orders');
  const pending = await repo.listPoolOrders(deps.db, actor.tenantId, input.warehouseId, input.limit ?? 500);
  const results: AllocatePoolReport['results'] = [];
  for (const order of pending) {
    try {
      const result = await allocateOrder(deps, actor, order.id);
      results.push({ orderId: order.id, externalRef: order.externalRef, status: result.status, error: null });
    } catch (error) {
      if (!isAppError(error)) throw error;
      results.push({
        orderId: order.id,
        externalRef: order.externalRef,
        status: 'error',
        error: { code: error.code, message: error.message },
      });
    }
  }
  return { results };
}

async function allocateInTransaction(
  tx: Db,
  actor: Actor,
  orderId: string,
  now: Date,
): Promise<AllocationResult> {
  const tenantId = actor.tenantId;
  const order = await orders.findOrderRow(tx, tenantId, orderId, { lock: true });
  if (!order) throw orderNotFound(orderId);
  if (order.status === 'shipped' || order.status === 'cancelled') throw orderNotAllocatable(order.status);
  const warehouse = (await orders.findWarehouseRef(tx, tenantId, { id: order.warehouseId }))!;
  const lines = await orders.listOrderLines(tx, tenantId, orderId);
  const at = { now, actorUserId: actor.userId };
  await releaseReservations(tx, tenantId, order, 'reallocate', at);
  const itemIds = [...new Set(lines.map((line) => line.itemId))].sort();
  await repo.lockStockRows(tx, tenantId, order.warehouseId, itemIds);
  const candidates = await repo.listCandidates(tx, tenantId, order.warehouseId, itemIds);
  const { rules, valueTier } = await lotRulesOf(tx, tenantId, order, now);
  const { result, picks } = allocate({
    orderId,
    policy: (order.allocationPolicy ?? warehouse.allocationPolicy) as 'partial' | 'backorder',
    valueTier,
    allocatedAt: now.toISOString(),
    rules,
    candidates,
    lines: lines.map((line) => ({
      lineNo: line.lineNo,
      sku: line.sku,
      itemId: line.itemId,
      quantity: line.quantity,
      strategy: (line.itemStrategy ?? warehouse.allocationStrategy) as AllocationStrategy,
      requestedLotId: line.lotId,
    })),
  });
  const byStock = new Map(candidates.map((row) => [row.stockId, row]));
  await repo.insertReservations(
    tx,
    picks.map((pick) => ({ tenantId, id: newId(), orderId, ...pick, createdAt: now })),
  );
  await recordMoves(
    tx,
    tenantId,
    picks.map((pick) => {
      const row = byStock.get(pick.stockId)!;
      return {
        warehouseId: order.warehouseId,
        kind: 'allocation' as const,
        itemId: row.itemId,
        lotId: row.lotId,
        fromLocationId: row.locationId,
        quantity: pick.quantity,
        orderId,
        orderLineNo: pick.lineNo,
        reason: 'allocate',
        actorUserId: actor.userId,
        occurredAt: now,
      };
    }),
  );
  for (const line of result.lines)
    await repo.updateLineShort(tx, tenantId, orderId, line.lineNo, {
      quantity: line.short,
      reason: line.shortReason,
    });
  await repo.insertAllocationRun(tx, {
    tenantId,
    id: newId(),
    orderId,
    result,
    actorUserId: actor.userId,
    createdAt: now,
  });
  await repo.updateOrderStatus(tx, tenantId, orderId, { status: result.status, updatedAt: now });
  return result;
}

/**
 * The order's lot rules: the value tier's age limit (sales orders with a customer only), one lot
 * per line (the order's flag, else the customer's rule), expired stock only for scrap and returns.
 */
async function lotRulesOf(
  tx: Db,
  tenantId: string,
  order: orders.OrderRow,
  now: Date,
): Promise<{ rules: AllocationRules; valueTier: string | null }> {
  const customerId = order.type === 'sales' ? order.customerId : null;
  const facts = customerId
    ? (await findCustomerFacts(tx, tenantId, [customerId])).get(customerId)
    : undefined;
  const valueTier = facts?.valueTier ?? null;
  const settings = await getWarehouseSettings(tx, tenantId);
  const customerRule = customerId ? await orders.findCustomerLotRule(tx, tenantId, customerId) : undefined;
  return {
    valueTier,
    rules: {
      asOf: now.toISOString().slice(0, 10),
      maxStockAgeMonths: valueTier === null ? null : (settings.maxStockAgeMonths[valueTier] ?? null),
      singleLotPerLine: order.singleLotPerLine ?? customerRule?.singleLotPerLine ?? false,
      allowExpired: order.type === 'scrap' || order.type === 'return_to_supplier',
    },
  };
}
