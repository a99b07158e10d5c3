/** Queries of stock rows (pages with their codes, locks, what the ledger replay compares) and receipts. */
import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { tenantRows } from '../../../platform/tenancy.js';
import { items, lots } from '../catalog/catalog.table.js';
import { escapeLike } from '../layout/layout.contract.js';
import { locations, warehouses } from '../layout/layout.table.js';
import { receipts, stock } from './stock.table.js';

/** Where a stock page continues: the sort key of the last row. */
export type StockCursor = [
  warehouseCode: string,
  locationCode: string,
  sku: string,
  lotNumber: string,
  id: string,
];

// Written out with qualified names: drizzle leaves columns unqualified in single-table selects, which
// inside this subquery would resolve to the reservations table.
const reservedOfRow = sql<number>`coalesce((select sum(r.quantity) from reservations r where r.tenant_id = "stock"."tenant_id" and r.stock_id = "stock"."id" and r.status = 'active'), 0)::int`;
const lotSortKey = sql<string>`coalesce(${lots.lotNumber}, '')`;

/** What a page of stock rows is filtered by. */
export type StockFilter = {
  warehouseId?: string;
  itemId?: string;
  q?: string;
  location?: string;
  lot?: string;
  includeEmpty: boolean;
  after?: StockCursor;
  limit: number;
};

const stockColumns = {
  id: stock.id,
  warehouseId: stock.warehouseId,
  warehouseCode: warehouses.code,
  locationId: stock.locationId,
  locationCode: locations.code,
  locationKind: locations.kind,
  itemId: stock.itemId,
  sku: items.sku,
  itemName: items.name,
  unit: items.unit,
  lotId: stock.lotId,
  lotNumber: lots.lotNumber,
  productionDate: lots.productionDate,
  expiryDate: lots.expiryDate,
  onHand: stock.onHand,
  reserved: reservedOfRow,
  weightKg: stock.weightKg,
  putawayAt: stock.putawayAt,
};

/** The conditions of a stock page: the tenant, each filter given and the cursor. */
function stockConditions(tenantId: string, query: StockFilter): (SQL | undefined)[] {
  const like = query.q ? `%${escapeLike(query.q)}%` : undefined;
  return [
    tenantRows({ tenantId }, stock),
    query.warehouseId ? eq(stock.warehouseId, query.warehouseId) : undefined,
    query.itemId ? eq(stock.itemId, query.itemId) : undefined,
    query.location ? ilike(locations.code, `${escapeLike(query.location)}%`) : undefined,
    query.lot ? eq(lots.lotNumber, query.lot) : undefined,
    query.includeEmpty ? undefined : sql`${stock.onHand} > 0`,
    like
      ? or(
          ilike(items.sku, like),
          ilike(items.name, like),
          ilike(locations.code, like),
          ilike(lots.lotNumber, like),
        )
      : undefined,
    query.after
      ? sql`(${warehouses.code}, ${locations.code}, ${items.sku}, ${lotSortKey}, ${stock.id}) > (${query.after[0]}, ${query.after[1]}, ${query.after[2]}, ${query.after[3]}, ${query.after[4]}::uuid)`
      : undefined,
  ];
}

/** A stock row with its location, item and lot, and the sum of its active reservations. */
export type StockReadRow = Awaited<ReturnType<typeof listStockRows>>[number];

/** A page of stock rows by warehouse code, location code, SKU and lot number. */
export async function listStockRows(db: Db, tenantId: string, query: StockFilter) {
  return db
    .select(stockColumns)
    .from(stock)
    .innerJoin(warehouses, and(eq(warehouses.tenantId, stock.tenantId), eq(warehouses.id, stock.warehouseId)))
    .innerJoin(locations, and(eq(locations.tenantId, stock.tenantId), eq(locations.id, stock.locationId)))
    .innerJoin(items, and(eq(items.tenantId, stock.tenantId), eq(items.id, stock.itemId)))
    .leftJoin(lots, and(eq(lots.tenantId, stock.tenantId), eq(lots.id, stock.lotId)))
    .where(and(...stockConditions(tenantId, query)))
    .orderBy(asc(warehouses.code), asc(locations.code), asc(items.sku), asc(lotSortKey), asc(stock.id))
    .limit(query.limit);
}

/** One stock row by location, item and lot, locked for the caller's transaction, or undefined. */
export async function lockStockRow(
  db: Db,
  tenantId: string,
  key: { locationId: string; itemId: string; lotId: string | null },
): Promise<{ id: string; onHand: number; weightKg: number | null } | undefined> {
  const [row] = await db
    .select({ id: stock.id, onHand: stock.onHand, weightKg: stock.weightKg })
    .from(stock)
    .where(
      and(
        tenantRows({ tenantId }, stock),
        eq(stock.locationId, key.locationId),
        eq(stock.itemId, key.itemId),
        key.lotId === null ? sql`${stock.lotId} is null` : eq(stock.lotId, key.lotId),
      ),
    )
    .for('update')
    .limit(1);
  return row;
}

/** The item's stock rows at a location with something on hand (to find the one lot there). */
export async function listStockAtLocation(
  db: Db,
  tenantId: string,
  locationId: string,
  itemId: string,
): Promise<{ lotId: string | null; onHand: number }[]> {
  return db
    .select({ lotId: stock.lotId, onHand: stock.onHand })
    .from(stock)
    .where(
      and(
        tenantRows({ tenantId }, stock),
        eq(stock.locationId, locationId),
        eq(stock.itemId, itemId),
        sql`${stock.onHand} > 0`,
      ),
    );
}

/** Stores a receipt header (its lines are the receipt moves). */
export async function insertReceiptRow(db: Db, row: typeof receipts.$inferInsert): Promise<void> {
  await db.insert(receipts).values(row);
}

/** Deletes a receipt header that ended up with no moves (an import whose rows were all rejected). */
export async function deleteReceiptRow(db: Db, tenantId: string, id: string): Promise<void> {
  await db.delete(receipts).where(and(tenantRows({ tenantId }, receipts), eq(receipts.id, id)));
}

/** The warehouse's stock rows with the sum of the active reservations on each. */
export async function listStockWithReservations(db: Db, tenantId: string, warehouseId: string) {
  return db
    .select({
      id: stock.id,
      locationId: stock.locationId,
      itemId: stock.itemId,
      lotId: stock.lotId,
      onHand: stock.onHand,
      reserved: reservedOfRow,
    })
    .from(stock)
    .where(and(tenantRows({ tenantId }, stock), eq(stock.warehouseId, warehouseId)));
}
