/**
 * Reading stock by location and lot (with what is reserved and available) and the ledger of moves;
 * the stock rows and receipt headers the features above read and write in their own transactions
 * (on-hand quantities change only through the ledger, `ledger.service.ts`).
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { isUuid } from '../../../platform/ids.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
import type {
  MoveKind,
  MovePage,
  MoveQuery,
  StockMove,
  StockPage,
  StockQuery,
  StockRow,
} from './stock.contract.js';
import { stockCursorInvalid } from './stock.errors.js';
import * as moves from './move.repository.js';
import * as repo from './stock.repository.js';

/**
 * Stock rows by warehouse code, location code, SKU and lot number, each with `reserved` (the sum of
 * its active reservations) and `available` (on hand minus reserved); keyset paging with `after`.
 */
export async function listStock(
  deps: Pick<WarehouseDeps, 'db'>,
  actor: Actor,
  query: StockQuery,
): Promise<StockPage> {
  requirePermission(actor, 'warehouse.read');
  const after = decodeCursor(query.after, isStockCursor);
  const rows = await repo.listStockRows(deps.db, actor.tenantId, {
    ...query,
    q: query.q || undefined,
    location: query.location || undefined,
    lot: query.lot || undefined,
    after,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toStockRow),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor([last.warehouseCode, last.locationCode, last.sku, last.lotNumber ?? '', last.id])
        : null,
  };
}

/** Ledger moves, newest first, with SKU, lot number and location codes; keyset paging with `after`. */
/**
 * The external references of a tenant's orders by id. Orders sit above stock, so the ledger gets them
 * from whoever registers its routes (`warehouse.routes.ts` passes the orders feature's lookup).
 */
export type OrderRefs = (tenantId: string, orderIds: string[]) => Promise<Map<string, string>>;

export async function listMoves(
  deps: Pick<WarehouseDeps, 'db'>,
  actor: Actor,
  query: MoveQuery,
  orderRefs: OrderRefs = async () => new Map(),
): Promise<MovePage> {
  requirePermission(actor, 'warehouse.read');
  const after = decodeCursor(query.after, isMoveCursor);
  const rows = await moves.listMoveRows(deps.db, actor.tenantId, { ...query, after, limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const orderIds = [...new Set(page.flatMap((row) => (row.orderId ? [row.orderId] : [])))];
  const refs = orderIds.length > 0 ? await orderRefs(actor.tenantId, orderIds) : new Map<string, string>();
  return {
    items: page.map((row) => ({
      ...toStockMove(row),
      orderRef: row.orderId ? (refs.get(row.orderId) ?? null) : null,
    })),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor([last.occurredAt.toISOString(), last.id]) : null,
  };
}

/** These moves of the tenant, newest first (for answers that report the moves they wrote). */
export async function findMoves(db: Db, tenantId: string, ids: string[]): Promise<StockMove[]> {
  if (ids.length === 0) return [];
  const rows = await moves.listMoveRows(db, tenantId, { ids, limit: ids.length });
  return rows.map(toStockMove);
}

/** One stock row by location, item and lot, locked for the caller's transaction, or undefined. */
export async function lockStockRow(
  tx: Db,
  tenantId: string,
  key: { locationId: string; itemId: string; lotId: string | null },
): Promise<{ id: string; onHand: number; weightKg: number | null } | undefined> {
  return repo.lockStockRow(tx, tenantId, key);
}

/** The item's stock rows at a location with something on hand (to find the one lot there). */
export async function listStockAtLocation(
  db: Db,
  tenantId: string,
  locationId: string,
  itemId: string,
): Promise<{ lotId: string | null; onHand: number }[]> {
  return repo.listStockAtLocation(db, tenantId, locationId, itemId);
}

/** A receipt header to store; its lines are the receipt moves recorded through the ledger. */
export type NewReceipt = Parameters<typeof repo.insertReceiptRow>[1];

/** Stores a receipt header inside the caller's transaction. */
export async function storeReceipt(tx: Db, receipt: NewReceipt): Promise<void> {
  await repo.insertReceiptRow(tx, receipt);
}

function encodeCursor(key: string[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

function decodeCursor<T>(cursor: string | undefined, fits: (value: unknown) => value is T): T | undefined {
  if (cursor === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (fits(value)) return value;
  } catch {
    // falls through to the error below
  }
  throw stockCursorInvalid();
}

function isStockCursor(value: unknown): value is repo.StockCursor {
  return (
    Array.isArray(value) &&
    value.length === 5 &&
    value.every((part) => typeof part === 'string') &&
    isUuid(value[4] as string)
  );
}

function isMoveCursor(value: unknown): value is moves.MoveCursor {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    typeof value[0] === 'string' &&
    !Number.isNaN(new Date(value[0]).getTime()) &&
    typeof value[1] === 'string' &&
    isUuid(value[1])
  );
}

function toStockRow(row: repo.StockReadRow): StockRow {
  return { ...row, available: row.onHand - row.reserved, putawayAt: row.putawayAt.toISOString() };
}

/** The API shape of a ledger move row. */
export function toStockMove(row: moves.MoveReadRow): StockMove {
  return { ...row, kind: row.kind as MoveKind, occurredAt: row.occurredAt.toISOString() };
}
