/** Queries of items, lots and suppliers. */
import { and, asc, eq, gt, ilike, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { tenantRows } from '../../../platform/tenancy.js';
import { escapeLike } from '../layout/layout.contract.js';
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

/** An item to store in bulk; a field left out takes the column's default (or null). */
export type NewItemRow = { id: string; sku: string; name: string } & Partial<
  Pick<ItemRow, 'unit' | 'weightKg' | 'barcode' | 'catchWeight' | 'allocationStrategy' | 'supplierId'>
>;

/** The changes of one item by id: a field left out (or null) stays as it is. */
export type ItemFieldChanges = { id: string } & Partial<
  Pick<
    ItemRow,
    'name' | 'unit' | 'weightKg' | 'barcode' | 'catchWeight' | 'allocationStrategy' | 'supplierId'
  >
>;

const itemRecord = sql.raw(
  'id uuid, sku text, name text, unit text, weight_kg numeric, barcode text, catch_weight boolean, allocation_strategy text, supplier_id uuid',
);

function itemJson(rows: (ItemFieldChanges & { sku?: string })[]): string {
  return JSON.stringify(
    rows.map((row) => ({
      id: row.id,
      sku: row.sku,
      name: row.name,
      unit: row.unit,
      weight_kg: row.weightKg,
      barcode: row.barcode,
      catch_weight: row.catchWeight,
      allocation_strategy: row.allocationStrategy,
      supplier_id: row.supplierId,
    })),
  );
}

/**
 * Stores new items in one statement; answers the SKUs stored (a SKU the tenant has already is left
 * alone and not answered).
 */
export async function insertItemRows(
  db: Db,
  tenantId: string,
  rows: NewItemRow[],
  createdAt: Date,
): Promise<string[]> {
  if (rows.length === 0) return [];
  const at = createdAt.toISOString();
  const result = await db.execute<{
    sku: string;
  }>(sql`insert into ${items} (tenant_id, id, sku, name, unit, weight_kg, barcode, catch_weight, allocation_strategy, supplier_id, created_at, updated_at)
    select ${tenantId}::uuid, x.id, x.sku, x.name, coalesce(x.unit, ${items.unit.default}), x.weight_kg, x.barcode,
      coalesce(x.catch_weight, ${items.catchWeight.default}), x.allocation_strategy, x.supplier_id, ${at}::timestamptz, ${at}::timestamptz
    from json_to_recordset(${itemJson(rows)}::json) as x(${itemRecord})
    on conflict (tenant_id, sku) do nothing
    returning sku`);
  return result.rows.map((row) => row.sku);
}

/** Changes items by id in one statement, each only in the fields given; answers the ids changed. */
export async function updateItemRowsGiven(
  db: Db,
  tenantId: string,
  rows: ItemFieldChanges[],
  updatedAt: Date,
): Promise<string[]> {
  if (rows.length === 0) return [];
  const result = await db.execute<{ id: string }>(sql`update ${items} as i
    set name = coalesce(x.name, i.name), unit = coalesce(x.unit, i.unit),
      weight_kg = coalesce(x.weight_kg, i.weight_kg), barcode = coalesce(x.barcode, i.barcode),
      catch_weight = coalesce(x.catch_weight, i.catch_weight),
      allocation_strategy = coalesce(x.allocation_strategy, i.allocation_strategy),
      supplier_id = coalesce(x.supplier_id, i.supplier_id), updated_at = ${updatedAt.toISOString()}::timestamptz
    from json_to_recordset(${itemJson(rows)}::json) as x(${itemRecord})
    where i.tenant_id = ${tenantId}::uuid and i.id = x.id
    returning i.id`);
  return result.rows.map((row) => row.id);
}

/** The lots with these (item, lot number) pairs. */
export async function findLotRowsByNumbers(
  db: Db,
  tenantId: string,
  keys: { itemId: string; lotNumber: string }[],
): Promise<LotRow[]> {
  if (keys.length === 0) return [];
  const json = JSON.stringify(keys.map((key) => ({ item_id: key.itemId, lot_number: key.lotNumber })));
  return db
    .select()
    .from(lots)
    .where(
      and(
        tenantRows({ tenantId }, lots),
        sql`(${lots.itemId}, ${lots.lotNumber}) in (select x.item_id, x.lot_number from json_to_recordset(${json}::json) as x(item_id uuid, lot_number text))`,
      ),
    );
}

/**
 * Stores new lots in one statement; answers the ids stored (a lot number the item has already is
 * left alone and not answered).
 */
export async function insertLotRows(
  db: Db,
  tenantId: string,
  rows: Omit<typeof lots.$inferInsert, 'tenantId' | 'createdAt'>[],
  createdAt: Date,
): Promise<string[]> {
  if (rows.length === 0) return [];
  const json = JSON.stringify(
    rows.map((row) => ({
      id: row.id,
      item_id: row.itemId,
      lot_number: row.lotNumber,
      production_date: row.productionDate ?? null,
      expiry_date: row.expiryDate ?? null,
      supplier_id: row.supplierId ?? null,
    })),
  );
  const result = await db.execute<{
    id: string;
  }>(sql`insert into ${lots} (tenant_id, id, item_id, lot_number, production_date, expiry_date, supplier_id, created_at)
    select ${tenantId}::uuid, x.id, x.item_id, x.lot_number, x.production_date, x.expiry_date, x.supplier_id, ${createdAt.toISOString()}::timestamptz
    from json_to_recordset(${json}::json)
      as x(id uuid, item_id uuid, lot_number text, production_date date, expiry_date date, supplier_id uuid)
    on conflict (tenant_id, item_id, lot_number) do nothing
    returning id`);
  return result.rows.map((row) => row.id);
}

/** The tenant's suppliers with these codes, keyed by code. */
export async function findSupplierRowsByCodes(
  db: Db,
  tenantId: string,
  codes: string[],
): Promise<Map<string, SupplierRow>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select()
    .from(suppliers)
    .where(and(tenantRows({ tenantId }, suppliers), inArray(suppliers.code, [...new Set(codes)])));
  return new Map(rows.map((row) => [row.code, row]));
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
