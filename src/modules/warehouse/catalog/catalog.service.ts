/** Items (SKUs) and suppliers; an item's lots are in `lot.service.ts`. */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
import type {
  CreateItemInput,
  CreateSupplierInput,
  Item,
  ItemPage,
  ItemQuery,
  Supplier,
  SupplierList,
  UpdateItemInput,
} from './catalog.contract.js';
import {
  itemCursorInvalid,
  itemNotFound,
  itemSkuTaken,
  supplierCodeTaken,
  unknownSku,
  unknownSupplier,
} from './catalog.errors.js';
import * as repo from './catalog.repository.js';
import type { ItemFieldChanges } from './catalog.repository.js';

/** Creates an item (409 `warehouse.item.sku_taken`; 400 on `supplierCode` for an unknown supplier). */
export async function createItem(deps: WarehouseDeps, actor: Actor, input: CreateItemInput): Promise<Item> {
  requirePermission(actor, 'warehouse.stock');
  const { item, created } = await deps.db.transaction((tx) =>
    writeItem(tx, actor.tenantId, input, deps.clock.now(), { replace: false }),
  );
  if (!created) throw itemSkuTaken(input.sku);
  return item;
}

/** A page of items by SKU, matching `q` in SKU, name or barcode (keyset paging with `after`). */
export async function listItems(
  deps: Pick<WarehouseDeps, 'db'>,
  actor: Actor,
  query: ItemQuery,
): Promise<ItemPage> {
  requirePermission(actor, 'warehouse.read');
  const rows = await repo.listItemRows(deps.db, actor.tenantId, {
    q: query.q || undefined,
    afterSku: decodeItemCursor(query.after),
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toItem),
    nextCursor: rows.length > query.limit && last ? Buffer.from(last.sku).toString('base64url') : null,
  };
}

/** One item (404 `warehouse.item.not_found`). */
export async function getItem(deps: Pick<WarehouseDeps, 'db'>, actor: Actor, id: string): Promise<Item> {
  requirePermission(actor, 'warehouse.read');
  const row = await repo.findItemRow(deps.db, actor.tenantId, id);
  if (!row) throw itemNotFound(id);
  return toItem(row);
}

/** Changes an item; fields left out stay, `allocationStrategy: null` follows the warehouse again. */
export async function updateItem(
  deps: WarehouseDeps,
  actor: Actor,
  id: string,
  input: UpdateItemInput,
): Promise<Item> {
  requirePermission(actor, 'warehouse.stock');
  const supplierId =
    input.supplierCode === undefined
      ? undefined
      : await requireSupplierId(deps.db, actor.tenantId, input.supplierCode, 'supplierCode');
  const found = await repo.updateItemRow(deps.db, actor.tenantId, id, {
    ...itemFields(input),
    supplierId,
    updatedAt: deps.clock.now(),
  });
  if (!found) throw itemNotFound(id);
  return getItem(deps, actor, id);
}

/** Creates a supplier (409 `warehouse.supplier.code_taken`). */
export async function createSupplier(
  deps: WarehouseDeps,
  actor: Actor,
  input: CreateSupplierInput,
): Promise<Supplier> {
  requirePermission(actor, 'warehouse.stock');
  const row = {
    tenantId: actor.tenantId,
    id: newId(),
    code: input.code,
    name: input.name,
    createdAt: deps.clock.now(),
  };
  if (!(await repo.insertSupplierRow(deps.db, row))) throw supplierCodeTaken(input.code);
  return toSupplier(row);
}

/** The tenant's suppliers by code. */
export async function listSuppliers(deps: Pick<WarehouseDeps, 'db'>, actor: Actor): Promise<SupplierList> {
  requirePermission(actor, 'warehouse.read');
  return { items: (await repo.listSupplierRows(deps.db, actor.tenantId)).map(toSupplier) };
}

/**
 * Stores an item inside the caller's transaction; with `replace`, an item of the same SKU is changed
 * to the fields given instead of left alone. Answers whether it was new.
 */
