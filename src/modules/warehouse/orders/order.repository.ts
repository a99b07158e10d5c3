/**
 * Queries on the order pool: orders, their lines, reservations and allocation runs, plus the small
 * lookups an order needs (warehouse by code, item by SKU, lot by number, supplier by code).
 */
import { and, asc, desc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { items, lots, suppliers } from '../catalog/catalog.table.js';
import { locations, warehouses } from '../layout/layout.table.js';
import { stock } from '../stock/stock.table.js';
import type { OrderQuery } from './order.contract.js';
import {
  allocationRuns,
  customerLotRules,
  outboundOrderLines,
  outboundOrders,
  reservations,
} from './order.table.js';

export type OrderRow = typeof outboundOrders.$inferSelect;
export type NewOrderRow = typeof outboundOrders.$inferInsert;
export type NewOrderLineRow = typeof outboundOrderLines.$inferInsert;
export type WarehouseRef = { id: string; code: string; allocationStrategy: string; allocationPolicy: string };

/** A warehouse of the tenant by code or by id. */
export async function findWarehouseRef(
  db: Db,
  tenantId: string,
  by: { code: string } | { id: string },
): Promise<WarehouseRef | undefined> {
  const match = 'code' in by ? eq(warehouses.code, by.code) : eq(warehouses.id, by.id);
  const [row] = await db
    .select({
      id: warehouses.id,
      code: warehouses.code,
      allocationStrategy: warehouses.allocationStrategy,
      allocationPolicy: warehouses.allocationPolicy,
    })
    .from(warehouses)
    .where(and(eq(warehouses.tenantId, tenantId), match));
  return row;
}

/** Warehouse codes by id. */
export async function listWarehouseCodes(
  db: Db,
  tenantId: string,
  ids: string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: warehouses.id, code: warehouses.code })
    .from(warehouses)
    .where(and(eq(warehouses.tenantId, tenantId), inArray(warehouses.id, [...new Set(ids)])));
  return new Map(rows.map((row) => [row.id, row.code]));
}

export type ItemRef = typeof items.$inferSelect;

/** Items of the tenant with these SKUs. */
export async function listItemsBySku(db: Db, tenantId: string, skus: string[]): Promise<ItemRef[]> {
  if (skus.length === 0) return [];
  return db
    .select()
    .from(items)
    .where(and(eq(items.tenantId, tenantId), inArray(items.sku, [...new Set(skus)])));
}

export type LotRef = typeof lots.$inferSelect;

/** Lots of these items (for matching an order line's lot number). */
export async function listLotsOfItems(db: Db, tenantId: string, itemIds: string[]): Promise<LotRef[]> {
  if (itemIds.length === 0) return [];
  return db
    .select()
    .from(lots)
    .where(and(eq(lots.tenantId, tenantId), inArray(lots.itemId, [...new Set(itemIds)])));
}

/** A supplier of the tenant by code. */
export async function findSupplierByCode(db: Db, tenantId: string, code: string) {
  const [row] = await db
    .select({ id: suppliers.id })
    .from(suppliers)
    .where(and(eq(suppliers.tenantId, tenantId), eq(suppliers.code, code)));
  return row;
}

/** Inserts an order and its lines (call in a transaction). */
export async function insertOrder(db: Db, order: NewOrderRow, lines: NewOrderLineRow[]): Promise<void> {
  await db.insert(outboundOrders).values(order);
  await db.insert(outboundOrderLines).values(lines);
}

