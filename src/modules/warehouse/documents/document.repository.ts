/** Queries that load an outbound order for its documents: header, lines and reserved stock. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../platform/db/database.js';
import { items, lots, suppliers } from '../catalog/catalog.table.js';
import { locations, warehouses } from '../layout/layout.table.js';
import { outboundOrderLines, outboundOrders } from '../orders/order.table.js';
import { reservations, stock } from '../stock/stock.table.js';

/** The order with its warehouse, its supplier (returns) and its target warehouse (transfers). */
export async function findOrderHeader(db: Db, tenantId: string, orderId: string) {
  const target = alias(warehouses, 'target_warehouse');
  const [row] = await db
    .select({
      order: outboundOrders,
      warehouseCode: warehouses.code,
      warehouseName: warehouses.name,
      warehouseTimeZone: warehouses.timeZone,
      supplierName: suppliers.name,
      targetWarehouseName: target.name,
    })
    .from(outboundOrders)
    .innerJoin(
      warehouses,
      and(eq(warehouses.tenantId, outboundOrders.tenantId), eq(warehouses.id, outboundOrders.warehouseId)),
    )
    .leftJoin(
      suppliers,
      and(eq(suppliers.tenantId, outboundOrders.tenantId), eq(suppliers.id, outboundOrders.supplierId)),
    )
    .leftJoin(
      target,
      and(eq(target.tenantId, outboundOrders.tenantId), eq(target.id, outboundOrders.targetWarehouseId)),
    )
    .where(and(eq(outboundOrders.tenantId, tenantId), eq(outboundOrders.id, orderId)));
  return row;
}

/** The order's lines with their items, by line number. */
export async function listOrderLines(db: Db, tenantId: string, orderId: string) {
  return db
    .select({
      lineNo: outboundOrderLines.lineNo,
      quantity: outboundOrderLines.quantity,
      sku: items.sku,
      itemName: items.name,
      unit: items.unit,
      weightKg: items.weightKg,
    })
    .from(outboundOrderLines)
    .innerJoin(
      items,
      and(eq(items.tenantId, outboundOrderLines.tenantId), eq(items.id, outboundOrderLines.itemId)),
    )
    .where(and(eq(outboundOrderLines.tenantId, tenantId), eq(outboundOrderLines.orderId, orderId)))
    .orderBy(asc(outboundOrderLines.lineNo));
}

/**
 * The order's active and picked reservations with location, item and lot, in walking order:
 * path rank (docks last), location code, line number.
 */
export async function listReservedStock(db: Db, tenantId: string, orderId: string) {
  return db
    .select({
      lineNo: reservations.lineNo,
      quantity: reservations.quantity,
      status: reservations.status,
      locationCode: locations.code,
      sku: items.sku,
      itemName: items.name,
      unit: items.unit,
      lotNumber: lots.lotNumber,
      expiryDate: lots.expiryDate,
    })
    .from(reservations)
    .innerJoin(stock, and(eq(stock.tenantId, reservations.tenantId), eq(stock.id, reservations.stockId)))
    .innerJoin(locations, and(eq(locations.tenantId, stock.tenantId), eq(locations.id, stock.locationId)))
    .innerJoin(items, and(eq(items.tenantId, stock.tenantId), eq(items.id, stock.itemId)))
    .leftJoin(lots, and(eq(lots.tenantId, stock.tenantId), eq(lots.id, stock.lotId)))
    .where(
      and(
        eq(reservations.tenantId, tenantId),
        eq(reservations.orderId, orderId),
        inArray(reservations.status, ['active', 'picked']),
      ),
    )
    .orderBy(
      sql`${locations.pathRank} asc nulls last`,
      asc(locations.code),
      asc(reservations.lineNo),
      asc(lots.lotNumber),
    );
}
