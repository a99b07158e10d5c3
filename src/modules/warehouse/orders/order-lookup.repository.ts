/**
 * The lookups orders need from the layout and the catalog (warehouses by code, items by SKU, lots of
 * items, suppliers by code), each for any number of orders at once, and the customers' lot rules.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { items, lots, suppliers } from '../catalog/catalog.table.js';
import { warehouses } from '../layout/layout.table.js';
import { customerLotRules } from './order.table.js';

/** A warehouse's id, code and allocation defaults. */
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

/** Warehouses of the tenant with these codes. */
export async function listWarehousesByCode(
  db: Db,
  tenantId: string,
  codes: string[],
): Promise<{ id: string; code: string }[]> {
  if (codes.length === 0) return [];
  return db
    .select({ id: warehouses.id, code: warehouses.code })
    .from(warehouses)
    .where(and(eq(warehouses.tenantId, tenantId), inArray(warehouses.code, [...new Set(codes)])));
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

/** Suppliers of the tenant with these codes. */
export async function listSuppliersByCode(
  db: Db,
  tenantId: string,
  codes: string[],
): Promise<{ id: string; code: string }[]> {
  if (codes.length === 0) return [];
  return db
    .select({ id: suppliers.id, code: suppliers.code })
    .from(suppliers)
    .where(and(eq(suppliers.tenantId, tenantId), inArray(suppliers.code, [...new Set(codes)])));
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
