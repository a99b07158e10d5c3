/**
 * The order pool (订单池): pushing orders (idempotent by source and external reference), reading and
 * listing them in pool order, and the customers' lot rules. Allocation, shipping and cancelling (which
 * releases reservations) live in `../allocation/`, above the orders.
 */
import { findCustomerFacts } from '../../crm/index.js';
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import { isUniqueViolation } from '../../../platform/db/errors.js';
import { newId } from '../../../platform/ids.js';
import type { AllocationResult } from './allocation-result.contract.js';
import type { CustomerLotRule } from '../settings/warehouse-settings.contract.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
import { loadOrderDetail, PRIORITY_RANK, toOrderBase } from './order-detail.service.js';
import { resolveOrder, type ResolvedOrder } from './order-validation.service.js';
import {
  CreateOutboundOrderInput,
  type CreateOutboundOrderRequest,
  type OrderPage,
  type OrderQuery,
  type OutboundOrderDetail,
} from './order.contract.js';
import { customerNotFound, orderCursorInvalid, orderNotFound } from './order.errors.js';
import * as repo from './order.repository.js';
import * as lookup from './order-lookup.repository.js';
import * as held from './order-reservation.repository.js';

/**
 * Puts an order into the pool. The same source and external reference again answers the stored
 * order with `created: false` (also when two pushes race: the unique index decides).
 */
export async function createOutboundOrder(
  deps: WarehouseDeps,
  actor: Actor,
  request: CreateOutboundOrderRequest,
): Promise<{ order: OutboundOrderDetail; created: boolean }> {
  requirePermission(actor, 'warehouse.orders');
  const input = CreateOutboundOrderInput.parse(request);
  const existing = await repo.findOrderByRef(deps.db, actor.tenantId, input.source, input.externalRef);
  if (existing) return { order: await getOrder(deps, actor, existing.id), created: false };
  const resolved = await resolveOrder(deps.db, actor.tenantId, input);
  const now = deps.clock.now();
  const id = newId();
  try {
    await deps.db.transaction((tx) =>
      repo.insertOrder(
        tx,
        newOrderRow(actor, id, input, resolved, now),
        resolved.lines.map((line) => ({ tenantId: actor.tenantId, orderId: id, ...line })),
      ),
    );
  } catch (error) {
    if (!isUniqueViolation(error, 'outbound_orders_external_ref_key')) throw error;
    const stored = await repo.findOrderByRef(deps.db, actor.tenantId, input.source, input.externalRef);
    if (!stored) throw error;
    return { order: await getOrder(deps, actor, stored.id), created: false };
  }
  return { order: await getOrder(deps, actor, id), created: true };
}

/** The row of a checked order about to enter the pool. */
export function newOrderRow(
  actor: Actor,
  id: string,
  input: CreateOutboundOrderInput,
  resolved: ResolvedOrder,
  now: Date,
): repo.NewOrderRow {
  return {
    tenantId: actor.tenantId,
    id,
    warehouseId: resolved.warehouseId,
    source: input.source,
    externalRef: input.externalRef,
    type: input.type,
    origin: input.origin,
    priority: input.priority,
    priorityRank: PRIORITY_RANK[input.priority],
    pushedAt: input.pushedAt ? new Date(input.pushedAt) : now,
    status: 'pending',
    carrier: input.carrier ?? null,
    destination: input.destination,
    customerId: input.customerId ?? null,
    returnReason: input.returnReason ?? null,
    supplierId: resolved.supplierId,
    targetWarehouseId: resolved.targetWarehouseId,
    allocationPolicy: input.allocationPolicy ?? null,
    singleLotPerLine: input.singleLotPerLine ?? null,
    note: input.note ?? null,
    createdByUserId: actor.userId,
    createdAt: now,
    updatedAt: now,
  };
}

/** The orders pushed with this source for these external references, with their status. */
export async function findOrdersByRefs(
  deps: Pick<WarehouseDeps, 'db'>,
  actor: Actor,
  source: string,
  externalRefs: string[],
): Promise<{ id: string; externalRef: string; status: string }[]> {
  requirePermission(actor, 'warehouse.read');
  return repo.findOrdersByRefs(deps.db, actor.tenantId, source, externalRefs);
}

/** The external references of these orders of the tenant, by order id (the ledger's links). */
export async function findOrderRefs(
  deps: Pick<WarehouseDeps, 'db'>,
  tenantId: string,
  ids: string[],
): Promise<Map<string, string>> {
  const rows = await repo.listOrderRefs(deps.db, tenantId, ids);
  return new Map(rows.map((row) => [row.id, row.externalRef]));
}

