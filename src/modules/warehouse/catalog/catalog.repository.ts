/** Queries of items, lots and suppliers. */
import { and, asc, eq, gt, ilike, inArray, or } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { tenantRows } from '../../../platform/tenancy.js';
import { escapeLike } from '../layout/layout.repository.js';
import { items, lots, suppliers } from './catalog.table.js';

/** A row of `items`. */
export type ItemRow = typeof items.$inferSelect;
/** A row of `lots`. */
export type LotRow = typeof lots.$inferSelect;
/** A row of `suppliers`. */
export type SupplierRow = typeof suppliers.$inferSelect;

/** The columns of an item that change after creation. */
export type ItemChanges = Partial<
  Pick<
    ItemRow,
    'name' | 'unit' | 'weightKg' | 'barcode' | 'catchWeight' | 'allocationStrategy' | 'supplierId'
  >
> & { updatedAt: Date };

/** Stores an item; false when the tenant has one with this SKU. */
export async function insertItemRow(db: Db, row: typeof items.$inferInsert): Promise<boolean> {
  const inserted = await db
    .insert(items)
    .values(row)
    .onConflictDoNothing({ target: [items.tenantId, items.sku] })
    .returning({ id: items.id });
  return inserted.length > 0;
}

/** Changes an item; false when there is none with this id. */
export async function updateItemRow(
  db: Db,
  tenantId: string,
  id: string,
  changes: ItemChanges,
): Promise<boolean> {
  const updated = await db
    .update(items)
    .set(changes)
    .where(and(tenantRows({ tenantId }, items), eq(items.id, id)))
    .returning({ id: items.id });
  return updated.length > 0;
}

/** One item of the tenant, or undefined. */
export async function findItemRow(db: Db, tenantId: string, id: string): Promise<ItemRow | undefined> {
  const [row] = await db
    .select()
    .from(items)
    .where(and(tenantRows({ tenantId }, items), eq(items.id, id)))
    .limit(1);
  return row;
}

/** The tenant's items with these SKUs, keyed by SKU. */
export async function findItemRowsBySku(
  db: Db,
  tenantId: string,
  skus: string[],
): Promise<Map<string, ItemRow>> {
  if (skus.length === 0) return new Map();
  const rows = await db
    .select()
    .from(items)
    .where(and(tenantRows({ tenantId }, items), inArray(items.sku, [...new Set(skus)])));
  return new Map(rows.map((row) => [row.sku, row]));
}

/** A page of the tenant's items by SKU after `afterSku`, matching `q` in SKU, name or barcode. */
export async function listItemRows(
  db: Db,
  tenantId: string,
  query: { q?: string; afterSku?: string; limit: number },
): Promise<ItemRow[]> {
  const like = query.q ? `%${escapeLike(query.q)}%` : undefined;
  return db
    .select()
    .from(items)
    .where(
      and(
        tenantRows({ tenantId }, items),
        like ? or(ilike(items.sku, like), ilike(items.name, like), ilike(items.barcode, like)) : undefined,
        query.afterSku !== undefined ? gt(items.sku, query.afterSku) : undefined,
      ),
    )
    .orderBy(asc(items.sku))
    .limit(query.limit);
}

/** The item's lots by lot number. */
export async function listLotRows(db: Db, tenantId: string, itemId: string): Promise<LotRow[]> {
  return db
    .select()
    .from(lots)
    .where(and(tenantRows({ tenantId }, lots), eq(lots.itemId, itemId)))
    .orderBy(asc(lots.lotNumber));
}

/** The item's lot with this number, or undefined. */
export async function findLotRow(
  db: Db,
  tenantId: string,
  itemId: string,
  lotNumber: string,
): Promise<LotRow | undefined> {
  const [row] = await db
    .select()
    .from(lots)
    .where(and(tenantRows({ tenantId }, lots), eq(lots.itemId, itemId), eq(lots.lotNumber, lotNumber)))
    .limit(1);
  return row;
}

/** Stores a lot unless the item has one with this number already. */
export async function insertLotRow(db: Db, row: typeof lots.$inferInsert): Promise<void> {
  await db
    .insert(lots)
    .values(row)
    .onConflictDoNothing({ target: [lots.tenantId, lots.itemId, lots.lotNumber] });
}

/** Stores a supplier; false when the tenant has one with this code. */
export async function insertSupplierRow(db: Db, row: typeof suppliers.$inferInsert): Promise<boolean> {
  const inserted = await db
    .insert(suppliers)
    .values(row)
    .onConflictDoNothing({ target: [suppliers.tenantId, suppliers.code] })
    .returning({ id: suppliers.id });
  return inserted.length > 0;
}

/** The tenant's suppliers by code. */
export async function listSupplierRows(db: Db, tenantId: string): Promise<SupplierRow[]> {
  return db.select().from(suppliers).where(tenantRows({ tenantId }, suppliers)).orderBy(asc(suppliers.code));
}

/** One supplier of the tenant by code, or undefined. */
export async function findSupplierRowByCode(
  db: Db,
  tenantId: string,
  code: string,
): Promise<SupplierRow | undefined> {
  const [row] = await db
    .select()
    .from(suppliers)
    .where(and(tenantRows({ tenantId }, suppliers), eq(suppliers.code, code)))
    .limit(1);
  return row;
}
