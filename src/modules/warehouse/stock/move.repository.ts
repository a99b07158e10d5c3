/** Queries of the ledger's moves: pages of moves with their codes, and the ledger summed for a replay. */
import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../platform/db/database.js';
import { tenantRows } from '../../../platform/tenancy.js';
import { items, lots } from '../catalog/catalog.table.js';
import { locations } from '../layout/layout.table.js';
import type { MoveKind } from './stock.contract.js';
import { stockMoves } from './stock.table.js';

/** Where a move page continues: the time and id of the last move. */
export type MoveCursor = [occurredAt: string, id: string];

/** What a page of moves is filtered by; `ids` picks moves by id instead of paging. */
export type MoveFilter = {
  warehouseId?: string;
  itemId?: string;
  kind?: MoveKind;
  orderId?: string;
  location?: string;
  ids?: string[];
  after?: MoveCursor;
  limit: number;
};

const fromLocation = alias(locations, 'from_location');
const toLocation = alias(locations, 'to_location');

const moveColumns = {
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
};

/** The conditions of a move page: the tenant, each filter given and the cursor. */
function moveConditions(tenantId: string, query: MoveFilter): (SQL | undefined)[] {
  return [
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
  ];
}

/** A ledger move with its SKU, lot number and location codes. */
export type MoveReadRow = Awaited<ReturnType<typeof listMoveRows>>[number];

/** A page of ledger moves, newest first; `ids` picks moves by id instead of paging. */
export async function listMoveRows(db: Db, tenantId: string, query: MoveFilter) {
  return db
    .select(moveColumns)
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
    .where(and(...moveConditions(tenantId, query)))
    .orderBy(desc(stockMoves.occurredAt), desc(stockMoves.id))
    .limit(query.limit);
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
