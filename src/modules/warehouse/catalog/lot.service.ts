/**
 * The lots of an item. Lots are created the first time a receipt or import names them and matched by
 * number after that; a lot number always stands for the same dates.
 */
import type { Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
import type { Lot, LotInput } from './catalog.contract.js';
import { lotDatesConflict, lotInvalid } from './catalog.errors.js';
import * as repo from './catalog.repository.js';
import type { LotRow } from './catalog.repository.js';
import { getItem } from './catalog.service.js';

/** The item's lots by lot number (404 for an unknown item). */
export async function listLots(
  deps: Pick<WarehouseDeps, 'db'>,
  actor: Actor,
  itemId: string,
): Promise<{ items: Lot[] }> {
  await getItem(deps, actor, itemId);
  return { items: (await repo.listLotRows(deps.db, actor.tenantId, itemId)).map(toLot) };
}

/** The item's lot with this number, or 400 on the field `path` (a lot is only created by receiving it). */
export async function requireLot(
  db: Db,
  tenantId: string,
  itemId: string,
  lotNumber: string,
  path: string,
): Promise<LotRow> {
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
): Promise<LotRow> {
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

/** The lots with these (item, lot number) pairs (for imports). */
export async function findLotsByNumbers(
  db: Db,
  tenantId: string,
  keys: { itemId: string; lotNumber: string }[],
): Promise<LotRow[]> {
  return repo.findLotRowsByNumbers(db, tenantId, keys);
}

/** Stores new lots in one statement; answers the ids stored (a number the item has is left alone). */
export async function insertLots(
  tx: Db,
  tenantId: string,
  rows: Parameters<typeof repo.insertLotRows>[2],
  createdAt: Date,
): Promise<string[]> {
  return repo.insertLotRows(tx, tenantId, rows, createdAt);
}

/** Why a lot's own dates cannot be, or undefined: expiry before production. */
export function lotDatesIssue(input: LotInput): string | undefined {
  if (input.productionDate && input.expiryDate && input.expiryDate < input.productionDate)
    return `expiry ${input.expiryDate} is before production ${input.productionDate}`;
  return undefined;
}

/** How `input` contradicts the stored lot, or undefined when every date it gives matches. */
export function lotConflict(
  stored: Pick<LotRow, 'productionDate' | 'expiryDate'>,
  input: LotInput,
): string | undefined {
  if (input.productionDate !== undefined && input.productionDate !== stored.productionDate)
    return `has production date ${stored.productionDate ?? 'none'}, not ${input.productionDate}`;
  if (input.expiryDate !== undefined && input.expiryDate !== stored.expiryDate)
    return `has expiry date ${stored.expiryDate ?? 'none'}, not ${input.expiryDate}`;
  return undefined;
}

/** The API shape of a lot row. */
export function toLot(row: LotRow): Lot {
  return {
    id: row.id,
    itemId: row.itemId,
    lotNumber: row.lotNumber,
    productionDate: row.productionDate,
    expiryDate: row.expiryDate,
    supplierId: row.supplierId,
  };
}

export type { LotRow };
