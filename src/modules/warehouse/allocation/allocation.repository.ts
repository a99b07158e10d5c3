/** Queries of allocation: candidate stock under row locks, reservations, runs and order status. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { lots } from '../catalog/catalog.table.js';
import { locations } from '../layout/layout.table.js';
import { allocationRuns, outboundOrderLines, outboundOrders, reservations } from '../orders/order.table.js';
import { stock } from '../stock/stock.table.js';
import type { StockCandidate } from './allocate.js';

/**
 * Locks every stock row of these items in the warehouse (select … for update, by id, so concurrent
 * allocations queue instead of deadlocking). Whoever holds the locks is the only one reserving from
 * those rows until it commits.
 */
export async function lockStockRows(
  db: Db,
  tenantId: string,
  warehouseId: string,
  itemIds: string[],
): Promise<void> {
  if (itemIds.length === 0) return;
  await db
    .select({ id: stock.id })
    .from(stock)
    .where(
      and(eq(stock.tenantId, tenantId), eq(stock.warehouseId, warehouseId), inArray(stock.itemId, itemIds)),
    )
    .orderBy(asc(stock.id))
    .for('update');
}

/** Locks these stock rows by id, in id order. */
export async function lockStockRowsById(db: Db, tenantId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .select({ id: stock.id })
    .from(stock)
    .where(and(eq(stock.tenantId, tenantId), inArray(stock.id, [...new Set(ids)])))
    .orderBy(asc(stock.id))
    .for('update');
}

/**
 * The stock rows of these items in enabled storage locations of the warehouse, with what is
 * available (on hand minus every active reservation on the row).
 */
export async function listCandidates(
  db: Db,
  tenantId: string,
  warehouseId: string,
  itemIds: string[],
): Promise<StockCandidate[]> {
  if (itemIds.length === 0) return [];
  const reserved = sql<number>`coalesce((select sum(${reservations.quantity}) from ${reservations}
    where ${reservations.tenantId} = ${stock.tenantId} and ${reservations.stockId} = ${stock.id}
      and ${reservations.status} = 'active'), 0)::int`;
  const rows = await db
    .select({
      stockId: stock.id,
      itemId: stock.itemId,
      locationId: stock.locationId,
      locationCode: locations.code,
      pathRank: locations.pathRank,
      lotId: stock.lotId,
      lotNumber: lots.lotNumber,
      productionDate: lots.productionDate,
      expiryDate: lots.expiryDate,
      putawayAt: stock.putawayAt,
      onHand: stock.onHand,
      reserved,
    })
    .from(stock)
    .innerJoin(locations, and(eq(locations.tenantId, stock.tenantId), eq(locations.id, stock.locationId)))
    .leftJoin(lots, and(eq(lots.tenantId, stock.tenantId), eq(lots.id, stock.lotId)))
    .where(
      and(
        eq(stock.tenantId, tenantId),
        eq(stock.warehouseId, warehouseId),
        inArray(stock.itemId, itemIds),
        eq(locations.kind, 'storage'),
        eq(locations.disabled, false),
      ),
    )
    .orderBy(asc(stock.id));
  return rows.map(({ reserved: held, putawayAt, ...row }) => ({
    ...row,
    lotNumber: row.lotNumber ?? null,
    productionDate: row.productionDate ?? null,
    expiryDate: row.expiryDate ?? null,
    putawayAt: putawayAt.toISOString(),
    available: row.onHand - held,
  }));
}

/** Inserts active reservations. */
export async function insertReservations(
  db: Db,
  rows: {
    tenantId: string;
    id: string;
    orderId: string;
    lineNo: number;
    stockId: string;
    quantity: number;
    createdAt: Date;
  }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(reservations).values(rows.map((row) => ({ ...row, status: 'active' })));
}

/** Closes reservations as released or picked. */
export async function closeReservations(
  db: Db,
  tenantId: string,
  ids: string[],
  status: 'released' | 'picked',
  now: Date,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(reservations)
    .set({ status, closedAt: now })
    .where(and(eq(reservations.tenantId, tenantId), inArray(reservations.id, ids)));
}

/** Records what the last allocation left short on a line. */
export async function updateLineShort(
  db: Db,
  tenantId: string,
  orderId: string,
  lineNo: number,
  short: { quantity: number; reason: string | null },
): Promise<void> {
  await db
    .update(outboundOrderLines)
    .set({ shortQuantity: short.quantity, shortReason: short.reason })
    .where(
      and(
        eq(outboundOrderLines.tenantId, tenantId),
        eq(outboundOrderLines.orderId, orderId),
        eq(outboundOrderLines.lineNo, lineNo),
      ),
    );
}

/** Stores an allocation result. */
export async function insertAllocationRun(db: Db, row: typeof allocationRuns.$inferInsert): Promise<void> {
  await db.insert(allocationRuns).values(row);
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

/** Orders waiting for stock (pending, backordered) in pool order. */
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
        inArray(outboundOrders.status, ['pending', 'backordered']),
        warehouseId ? eq(outboundOrders.warehouseId, warehouseId) : undefined,
      ),
    )
    .orderBy(asc(outboundOrders.priorityRank), asc(outboundOrders.pushedAt), asc(outboundOrders.id))
    .limit(limit);
}

/** The warehouse's dock of this kind (`RECV` receiving, `SHIP` shipping), the coded one first. */
export async function findDock(
  db: Db,
  tenantId: string,
  warehouseId: string,
  kind: 'receiving' | 'shipping',
) {
  const [row] = await db
    .select({ id: locations.id })
    .from(locations)
    .where(
      and(eq(locations.tenantId, tenantId), eq(locations.warehouseId, warehouseId), eq(locations.kind, kind)),
    )
    .orderBy(sql`${locations.code} <> ${kind === 'shipping' ? 'SHIP' : 'RECV'}`, asc(locations.code))
    .limit(1);
  return row;
}
