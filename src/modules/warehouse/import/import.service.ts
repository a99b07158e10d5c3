/**
 * CSV import of locations, items and stock. Every row is accounted for: good rows are stored, bad
 * rows are reported with their line and column and change nothing (each row runs in a savepoint of
 * one transaction). Stock rows become one receipt (reference `import`) with a receipt move per row,
 * straight into the row's location and back-dated to its putaway time.
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { isAppError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { findItemsBySku, findOrCreateLot, requireItemBySku, writeItem } from '../catalog/catalog.service.js';
import type { WarehouseRow } from '../layout/layout.repository.js';
import { requireLocationByCode, requireWarehouseRow, writeLocation } from '../layout/layout.service.js';
import { recordMoves } from '../stock/ledger.js';
import { deleteReceiptRow, insertReceiptRow } from '../stock/stock.repository.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
import { decodeCsvBytes, parseCsvTable, type CsvLine } from './csv-file.js';
import { cellsOf, mapColumns } from './import-columns.js';
import { itemInputOf, locationInputOf, RowRejected, stockLineOf } from './import-values.js';
import type { ImportKind, WarehouseImportReport } from './import.contract.js';
import { importColumnsMissing, importWarehouseRequired } from './import.errors.js';

type Cells = Record<string, string | undefined>;
/** Writes one row inside its savepoint; answers whether it created (true) or updated (false). */
type RowWriter = (tx: Db, cells: Cells) => Promise<boolean>;

/**
 * Imports a CSV file (UTF-8, UTF-8 with BOM or GB18030; English or Chinese headers) of `kind`.
 * Locations and stock need `warehouseId`. Items are matched by SKU and locations by code: a match is
 * updated, anything else created.
 */
export async function importWarehouseCsv(
  deps: WarehouseDeps,
  actor: Actor,
  kind: ImportKind,
  bytes: Buffer,
  options: { warehouseId?: string },
): Promise<WarehouseImportReport> {
  requirePermission(actor, 'warehouse.stock');
  const table = parseCsvTable(decodeCsvBytes(bytes));
  const { index, missing } = mapColumns(kind, table.headers);
  if (missing.length > 0) throw importColumnsMissing(missing);
  const warehouse =
    kind === 'items'
      ? undefined
      : await requireWarehouseRow(deps.db, actor.tenantId, options.warehouseId ?? missingWarehouse());
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const receiptId = kind === 'stock' ? newId() : undefined;
    if (receiptId) {
      await insertReceiptRow(tx, {
        tenantId: actor.tenantId,
        id: receiptId,
        warehouseId: warehouse!.id,
        reference: 'import',
        receivedAt: now,
        createdByUserId: actor.userId,
      });
    }
    const write = writerOf(kind, { tenantId: actor.tenantId, actor, now, warehouse, receiptId });
    const report = await importRows(tx, table.rows, index, write);
    if (receiptId && report.created === 0) await deleteReceiptRow(tx, actor.tenantId, receiptId);
    return report;
  });
}

async function importRows(
  tx: Db,
  rows: CsvLine[],
  index: Map<string, number>,
  write: RowWriter,
): Promise<WarehouseImportReport> {
  const report: WarehouseImportReport = { rows: rows.length, created: 0, updated: 0, rejected: [] };
  for (const row of rows) {
    try {
      const created = await tx.transaction((savepoint) => write(savepoint, cellsOf(row.values, index)));
      if (created) report.created++;
      else report.updated++;
    } catch (error) {
      if (error instanceof RowRejected) {
        report.rejected.push({ row: row.line, field: error.field, message: error.message });
      } else if (isAppError(error) && error.kind !== 'forbidden') {
        const issue = error.issues?.[0];
        report.rejected.push({
          row: row.line,
          field: columnOf(issue?.path ?? 'row'),
          message: issue?.message ?? error.message,
        });
      } else throw error;
    }
  }
  return report;
}

type WriterContext = {
  tenantId: string;
  actor: Actor;
  now: Date;
  warehouse: WarehouseRow | undefined;
  receiptId: string | undefined;
};

function writerOf(kind: ImportKind, context: WriterContext): RowWriter {
  const { tenantId, now } = context;
  switch (kind) {
    case 'locations':
      return async (tx, cells) =>
        (
          await writeLocation(tx, tenantId, context.warehouse!, locationInputOf(cells), now, {
            replace: true,
          })
        ).created;
    case 'items':
      return async (tx, cells) => {
        const input = itemInputOf(cells);
        const existing = (await findItemsBySku(tx, tenantId, [input.sku])).get(input.sku);
        if (!existing && input.name === undefined) throw new RowRejected('name', 'required for a new SKU');
        const name = input.name ?? existing!.name;
        return (await writeItem(tx, tenantId, { ...input, name }, now, { replace: true })).created;
      };
    case 'stock':
      return async (tx, cells) => {
        await writeStockRow(tx, context, cells);
        return true;
      };
  }
}

async function writeStockRow(tx: Db, context: WriterContext, cells: Cells): Promise<void> {
  const { tenantId, now } = context;
  const warehouse = context.warehouse!;
  const line = stockLineOf(cells);
  const location = await requireLocationByCode(tx, tenantId, warehouse.id, line.location, 'location');
  const item = await requireItemBySku(tx, tenantId, line.sku, 'sku');
  if (item.catchWeight && line.weightKg === undefined)
    throw new RowRejected('weightKg', `${line.sku} is a catch-weight item: give the weight`);
  const lot = line.lot
    ? await findOrCreateLot(tx, tenantId, item.id, line.lot, {
        supplierId: item.supplierId,
        now,
        path: 'lot',
      })
    : undefined;
  await recordMoves(tx, tenantId, [
    {
      warehouseId: warehouse.id,
      kind: 'receipt',
      itemId: item.id,
      lotId: lot?.id ?? null,
      toLocationId: location.id,
      quantity: line.quantity,
      weightKg: line.weightKg ?? null,
      receiptId: context.receiptId,
      actorUserId: context.actor.userId,
      occurredAt: line.putawayAt ?? now,
    },
  ]);
}

/** The CSV column an input field of the services was read from. */
function columnOf(path: string): string {
  if (path === 'supplierCode') return 'supplier';
  if (path === 'allocationStrategy') return 'strategy';
  return path.split('.')[0]!;
}

function missingWarehouse(): never {
  throw importWarehouseRequired();
}
