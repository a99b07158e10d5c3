/**
 * Queries on the order pool: orders and their lines, the pool in processing order, and the order's
 * status (which only the orders write; allocation and shipping change it through the order services).
 */
import { and, asc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { items, lots } from '../catalog/catalog.table.js';
import { reservations } from '../stock/stock.table.js';
import type { OrderQuery } from './order.contract.js';
import { outboundOrderLines, outboundOrders } from './order.table.js';

/** An order as stored. */
export type OrderRow = typeof outboundOrders.$inferSelect;
/** An order to insert. */
export type NewOrderRow = typeof outboundOrders.$inferInsert;
/** An order line to insert. */
export type NewOrderLineRow = typeof outboundOrderLines.$inferInsert;

/** Inserts an order and its lines (call in a transaction). */
export async function insertOrder(db: Db, order: NewOrderRow, lines: NewOrderLineRow[]): Promise<void> {
  await db.insert(outboundOrders).values(order);
  await db.insert(outboundOrderLines).values(lines);
}

/** Rows per statement when lines are inserted in bulk (5 parameters each, under PostgreSQL's 65,535). */
const LINE_CHUNK = 10_000;

/**
 * Inserts many orders in one statement; an order whose source and external reference are already
 * stored (a concurrent push) is skipped. Answers the ids inserted. Call in a transaction, with
 * `insertOrderLines` for the inserted ones.
 */
export async function insertNewOrders(db: Db, orders: NewOrderRow[]): Promise<{ id: string }[]> {
  if (orders.length === 0) return [];
  return db
    .insert(outboundOrders)
    .values(orders)
    .onConflictDoNothing({
      target: [outboundOrders.tenantId, outboundOrders.source, outboundOrders.externalRef],
    })
    .returning({ id: outboundOrders.id });
}

/** Inserts the lines of many orders, in multi-row statements. */
export async function insertOrderLines(db: Db, lines: NewOrderLineRow[]): Promise<void> {
  for (let start = 0; start < lines.length; start += LINE_CHUNK)
    await db.insert(outboundOrderLines).values(lines.slice(start, start + LINE_CHUNK));
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

/** The orders pushed with this source for these external references, with their status. */
export async function findOrdersByRefs(db: Db, tenantId: string, source: string, externalRefs: string[]) {
  if (externalRefs.length === 0) return [];
  return db
    .select({ id: outboundOrders.id, externalRef: outboundOrders.externalRef, status: outboundOrders.status })
    .from(outboundOrders)
    .where(
      and(
        eq(outboundOrders.tenantId, tenantId),
        eq(outboundOrders.source, source),
        inArray(outboundOrders.externalRef, externalRefs),
      ),
    );
}

/** The external references of these orders. */
export async function listOrderRefs(
  db: Db,
  tenantId: string,
  ids: string[],
): Promise<{ id: string; externalRef: string }[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: outboundOrders.id, externalRef: outboundOrders.externalRef })
    .from(outboundOrders)
    .where(and(eq(outboundOrders.tenantId, tenantId), inArray(outboundOrders.id, ids)));
}

/** The orders stored under any of these (source, external reference) pairs. */
export async function findOrdersByKeys(
  db: Db,
  tenantId: string,
  keys: { source: string; externalRef: string }[],
): Promise<{ id: string; source: string; externalRef: string }[]> {
  if (keys.length === 0) return [];
  const sources = sql.param(keys.map((key) => key.source));
  const refs = sql.param(keys.map((key) => key.externalRef));
  return db
    .select({ id: outboundOrders.id, source: outboundOrders.source, externalRef: outboundOrders.externalRef })
    .from(outboundOrders)
    .where(
      and(
        eq(outboundOrders.tenantId, tenantId),
        sql`(${outboundOrders.source}, ${outboundOrders.externalRef}) in (select * from unnest(${sources}::text[], ${refs}::text[]))`,
      ),
    );
}

/** An order line with its item and lot, the units its active reservations hold and the units picked. */
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
  picked: number;
};

/** The lines of an order in line order. */
export async function listOrderLines(db: Db, tenantId: string, orderId: string): Promise<OrderLineRow[]> {
  const held = (status: 'active' | 'picked') => sql<number>`coalesce((select sum(${reservations.quantity})
    from ${reservations} where ${reservations.tenantId} = ${outboundOrderLines.tenantId}
      and ${reservations.orderId} = ${outboundOrderLines.orderId} and ${reservations.lineNo} = ${outboundOrderLines.lineNo}
      and ${reservations.status} = ${sql.raw(`'${status}'`)}), 0)::int`;
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
      allocated: held('active'),
      picked: held('picked'),
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
    query.origin ? eq(outboundOrders.origin, query.origin) : undefined,
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

/** Changes an order's status (and ship time). */
export async function updateOrderStatus(
  db: Db,
  tenantId: string,
  orderId: string,
  changes: { status: string; updatedAt: Date; shippedAt?: Date },
): Promise<void> {
  await db
    .update(outboundOrders)
    .set(changes)
    .where(and(eq(outboundOrders.tenantId, tenantId), eq(outboundOrders.id, orderId)));
}

/** Orders waiting for stock (pending, partially allocated, backordered) in pool order. */
export async function listPoolOrders(
  db: Db,
  tenantId: string,
  warehouseId: string | undefined,
  limit: number,
) {
  return db
    .select({ id: outboundOrders.id, externalRef: outboundOrders.externalRef })
    .from(outboundOrders)
    .where(
      and(
        eq(outboundOrders.tenantId, tenantId),
        inArray(outboundOrders.status, ['pending', 'partially_allocated', 'backordered']),
        warehouseId ? eq(outboundOrders.warehouseId, warehouseId) : undefined,
      ),
    )
    .orderBy(asc(outboundOrders.priorityRank), asc(outboundOrders.pushedAt), asc(outboundOrders.id))
    .limit(limit);
}
