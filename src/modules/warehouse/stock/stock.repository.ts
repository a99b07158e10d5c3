/** Queries of stock rows, the ledger and what the ledger says stock should be. */
import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../platform/db/database.js';
import { tenantRows } from '../../../platform/tenancy.js';
import { items, lots } from '../catalog/catalog.table.js';
import { escapeLike } from '../layout/layout.contract.js';
import { locations, warehouses } from '../layout/layout.table.js';
import type { MoveKind } from './stock.contract.js';
import { receipts, stock, stockMoves } from './stock.table.js';

/** Where a stock page continues: the sort key of the last row. */
export type StockCursor = [
  warehouseCode: string,
  locationCode: string,
  sku: string,
  lotNumber: string,
  id: string,
];
/** Where a move page continues: the time and id of the last move. */
export type MoveCursor = [occurredAt: string, id: string];

// Written out with qualified names: drizzle leaves columns unqualified in single-table selects, which
// inside this subquery would resolve to the reservations table.
const reservedOfRow = sql<number>`coalesce((select sum(r.quantity) from reservations r where r.tenant_id = "stock"."tenant_id" and r.stock_id = "stock"."id" and r.status = 'active'), 0)::int`;
const lotSortKey = sql<string>`coalesce(${lots.lotNumber}, '')`;

/** A stock row with its location, item and lot, and the sum of its active reservations. */
export type StockReadRow = Awaited<ReturnType<typeof listStockRows>>[number];

