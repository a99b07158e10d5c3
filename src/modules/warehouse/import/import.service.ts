/**
 * CSV import of locations, items and stock. Every row is accounted for: good rows are stored, bad
 * rows are reported with their line and column and change nothing. The file is handled in chunks of
 * `CHUNK_ROWS` rows, each checked in memory against what it refers to (one lookup per table) and
 * written with one statement per table in its own transaction — so other requests get the database
 * between chunks, and an import that fails midway (the database gone, say) leaves the chunks before
 * it stored. Stock rows become one receipt (reference `import`) with a receipt move per row, straight
 * into the row's location and back-dated to its putaway time.
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import { requestMaintenance } from '../../../platform/db/maintain.js';
import { newId } from '../../../platform/ids.js';
import { requireWarehouseRow } from '../layout/layout.service.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
import { decodeCsvBytes, parseCsvTable } from './csv-file.js';
import { ChunkRaced, type ChunkImporter, type ImportContext, type ImportRow } from './import-chunk.js';
import { cellsOf, mapColumns } from './import-columns.js';
import { importItemChunk } from './import-items.service.js';
import { importLocationChunk } from './import-locations.service.js';
import { importStockChunk } from './import-stock.service.js';
import type { ImportKind, WarehouseImportReport } from './import.contract.js';
import { importColumnsMissing, importWarehouseRequired } from './import.errors.js';

/** Rows per chunk: one transaction, one lookup and one write per table. */
export const CHUNK_ROWS = 500;
/** A chunk whose lookups another request overtook is run again, up to this many times in all. */
const CHUNK_ATTEMPTS = 3;

const IMPORTERS: Record<ImportKind, ChunkImporter> = {
  locations: importLocationChunk,
  items: importItemChunk,
  stock: importStockChunk,
};

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
  const context: ImportContext = {
    tenantId: actor.tenantId,
    actor,
    now: deps.clock.now(),
    warehouse,
    receipt: kind === 'stock' ? { id: newId(), stored: false } : undefined,
  };
  const rows: ImportRow[] = table.rows.map((row) => ({ line: row.line, cells: cellsOf(row.values, index) }));
  const report: WarehouseImportReport = { rows: rows.length, created: 0, updated: 0, rejected: [] };
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    const chunk = rows.slice(start, start + CHUNK_ROWS);
    const outcome = await importChunk(deps, context, IMPORTERS[kind], chunk);
    report.created += outcome.created;
    report.updated += outcome.updated;
    report.rejected.push(...outcome.rejected);
    if (context.receipt && outcome.created > 0) context.receipt.stored = true;
  }
  const changed = report.created + report.updated;
  await requestMaintenance(deps.db, deps.clock, { rows: changed, reason: `warehouse.import.${kind}` });
  return report;
}

async function importChunk(
  deps: WarehouseDeps,
  context: ImportContext,
  importer: ChunkImporter,
  rows: ImportRow[],
): ReturnType<ChunkImporter> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await deps.db.transaction((tx) => importer(tx, context, rows));
    } catch (error) {
      if (!(error instanceof ChunkRaced) || attempt >= CHUNK_ATTEMPTS) throw error;
    }
  }
}

function missingWarehouse(): never {
  throw importWarehouseRequired();
}