/** One order with lines, reservations and its latest allocation (404 `warehouse.order.not_found`). */
export async function getOrder(
  deps: Pick<WarehouseDeps, 'db'>,
  actor: Actor,
  id: string,
): Promise<OutboundOrderDetail> {
  requirePermission(actor, 'warehouse.read');
  const detail = await loadOrderDetail(deps.db, actor.tenantId, id);
  if (!detail) throw orderNotFound(id);
  return detail;
}

/** The order's allocation results, newest first. */
export async function listAllocations(
  deps: Pick<WarehouseDeps, 'db'>,
  actor: Actor,
  id: string,
): Promise<{ items: AllocationResult[] }> {
  requirePermission(actor, 'warehouse.read');
  if (!(await repo.findOrderRow(deps.db, actor.tenantId, id))) throw orderNotFound(id);
  const runs = await held.listAllocationRuns(deps.db, actor.tenantId, id);
  return { items: runs.map((run) => run.result as AllocationResult) };
}

/** A page of the pool in processing order (priority, push time, id), filtered. */
export async function listOrders(
  deps: Pick<WarehouseDeps, 'db'>,
  actor: Actor,
  query: OrderQuery,
): Promise<OrderPage> {
  requirePermission(actor, 'warehouse.read');
  const { after, ...filters } = query;
  const rows = await repo.listOrderRows(
    deps.db,
    actor.tenantId,
    { ...filters, limit: query.limit + 1 },
    decodeCursor(after),
  );
  const page = rows.slice(0, query.limit);
  const codes = await lookup.listWarehouseCodes(
    deps.db,
    actor.tenantId,
    page.map((row) => row.warehouseId),
  );
  const customerIds = page.map((row) => row.customerId).filter((id): id is string => id !== null);
  const facts = await findCustomerFacts(deps.db, actor.tenantId, customerIds);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => {
      const customer = row.customerId ? facts.get(row.customerId) : undefined;
      return {
        ...toOrderBase(row, codes.get(row.warehouseId) ?? '', {
          customerName: customer?.name ?? null,
          valueTier: customer?.valueTier ?? null,
        }),
        lineCount: row.lineCount,
        quantity: row.quantity,
      };
    }),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
  };
}

/** The customer's lot rule (single lot per line; false when none is stored). */
export async function getCustomerLotRule(
  deps: Pick<WarehouseDeps, 'db'>,
  actor: Actor,
  customerId: string,
): Promise<CustomerLotRule> {
  requirePermission(actor, 'warehouse.read');
  await assertCustomer(deps, actor, customerId);
  const rule = await lookup.findCustomerLotRule(deps.db, actor.tenantId, customerId);
  return { customerId, singleLotPerLine: rule?.singleLotPerLine ?? false };
}

/** Sets whether the customer takes one lot per order line (e.g. hospitals). */
export async function setCustomerLotRule(
  deps: WarehouseDeps,
  actor: Actor,
  customerId: string,
  input: { singleLotPerLine: boolean },
): Promise<CustomerLotRule> {
  requirePermission(actor, 'warehouse.settings');
  await assertCustomer(deps, actor, customerId);
  await lookup.saveCustomerLotRule(
    deps.db,
    actor.tenantId,
    customerId,
    input.singleLotPerLine,
    deps.clock.now(),
  );
  return { customerId, singleLotPerLine: input.singleLotPerLine };
}

async function assertCustomer(
  deps: Pick<WarehouseDeps, 'db'>,
  actor: Actor,
  customerId: string,
): Promise<void> {
  const facts = await findCustomerFacts(deps.db, actor.tenantId, [customerId]);
  if (!facts.has(customerId)) throw customerNotFound(customerId);
}

function encodeCursor(row: repo.OrderSummaryRow): string {
  return Buffer.from(JSON.stringify([row.priorityRank, row.pushedAt.toISOString(), row.id])).toString(
    'base64url',
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function decodeCursor(cursor: string | undefined): repo.PoolCursor | undefined {
  if (cursor === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 3) {
      const [rank, at, id] = value as unknown[];
      const pushedAt = new Date(String(at));
      if (
        Number.isInteger(rank) &&
        typeof id === 'string' &&
        UUID.test(id) &&
        !Number.isNaN(pushedAt.getTime())
      )
        return { rank: rank as number, pushedAt, id };
    }
  } catch {
    // falls through to the error below
  }
  throw orderCursorInvalid();
}