/** A page of stock rows by warehouse code, location code, SKU and lot number. */
export async function listStockRows(
  db: Db,
  tenantId: string,
  query: {
    warehouseId?: string;
    itemId?: string;
    q?: string;
    location?: string;
    lot?: string;
    includeEmpty: boolean;
    after?: StockCursor;
    limit: number;
  },
) {
  const like = query.q ? `%${escapeLike(query.q)}%` : undefined;
  const filters: (SQL | undefined)[] = [
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
  return db
    .select({
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
    })
    .from(stock)
    .innerJoin(warehouses, and(eq(warehouses.tenantId, stock.tenantId), eq(warehouses.id, stock.warehouseId)))
    .innerJoin(locations, and(eq(locations.tenantId, stock.tenantId), eq(locations.id, stock.locationId)))
    .innerJoin(items, and(eq(items.tenantId, stock.tenantId), eq(items.id, stock.itemId)))
    .leftJoin(lots, and(eq(lots.tenantId, stock.tenantId), eq(lots.id, stock.lotId)))
    .where(and(...filters))
    .orderBy(asc(warehouses.code), asc(locations.code), asc(items.sku), asc(lotSortKey), asc(stock.id))
    .limit(query.limit);
}

const fromLocation = alias(locations, 'from_location');
const toLocation = alias(locations, 'to_location');

/** A ledger move with its SKU, lot number and location codes. */
export type MoveReadRow = Awaited<ReturnType<typeof listMoveRows>>[number];

/** A page of ledger moves, newest first; `ids` picks moves by id instead of paging. */
export async function listMoveRows(
  db: Db,
  tenantId: string,
  query: {
    warehouseId?: string;
    itemId?: string;
    kind?: MoveKind;
    orderId?: string;
    location?: string;
    ids?: string[];
    after?: MoveCursor;
    limit: number;
  },
) {
  return db
    .select({
      id: stockMoves.id,
      warehouseId: stockMoves.warehouseId,
      kind: stockMoves.kind,
      itemId: stockMoves.itemId,
      sku: items.sku,
      lotId: stockMoves.lotId,
      lotNumber: lots.lotNumber,
      fromLocationId: stockMoves.fromLocationId,
      fromLocationCode: fromLocation.code,
      toLocationId: stockMoves.toLocationId,
      toLocationCode: toLocation.code,
      quantity: stockMoves.quantity,
      weightKg: stockMoves.weightKg,
      receiptId: stockMoves.receiptId,
      orderId: stockMoves.orderId,
      orderLineNo: stockMoves.orderLineNo,
      reason: stockMoves.reason,
      note: stockMoves.note,
      actorUserId: stockMoves.actorUserId,
      occurredAt: stockMoves.occurredAt,
    })
    .from(stockMoves)
    .innerJoin(items, and(eq(items.tenantId, stockMoves.tenantId), eq(items.id, stockMoves.itemId)))
    .leftJoin(lots, and(eq(lots.tenantId, stockMoves.tenantId), eq(lots.id, stockMoves.lotId)))
    .leftJoin(
      fromLocation,
      and(eq(fromLocation.tenantId, stockMoves.tenantId), eq(fromLocation.id, stockMoves.fromLocationId)),
    )
    .leftJoin(
      toLocation,
      and(eq(toLocation.tenantId, stockMoves.tenantId), eq(toLocation.id, stockMoves.toLocationId)),
    )
    .where(
      and(
        tenantRows({ tenantId }, stockMoves),
        query.warehouseId ? eq(stockMoves.warehouseId, query.warehouseId) : undefined,
        query.itemId ? eq(stockMoves.itemId, query.itemId) : undefined,
        query.kind ? eq(stockMoves.kind, query.kind) : undefined,
        query.orderId ? eq(stockMoves.orderId, query.orderId) : undefined,
        query.location
          ? or(eq(fromLocation.code, query.location), eq(toLocation.code, query.location))
          : undefined,
        query.ids ? inArray(stockMoves.id, query.ids) : undefined,
        query.after
          ? sql`(${stockMoves.occurredAt}, ${stockMoves.id}) < (${query.after[0]}::timestamptz, ${query.after[1]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(stockMoves.occurredAt), desc(stockMoves.id))
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

/** The warehouse's ledger summed per (kind is allocation, from, to, item, lot). */
export async function sumLedger(db: Db, tenantId: string, warehouseId: string) {
  const isAllocation = sql<boolean>`${stockMoves.kind} = 'allocation'`;
  return db
    .select({
      allocation: isAllocation,
      fromLocationId: stockMoves.fromLocationId,
      toLocationId: stockMoves.toLocationId,
      itemId: stockMoves.itemId,
      lotId: stockMoves.lotId,
      quantity: sql<number>`sum(${stockMoves.quantity})::int`,
    })
    .from(stockMoves)
    .where(and(tenantRows({ tenantId }, stockMoves), eq(stockMoves.warehouseId, warehouseId)))
    .groupBy(
      isAllocation,
      stockMoves.fromLocationId,
      stockMoves.toLocationId,
      stockMoves.itemId,
      stockMoves.lotId,
    );
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

/** Codes to show for the warehouse's locations and for these items and lots. */
export async function listLedgerCodes(
  db: Db,
  tenantId: string,
  warehouseId: string,
  ids: { itemIds: string[]; lotIds: string[] },
) {
  const locationRows = await db
    .select({ id: locations.id, code: locations.code })
    .from(locations)
    .where(and(tenantRows({ tenantId }, locations), eq(locations.warehouseId, warehouseId)));
  const itemRows =
    ids.itemIds.length === 0
      ? []
      : await db
          .select({ id: items.id, code: items.sku })
          .from(items)
          .where(and(tenantRows({ tenantId }, items), inArray(items.id, ids.itemIds)));
  const lotRows =
    ids.lotIds.length === 0
      ? []
      : await db
          .select({ id: lots.id, code: lots.lotNumber })
          .from(lots)
          .where(and(tenantRows({ tenantId }, lots), inArray(lots.id, ids.lotIds)));
  const byId = (rows: { id: string; code: string }[]) => new Map(rows.map((r) => [r.id, r.code]));
  return { locations: byId(locationRows), items: byId(itemRows), lots: byId(lotRows) };
}

/** How many moves the warehouse's ledger has. */
export async function countMoves(db: Db, tenantId: string, warehouseId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(stockMoves)
    .where(and(tenantRows({ tenantId }, stockMoves), eq(stockMoves.warehouseId, warehouseId)));
  return row?.n ?? 0;
}
