/**
 * Items (SKUs), their lots and suppliers. Lots are created the first time a receipt or import names
 * them and matched by number after that; a lot number always stands for the same dates.
 */
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
  Lot,
  LotInput,
  Supplier,
  SupplierList,
  UpdateItemInput,
} from './catalog.contract.js';
import {
  itemCursorInvalid,
  itemNotFound,
  itemSkuTaken,
  lotDatesConflict,
  lotInvalid,
  supplierCodeTaken,
  unknownSku,
  unknownSupplier,
} from './catalog.errors.js';
import * as repo from './catalog.repository.js';

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

/** The item's lots by lot number (404 for an unknown item). */
export async function listLots(
  deps: Pick<WarehouseDeps, 'db'>,
  actor: Actor,
  itemId: string,
): Promise<{ items: Lot[] }> {
  await getItem(deps, actor, itemId);
  return { items: (await repo.listLotRows(deps.db, actor.tenantId, itemId)).map(toLot) };
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

/** The item's lot with this number, or 400 on the field `path` (a lot is only created by receiving it). */
export async function requireLot(
  db: Db,
  tenantId: string,
  itemId: string,
  lotNumber: string,
  path: string,
): Promise<repo.LotRow> {
  const row = await repo.findLotRow(db, tenantId, itemId, lotNumber);
  if (!row) throw lotInvalid(path, `no lot ${lotNumber} of this item`);
  return row;
}

/**
 * The item's lot `input.lotNumber`, created when new (inside the caller's transaction). A lot whose
 * expiry is before its production is 400 `warehouse.lot.invalid`; a known lot number given with other
 * dates than it has is 409 `warehouse.lot.dates_conflict` (a date left out matches). `path` names
 * the input field in errors.
 */
export async function findOrCreateLot(
  tx: Db,
  tenantId: string,
  itemId: string,
  input: LotInput,
  context: { supplierId: string | null; now: Date; path: string },
): Promise<repo.LotRow> {
  const invalid = lotDatesIssue(input);
  if (invalid) throw lotInvalid(context.path, invalid);
  let row = await repo.findLotRow(tx, tenantId, itemId, input.lotNumber);
  if (!row) {
    await repo.insertLotRow(tx, {
      tenantId,
      id: newId(),
      itemId,
      lotNumber: input.lotNumber,
      productionDate: input.productionDate ?? null,
      expiryDate: input.expiryDate ?? null,
      supplierId: context.supplierId,
      createdAt: context.now,
    });
    row = (await repo.findLotRow(tx, tenantId, itemId, input.lotNumber))!;
  }
  const conflict = lotConflict(row, input);
  if (conflict) throw lotDatesConflict(context.path, input.lotNumber, conflict);
  return row;
}

/** Why a lot's own dates cannot be, or undefined: expiry before production. */
export function lotDatesIssue(input: LotInput): string | undefined {
  if (input.productionDate && input.expiryDate && input.expiryDate < input.productionDate)
    return `expiry ${input.expiryDate} is before production ${input.productionDate}`;
  return undefined;
}

/** How `input` contradicts the stored lot, or undefined when every date it gives matches. */
export function lotConflict(
  stored: Pick<repo.LotRow, 'productionDate' | 'expiryDate'>,
  input: LotInput,
): string | undefined {
  if (input.productionDate !== undefined && input.productionDate !== stored.productionDate)
    return `has production date ${stored.productionDate ?? 'none'}, not ${input.productionDate}`;
  if (input.expiryDate !== undefined && input.expiryDate !== stored.expiryDate)
    return `has expiry date ${stored.expiryDate ?? 'none'}, not ${input.expiryDate}`;
  return undefined;
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

/** The API shape of a lot row. */
export function toLot(row: repo.LotRow): Lot {
  return {
    id: row.id,
    itemId: row.itemId,
    lotNumber: row.lotNumber,
    productionDate: row.productionDate,
    expiryDate: row.expiryDate,
    supplierId: row.supplierId,
  };
}

function toSupplier(row: repo.SupplierRow): Supplier {
  return { id: row.id, code: row.code, name: row.name, createdAt: row.createdAt.toISOString() };
}
