/**
 * Test fixtures for documents: a warehouse with storage locations, items, lots and stock (through
 * the ledger), and an outbound order with lines and reservations inserted as rows. Used only by tests.
 */
import type { Db } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { items, lots, suppliers } from '../catalog/catalog.table.js';
import { locations, warehouses } from '../layout/layout.table.js';
import { outboundOrderLines, outboundOrders } from '../orders/order.table.js';
import { reservations } from '../stock/stock.table.js';
import { recordMoves } from '../stock/ledger.service.js';
import { stockKey } from '../stock/stock.contract.js';

const NOW = new Date('2026-03-01T02:00:00Z');
let seq = 0;

/** A warehouse with a receiving dock and the given storage locations (code → path rank). */
export async function makeWarehouse(
  db: Db,
  tenantId: string,
  options: { code?: string; name?: string; locations?: Record<string, number> } = {},
) {
  const id = newId();
  const code = options.code ?? `WH${seq++}`;
  await db.insert(warehouses).values({
    tenantId,
    id,
    code,
    name: options.name ?? '杭州一号仓',
    layout: {},
    createdAt: NOW,
    updatedAt: NOW,
  });
  const locationIds = new Map<string, string>();
  const all = { RECV: null, SHIP: null, ...(options.locations ?? {}) } as Record<string, number | null>;
  for (const [locationCode, pathRank] of Object.entries(all)) {
    const locationId = newId();
    locationIds.set(locationCode, locationId);
    await db.insert(locations).values({
      tenantId,
      id: locationId,
      warehouseId: id,
      code: locationCode,
      kind: locationCode === 'RECV' ? 'receiving' : locationCode === 'SHIP' ? 'shipping' : 'storage',
      pathRank,
      createdAt: NOW,
    });
  }
  return { id, code, locationIds };
}

/** An item (SKU), optionally with a nominal weight. */
export async function makeItem(
  db: Db,
  tenantId: string,
  fields: { sku: string; name: string; unit?: string; weightKg?: number | null; supplierId?: string },
): Promise<string> {
  const id = newId();
  await db.insert(items).values({
    tenantId,
    id,
    sku: fields.sku,
    name: fields.name,
    unit: fields.unit ?? '箱',
    weightKg: fields.weightKg ?? null,
    supplierId: fields.supplierId ?? null,
    createdAt: NOW,
    updatedAt: NOW,
  });
  return id;
}

/** A lot of an item. */
export async function makeLot(
  db: Db,
  tenantId: string,
  itemId: string,
  lotNumber: string,
  expiryDate: string | null = null,
): Promise<string> {
  const id = newId();
  await db.insert(lots).values({ tenantId, id, itemId, lotNumber, expiryDate, createdAt: NOW });
  return id;
}

/** A supplier. */
export async function makeSupplier(db: Db, tenantId: string, code: string, name: string): Promise<string> {
  const id = newId();
  await db.insert(suppliers).values({ tenantId, id, code, name, createdAt: NOW });
  return id;
}

/** Receives `quantity` straight into a storage location (a receipt move); returns the stock row id. */
export async function stockUp(
  db: Db,
  tenantId: string,
  warehouse: { id: string; locationIds: Map<string, string> },
  locationCode: string,
  itemId: string,
  lotId: string | null,
  quantity: number,
): Promise<string> {
  const locationId = warehouse.locationIds.get(locationCode)!;
  const recorded = await recordMoves(db, tenantId, [
    {
      warehouseId: warehouse.id,
      kind: 'receipt',
      itemId,
      lotId,
      toLocationId: locationId,
      quantity,
      occurredAt: NOW,
    },
  ]);
  return recorded.stockIds.get(stockKey(locationId, itemId, lotId))!;
}

/** An order's fields; lines and reservations are given separately. */
export type OrderFixture = Partial<typeof outboundOrders.$inferInsert> & { warehouseId: string };

/**
 * An outbound order with `lines` (item, quantity) and reservations (line, stock row, quantity,
 * status) inserted as rows; returns the order id.
 */
export async function makeOrder(
  db: Db,
  tenantId: string,
  order: OrderFixture,
  lines: { itemId: string; quantity: number }[],
  held: { lineNo: number; stockId: string; quantity: number; status?: string }[] = [],
): Promise<string> {
  const id = order.id ?? newId();
  const priority = order.priority ?? 'normal';
  await db.insert(outboundOrders).values({
    source: 'api',
    externalRef: `SO-${seq++}`,
    type: 'sales',
    status: held.length > 0 ? 'allocated' : 'pending',
    destination: {},
    pushedAt: NOW,
    createdAt: NOW,
    updatedAt: NOW,
    ...order,
    tenantId,
    id,
    priority,
    priorityRank: ['urgent', 'high', 'normal', 'low'].indexOf(priority),
  });
  for (const [index, line] of lines.entries()) {
    await db.insert(outboundOrderLines).values({ tenantId, orderId: id, lineNo: index + 1, ...line });
  }
  for (const reservation of held) {
    await db.insert(reservations).values({
      tenantId,
      id: newId(),
      orderId: id,
      status: 'active',
      createdAt: NOW,
      ...reservation,
    });
  }
  return id;
}