export async function writeItem(
  tx: Db,
  tenantId: string,
  input: CreateItemInput,
  now: Date,
  options: { replace: boolean },
): Promise<{ item: Item; created: boolean }> {
  const supplierId =
    input.supplierCode === undefined
      ? null
      : await requireSupplierId(tx, tenantId, input.supplierCode, 'supplierCode');
  const fields = itemFields(input);
  const created = await repo.insertItemRow(tx, {
    tenantId,
    id: newId(),
    sku: input.sku,
    ...fields,
    name: input.name,
    supplierId,
    createdAt: now,
    updatedAt: now,
  });
  const existing = (await repo.findItemRowsBySku(tx, tenantId, [input.sku])).get(input.sku)!;
  if (!created && options.replace) {
    await repo.updateItemRow(tx, tenantId, existing.id, {
      ...fields,
      supplierId: input.supplierCode === undefined ? undefined : supplierId,
      updatedAt: now,
    });
    return { item: toItem((await repo.findItemRow(tx, tenantId, existing.id))!), created };
  }
  return { item: toItem(existing), created };
}

/** The tenant's items with these SKUs, keyed by SKU (for receipts and imports). */
export async function findItemsBySku(
  db: Db,
  tenantId: string,
  skus: string[],
): Promise<Map<string, repo.ItemRow>> {
  return repo.findItemRowsBySku(db, tenantId, skus);
}

/** The tenant's suppliers with these codes, keyed by code (for imports). */
export async function findSuppliersByCodes(
  db: Db,
  tenantId: string,
  codes: string[],
): Promise<Map<string, repo.SupplierRow>> {
  return repo.findSupplierRowsByCodes(db, tenantId, codes);
}

/** Stores new items in one statement; answers the SKUs stored (a SKU the tenant has is left alone). */
export async function insertItems(
  tx: Db,
  tenantId: string,
  rows: repo.NewItemRow[],
  createdAt: Date,
): Promise<string[]> {
  return repo.insertItemRows(tx, tenantId, rows, createdAt);
}

/** Changes items by id in one statement, each only in the fields given; answers the ids changed. */
export async function updateItemsGiven(
  tx: Db,
  tenantId: string,
  rows: ItemFieldChanges[],
  updatedAt: Date,
): Promise<string[]> {
  return repo.updateItemRowsGiven(tx, tenantId, rows, updatedAt);
}

/** The item with this SKU, or 400 `warehouse.item.unknown_sku` on the input field `path`. */
export async function requireItemBySku(
  db: Db,
  tenantId: string,
  sku: string,
  path: string,
): Promise<repo.ItemRow> {
  const row = (await repo.findItemRowsBySku(db, tenantId, [sku])).get(sku);
  if (!row) throw unknownSku(path, sku);
  return row;
}

/** The id of the supplier with this code, or 400 `warehouse.supplier.unknown` on the field `path`. */
export async function requireSupplierId(
  db: Db,
  tenantId: string,
  code: string,
  path: string,
): Promise<string> {
  const row = await repo.findSupplierRowByCode(db, tenantId, code);
  if (!row) throw unknownSupplier(path, code);
  return row.id;
}

function itemFields(input: UpdateItemInput): Omit<repo.ItemChanges, 'updatedAt' | 'supplierId'> {
  return {
    name: input.name,
    unit: input.unit,
    weightKg: input.weightKg,
    barcode: input.barcode,
    catchWeight: input.catchWeight,
    allocationStrategy: input.allocationStrategy,
  };
}

function decodeItemCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const sku = Buffer.from(cursor, 'base64url').toString('utf8');
  if (sku.length === 0 || Buffer.from(sku).toString('base64url') !== cursor) throw itemCursorInvalid();
  return sku;
}

/** The API shape of an item row. */
export function toItem(row: repo.ItemRow): Item {
  return {
    id: row.id,
    sku: row.sku,
    name: row.name,
    unit: row.unit,
    weightKg: row.weightKg,
    barcode: row.barcode,
    catchWeight: row.catchWeight,
    allocationStrategy: row.allocationStrategy as Item['allocationStrategy'],
    supplierId: row.supplierId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function toSupplier(row: repo.SupplierRow): Supplier {
  return { id: row.id, code: row.code, name: row.name, createdAt: row.createdAt.toISOString() };
}

export type { ItemFieldChanges };
