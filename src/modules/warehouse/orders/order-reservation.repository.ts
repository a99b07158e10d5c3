/** Queries of what holds stock for an order: its reservations and its stored allocation runs. */
import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { tenantRows } from '../../../platform/tenancy.js';
import { lots } from '../catalog/catalog.table.js';
import { locations } from '../layout/layout.table.js';
import { reservations, stock } from '../stock/stock.table.js';
import { allocationRuns, outboundOrders } from './order.table.js';

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

/** The latest stored allocation result of the order, if any. */
export async function findLatestAllocationRun(
  db: Db,
  tenantId: string,
  orderId: string,
): Promise<Record<string, unknown> | undefined> {
  const [row] = await db
    .select({ result: allocationRuns.result })
    .from(allocationRuns)
    .where(and(eq(allocationRuns.tenantId, tenantId), eq(allocationRuns.orderId, orderId)))
    .orderBy(desc(allocationRuns.createdAt), desc(allocationRuns.id))
    .limit(1);
  return row?.result;
}

/** The active reservations on a stock row, with the orders that hold them. */
export async function listActiveReservations(
  db: Db,
  tenantId: string,
  stockId: string,
): Promise<{ orderId: string; externalRef: string | null; quantity: number }[]> {
  return db
    .select({
      orderId: reservations.orderId,
      externalRef: outboundOrders.externalRef,
      quantity: reservations.quantity,
    })
    .from(reservations)
    .leftJoin(
      outboundOrders,
      and(eq(outboundOrders.tenantId, reservations.tenantId), eq(outboundOrders.id, reservations.orderId)),
    )
    .where(
      and(
        tenantRows({ tenantId }, reservations),
        eq(reservations.stockId, stockId),
        eq(reservations.status, 'active'),
      ),
    )
    .orderBy(asc(reservations.createdAt));
}