/** One order of the tenant; `lock` takes its row lock (select … for update). */
export async function findOrderRow(
  db: Db,
  tenantId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<OrderRow | undefined> {
  const query = db
    .select()
    .from(outboundOrders)
    .where(and(eq(outboundOrders.tenantId, tenantId), eq(outboundOrders.id, id)));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

/** The order pushed with this source and external reference. */
export async function findOrderByRef(db: Db, tenantId: string, source: string, externalRef: string) {
  const [row] = await db
    .select({ id: outboundOrders.id })
    .from(outboundOrders)
    .where(
      and(
        eq(outboundOrders.tenantId, tenantId),
        eq(outboundOrders.source, source),
        eq(outboundOrders.externalRef, externalRef),
      ),
    );
  return row;
}

/** An order line with its item and lot, and the units its active reservations hold. */
export type OrderLineRow = {
  lineNo: number;
  itemId: string;
  sku: string;
  itemName: string;
  unit: string;
  catchWeight: boolean;
  itemStrategy: string | null;
  quantity: number;
  lotId: string | null;
  lotNumber: string | null;
  shortQuantity: number;
  shortReason: string | null;
  allocated: number;
};

/** The lines of an order in line order. */
export async function listOrderLines(db: Db, tenantId: string, orderId: string): Promise<OrderLineRow[]> {
  const allocated = sql<number>`coalesce((select sum(${reservations.quantity}) from ${reservations}
    where ${reservations.tenantId} = ${outboundOrderLines.tenantId} and ${reservations.orderId} = ${outboundOrderLines.orderId}
      and ${reservations.lineNo} = ${outboundOrderLines.lineNo} and ${reservations.status} = 'active'), 0)::int`;
  return db
    .select({
      lineNo: outboundOrderLines.lineNo,
      itemId: outboundOrderLines.itemId,
      sku: items.sku,
      itemName: items.name,
      unit: items.unit,
      catchWeight: items.catchWeight,
      itemStrategy: items.allocationStrategy,
      quantity: outboundOrderLines.quantity,
      lotId: outboundOrderLines.lotId,
      lotNumber: lots.lotNumber,
      shortQuantity: outboundOrderLines.shortQuantity,
      shortReason: outboundOrderLines.shortReason,
      allocated,
    })
    .from(outboundOrderLines)
    .innerJoin(
      items,
      and(eq(items.tenantId, outboundOrderLines.tenantId), eq(items.id, outboundOrderLines.itemId)),
    )
    .leftJoin(
      lots,
      and(eq(lots.tenantId, outboundOrderLines.tenantId), eq(lots.id, outboundOrderLines.lotId)),
    )
    .where(and(eq(outboundOrderLines.tenantId, tenantId), eq(outboundOrderLines.orderId, orderId)))
    .orderBy(asc(outboundOrderLines.lineNo));
}

/** A reservation with where its stock row is. */
export type ReservationRow = {
  id: string;
  lineNo: number;
  stockId: string;
  quantity: number;
  status: string;
  locationId: string;
  locationCode: string;
  itemId: string;
  lotId: string | null;
  lotNumber: string | null;
};

/** The order's reservations (all, or of one status), by line and creation. */
export async function listReservations(
  db: Db,
  tenantId: string,
  orderId: string,
  statuses?: string[],
): Promise<ReservationRow[]> {
  const conditions: SQL[] = [eq(reservations.tenantId, tenantId), eq(reservations.orderId, orderId)];
  if (statuses) conditions.push(inArray(reservations.status, statuses));
  return db
    .select({
      id: reservations.id,
      lineNo: reservations.lineNo,
      stockId: reservations.stockId,
      quantity: reservations.quantity,
      status: reservations.status,
      locationId: stock.locationId,
      locationCode: locations.code,
      itemId: stock.itemId,
      lotId: stock.lotId,
      lotNumber: lots.lotNumber,
    })
    .from(reservations)
    .innerJoin(stock, and(eq(stock.tenantId, reservations.tenantId), eq(stock.id, reservations.stockId)))
    .innerJoin(locations, and(eq(locations.tenantId, stock.tenantId), eq(locations.id, stock.locationId)))
    .leftJoin(lots, and(eq(lots.tenantId, stock.tenantId), eq(lots.id, stock.lotId)))
    .where(and(...conditions))
    .orderBy(
      asc(reservations.lineNo),
      asc(reservations.createdAt),
      asc(locations.code),
      asc(reservations.id),
    );
}

/** The stored allocation results of an order, newest first. */
export async function listAllocationRuns(db: Db, tenantId: string, orderId: string, limit = 50) {
  return db
    .select({ result: allocationRuns.result })
    .from(allocationRuns)
    .where(and(eq(allocationRuns.tenantId, tenantId), eq(allocationRuns.orderId, orderId)))
    .orderBy(desc(allocationRuns.createdAt), desc(allocationRuns.id))
    .limit(limit);
}

/** Where a page of the pool starts: after this order in pool order. */
export type PoolCursor = { rank: number; pushedAt: Date; id: string };

/** An order of the pool with its line count and units. */
export type OrderSummaryRow = OrderRow & { lineCount: number; quantity: number };

/** A page of orders in pool order (priority rank, push time, id). */
export async function listOrderRows(
  db: Db,
  tenantId: string,
  query: Omit<OrderQuery, 'after'>,
  after: PoolCursor | undefined,
): Promise<OrderSummaryRow[]> {
  const conditions: (SQL | undefined)[] = [
    eq(outboundOrders.tenantId, tenantId),
    query.warehouseId ? eq(outboundOrders.warehouseId, query.warehouseId) : undefined,
    query.status ? eq(outboundOrders.status, query.status) : undefined,
    query.type ? eq(outboundOrders.type, query.type) : undefined,
    query.priority ? eq(outboundOrders.priority, query.priority) : undefined,
    query.carrier ? eq(outboundOrders.carrier, query.carrier) : undefined,
    query.province ? sql`${outboundOrders.destination}->>'province' = ${query.province}` : undefined,
    query.customerId ? eq(outboundOrders.customerId, query.customerId) : undefined,
    query.q
      ? ilike(outboundOrders.externalRef, `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
      : undefined,
    after
      ? sql`(${outboundOrders.priorityRank}, ${outboundOrders.pushedAt}, ${outboundOrders.id}) > (${after.rank}, ${after.pushedAt.toISOString()}::timestamptz, ${after.id}::uuid)`
      : undefined,
  ];
  const lineOf = sql`${outboundOrderLines.tenantId} = ${outboundOrders.tenantId} and ${outboundOrderLines.orderId} = ${outboundOrders.id}`;
  const rows = await db
    .select({
      order: outboundOrders,
      lineCount: sql<number>`(select count(*) from ${outboundOrderLines} where ${lineOf})::int`,
      quantity: sql<number>`(select coalesce(sum(${outboundOrderLines.quantity}), 0) from ${outboundOrderLines} where ${lineOf})::int`,
    })
    .from(outboundOrders)
    .where(and(...conditions))
    .orderBy(asc(outboundOrders.priorityRank), asc(outboundOrders.pushedAt), asc(outboundOrders.id))
    .limit(query.limit);
  return rows.map((row) => ({ ...row.order, lineCount: row.lineCount, quantity: row.quantity }));
}

/** The customer's single-lot rule, if one is stored. */
export async function findCustomerLotRule(db: Db, tenantId: string, customerId: string) {
  const [row] = await db
    .select({ singleLotPerLine: customerLotRules.singleLotPerLine })
    .from(customerLotRules)
    .where(and(eq(customerLotRules.tenantId, tenantId), eq(customerLotRules.customerId, customerId)));
  return row;
}

/** Stores the customer's single-lot rule. */
export async function saveCustomerLotRule(
  db: Db,
  tenantId: string,
  customerId: string,
  singleLotPerLine: boolean,
  now: Date,
): Promise<void> {
  await db
    .insert(customerLotRules)
    .values({ tenantId, customerId, singleLotPerLine, updatedAt: now })
    .onConflictDoUpdate({
      target: [customerLotRules.tenantId, customerLotRules.customerId],
      set: { singleLotPerLine, updatedAt: now },
    });
}
