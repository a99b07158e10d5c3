/**
 * What a wave's batching reads in one statement: the active reservations of its orders with their
 * location's coordinates and zone, the item's SKU and the lot; and a warehouse's zone codes.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { items, lots } from '../catalog/catalog.table.js';
import { locations, zones } from '../layout/layout.table.js';
import { reservations, stock } from '../stock/stock.table.js';

/** One reserved quantity of an order at a location. */
export type PickSourceRow = {
  reservationId: string;
  orderId: string;
  lineNo: number;
  quantity: number;
  locationId: string;
  locationCode: string;
  aisle: number | null;
  block: number | null;
  slot: number | null;
  zone: string | null;
  itemId: string;
  sku: string;
  lotNumber: string | null;
};

/** The active reservations of the orders, by order, line and location code. */
export async function listPickSources(
  db: Db,
  tenantId: string,
  orderIds: string[],
): Promise<PickSourceRow[]> {
  if (orderIds.length === 0) return [];
  return db
    .select({
      reservationId: reservations.id,
      orderId: reservations.orderId,
      lineNo: reservations.lineNo,
      quantity: reservations.quantity,
      locationId: locations.id,
      locationCode: locations.code,
      aisle: locations.aisle,
      block: locations.block,
      slot: locations.slot,
      zone: zones.code,
      itemId: items.id,
      sku: items.sku,
      lotNumber: lots.lotNumber,
    })
    .from(reservations)
    .innerJoin(stock, and(eq(stock.tenantId, reservations.tenantId), eq(stock.id, reservations.stockId)))
    .innerJoin(locations, and(eq(locations.tenantId, stock.tenantId), eq(locations.id, stock.locationId)))
    .innerJoin(items, and(eq(items.tenantId, stock.tenantId), eq(items.id, stock.itemId)))
    .leftJoin(zones, and(eq(zones.tenantId, locations.tenantId), eq(zones.id, locations.zoneId)))
    .leftJoin(lots, and(eq(lots.tenantId, stock.tenantId), eq(lots.id, stock.lotId)))
    .where(
      and(
        eq(reservations.tenantId, tenantId),
        inArray(reservations.orderId, orderIds),
        eq(reservations.status, 'active'),
      ),
    )
    .orderBy(asc(reservations.orderId), asc(reservations.lineNo), asc(locations.code), asc(reservations.id));
}

/** The warehouse's zone codes. */
export async function listZoneCodes(db: Db, tenantId: string, warehouseId: string): Promise<string[]> {
  const rows = await db
    .select({ code: zones.code })
    .from(zones)
    .where(and(eq(zones.tenantId, tenantId), eq(zones.warehouseId, warehouseId)))
    .orderBy(asc(zones.code));
  return rows.map((row) => row.code);
}
