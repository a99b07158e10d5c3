/**
 * Allocating orders: one transaction per order that locks the order, releases what it held, locks
 * the stock rows of its items, runs the pure engine (`allocate.ts`) and writes reservations with
 * their ledger moves. Concurrent allocations of the same item queue on the stock row locks, so they
 * never reserve more than is on hand.
 */
import { isDeepStrictEqual } from 'node:util';
import { findCustomerFacts } from '../../crm/index.js';
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { isAppError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { AllocationStrategy } from '../layout/layout.contract.js';
import { orderNotAllocatable, orderNotFound } from '../orders/order.errors.js';
import * as orders from '../orders/order-state.service.js';
import type { WarehouseSettings } from '../settings/warehouse-settings.contract.js';
import { getWarehouseSettings } from '../settings/warehouse-settings.service.js';
import { recordMoves } from '../stock/ledger.service.js';
import type { NewMove } from '../stock/stock.contract.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
import { allocate, type AllocationRules, type StockCandidate } from './allocate.js';
import type { AllocatePoolInput, AllocatePoolReport, AllocationResult } from './allocation.contract.js';
import * as repo from './allocation.repository.js';
import { closeActiveReservations } from './release.service.js';
import { withTransactionRetry } from '../../../platform/db/retry.js';

/** Allocates one order (releasing what it held first); 404 unknown, 409 shipped or cancelled. */
export async function allocateOrder(
  deps: WarehouseDeps,
  actor: Actor,
  orderId: string,
): Promise<AllocationResult> {
  requirePermission(actor, 'warehouse.orders');
  return allocateWithRetry(deps, actor, orderId, { warehouses: new Map(), lotRules: new Map(), pool: false });
}

/**
 * Allocates the pool's pending, partially allocated and backordered orders in pool order, each on its
 * own, reporting each. The tenant's settings, the warehouses' strategy and policy and the customers'
 * lot rules are read once per run.
 */
export async function allocatePool(
  deps: WarehouseDeps,
  actor: Actor,
  input: Partial<AllocatePoolInput>,
): Promise<AllocatePoolReport> {
  requirePermission(actor, 'warehouse.orders');
  const pending = await orders.listPoolOrders(deps.db, actor.tenantId, input.warehouseId, input.limit ?? 500);
  const run: RunContext = {
    settings: await getWarehouseSettings(deps.db, actor.tenantId),
    warehouses: new Map(),
    lotRules: new Map(),
    pool: true,
  };
  const results: AllocatePoolReport['results'] = [];
  for (const order of pending) {
    try {
      const result = await allocateWithRetry(deps, actor, order.id, run);
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

/**
 * What one allocation run (a pool run, or one order) reads once: the tenant's settings (read on first
 * need when absent), the warehouses by id and the customers' lot rules; `pool` marks a pool run, which does not store a
 * backordered order's result again when nothing but its time changed.
 */
type RunContext = {
  settings?: WarehouseSettings;
  warehouses: Map<string, orders.WarehouseRef>;
  /** Customers' lot rules by customer id (undefined: the customer has none). */
  lotRules: Map<string, { singleLotPerLine: boolean } | undefined>;
  pool: boolean;
};

function allocateWithRetry(
  deps: WarehouseDeps,
  actor: Actor,
  orderId: string,
  run: RunContext,
): Promise<AllocationResult> {
  return withTransactionRetry(() =>
    deps.db.transaction((tx) => allocateInTransaction(tx, actor, orderId, deps.clock.now(), run)),
  );
}

async function allocateInTransaction(
  tx: Db,
  actor: Actor,
  orderId: string,
  now: Date,
  run: RunContext,
): Promise<AllocationResult> {
  const tenantId = actor.tenantId;
  const order = await orders.findOrderRow(tx, tenantId, orderId, { lock: true });
  if (!order) throw orderNotFound(orderId);
  if (order.status === 'shipped' || order.status === 'cancelled') throw orderNotAllocatable(order.status);
  const warehouse = await warehouseOf(tx, tenantId, order.warehouseId, run);
  const lines = await orders.listOrderLines(tx, tenantId, orderId);
  const at = { now, actorUserId: actor.userId };
  // The lines say what the order's active reservations hold (read under the order lock, which every
  // change of them takes): nothing held, nothing to release.
  const held = lines.some((line) => line.allocated !== 0);
  const released = held ? await closeActiveReservations(tx, tenantId, order, 'reallocate', at) : [];
  const itemIds = [...new Set(lines.map((line) => line.itemId))].sort();
  await repo.lockStockRows(tx, tenantId, order.warehouseId, itemIds);
  const candidates = await repo.listCandidates(tx, tenantId, order.warehouseId, itemIds);
  const { rules, valueTier } = await lotRulesOf(tx, tenantId, order, now, run);
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
  // The releases first, then the new reservations: one insert for both.
  const moves = [
    ...released,
    ...reservationMoves(order, candidates, picks, { now, actorUserId: actor.userId }),
  ];
  if (moves.length > 0) await recordMoves(tx, tenantId, moves);
  const unchanged = run.pool && order.status === 'backordered' && (await sameAsLatestRun(tx, order, result));
  await repo.storeAllocationOutcome(tx, tenantId, orderId, {
    reservations: picks.map((pick) => ({ id: newId(), ...pick })),
    lines: result.lines.map((line) => ({
      lineNo: line.lineNo,
      quantity: line.short,
      reason: line.shortReason,
    })),
    run: unchanged ? null : { id: newId(), result, actorUserId: actor.userId },
    status: result.status,
    now,
  });
  return result;
}

/** The order's warehouse with its allocation defaults, read once per run. */
async function warehouseOf(
  tx: Db,
  tenantId: string,
  warehouseId: string,
  run: RunContext,
): Promise<orders.WarehouseRef> {
  let warehouse = run.warehouses.get(warehouseId);
  if (!warehouse) {
    warehouse = (await orders.findWarehouseRef(tx, tenantId, { id: warehouseId }))!;
    run.warehouses.set(warehouseId, warehouse);
  }
  return warehouse;
}

/** An `allocation` move per pick, out of the candidate stock row it reserves. */
function reservationMoves(
  order: orders.OrderRow,
  candidates: StockCandidate[],
  picks: { stockId: string; lineNo: number; quantity: number }[],
  at: { now: Date; actorUserId: string | null },
): NewMove[] {
  const byStock = new Map(candidates.map((row) => [row.stockId, row]));
  return picks.map((pick) => {
    const row = byStock.get(pick.stockId)!;
    return {
      warehouseId: order.warehouseId,
      kind: 'allocation' as const,
      itemId: row.itemId,
      lotId: row.lotId,
      fromLocationId: row.locationId,
      quantity: pick.quantity,
      orderId: order.id,
      orderLineNo: pick.lineNo,
      reason: 'allocate',
      actorUserId: at.actorUserId,
      occurredAt: at.now,
    };
  });
}

/**
 * True when the order's latest stored run says the same as `result` in everything but when it was
 * made (a pool run then does not store it again, so long-lived backorders do not grow the history).
 */
async function sameAsLatestRun(tx: Db, order: orders.OrderRow, result: AllocationResult): Promise<boolean> {
  const latest = await orders.findLatestAllocationRun(tx, order.tenantId, order.id);
  if (!latest) return false;
  const fresh = JSON.parse(JSON.stringify(result)) as Record<string, unknown>;
  return isDeepStrictEqual({ ...latest, allocatedAt: null }, { ...fresh, allocatedAt: null });
}

/**
 * The order's lot rules: the value tier's age limit (sales orders with a customer only), one lot
 * per line (the order's flag, else the customer's rule), expired stock only for scrap and returns.
 * The customer is read once; the settings only when there is a tier, and once per run.
 */
async function lotRulesOf(
  tx: Db,
  tenantId: string,
  order: orders.OrderRow,
  now: Date,
  run: RunContext,
): Promise<{ rules: AllocationRules; valueTier: string | null }> {
  const customerId = order.type === 'sales' ? order.customerId : null;
  const facts = customerId
    ? (await findCustomerFacts(tx, tenantId, [customerId])).get(customerId)
    : undefined;
  const valueTier = facts?.valueTier ?? null;
  if (valueTier !== null && !run.settings) run.settings = await getWarehouseSettings(tx, tenantId);
  let customerRule: { singleLotPerLine: boolean } | undefined;
  if (customerId && order.singleLotPerLine === null) {
    if (!run.lotRules.has(customerId))
      run.lotRules.set(customerId, await orders.findCustomerLotRule(tx, tenantId, customerId));
    customerRule = run.lotRules.get(customerId);
  }
  return {
    valueTier,
    rules: {
      asOf: now.toISOString().slice(0, 10),
      maxStockAgeMonths: valueTier === null ? null : (run.settings!.maxStockAgeMonths[valueTier] ?? null),
      singleLotPerLine: order.singleLotPerLine ?? customerRule?.singleLotPerLine ?? false,
      allowExpired: order.type === 'scrap' || order.type === 'return_to_supplier',
    },
  };
}
