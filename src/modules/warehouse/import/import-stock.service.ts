/**
 * The stock import, a chunk at a time: each good row is a `receipt` move of the file's one receipt
 * (reference `import`) straight into its location, dated at its putaway time. Lots are created the
 * first time a good row names them and matched by number after that — also within the file: a later
 * row naming a lot with other dates than an earlier row gave it is rejected.
 */
import type { Db } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { lotDatesConflict, lotInvalid, unknownSku } from '../catalog/catalog.errors.js';
import { findItemsBySku } from '../catalog/catalog.service.js';
import {
  findLotsByNumbers,
  insertLots,
  lotConflict,
  lotDatesIssue,
  type LotRow,
} from '../catalog/lot.service.js';
import { locationNotFound } from '../layout/layout.errors.js';
import { findLocationsByCodes } from '../layout/location.service.js';
import { recordMoves } from '../stock/ledger.service.js';
import type { NewMove } from '../stock/stock.contract.js';
import { storeReceipt } from '../stock/stock.service.js';
import {
  ChunkRaced,
  checkRow,
  type ChunkOutcome,
  type ImportContext,
  type ImportRow,
} from './import-chunk.js';
import { RowRejected, stockLineOf, type StockLine } from './import-values.js';

type Lot = Pick<LotRow, 'id' | 'itemId' | 'lotNumber' | 'productionDate' | 'expiryDate' | 'supplierId'>;

/** Imports a chunk of stock rows (see the file comment). */
export async function importStockChunk(
  tx: Db,
  context: ImportContext,
  rows: ImportRow[],
): Promise<ChunkOutcome> {
  const { tenantId } = context;
  const outcome: ChunkOutcome = { created: 0, updated: 0, rejected: [] };
  const parsed = rows.flatMap((row) => {
    const line = checkRow(row, outcome.rejected, () => stockLineOf(row.cells));
    return line ? [{ row, line }] : [];
  });
  const locations = await findLocationsByCodes(
    tx,
    tenantId,
    context.warehouse!.id,
    parsed.map(({ line }) => line.location),
  );
  const items = await findItemsBySku(
    tx,
    tenantId,
    parsed.map(({ line }) => line.sku),
  );
  const lots = await loadLots(tx, tenantId, parsed, items);
  const known = { locations, items, lots };
  const newLots: Lot[] = [];
  const moves: NewMove[] = [];
  for (const { row, line } of parsed) {
    const move = checkRow(row, outcome.rejected, () => stockMoveOf(context, line, known, newLots));
    if (move) moves.push(move);
  }
  await writeMoves(tx, context, newLots, moves);
  outcome.created = moves.length;
  outcome.rejected.sort((a, b) => a.row - b.row);
  return outcome;
}

/**
 * The `receipt` move of one good row, or the row's rejection (thrown): unknown location or SKU, a
 * catch-weight item without weight, a lot with impossible dates or other dates than it has. A lot
 * seen for the first time is added to `lots` and `newLots`.
 */
function stockMoveOf(
  context: ImportContext,
  line: StockLine,
  known: {
    locations: Map<string, { id: string }>;
    items: Map<string, { id: string; catchWeight: boolean; supplierId: string | null }>;
    lots: Map<string, Lot>;
  },
  newLots: Lot[],
): NewMove {
  const location = known.locations.get(line.location);
  if (!location) throw locationNotFound('location', line.location);
  const item = known.items.get(line.sku);
  if (!item) throw unknownSku('sku', line.sku);
  if (item.catchWeight && line.weightKg === undefined)
    throw new RowRejected('weightKg', `${line.sku} is a catch-weight item: give the weight`);
  let lot: Lot | undefined;
  if (line.lot) {
    const invalid = lotDatesIssue(line.lot);
    if (invalid) throw lotInvalid('lot', invalid);
    lot = known.lots.get(lotKey(item.id, line.lot.lotNumber));
    if (lot) {
      const conflict = lotConflict(lot, line.lot);
      if (conflict) throw lotDatesConflict('lot', line.lot.lotNumber, conflict);
    } else {
      lot = {
        id: newId(),
        itemId: item.id,
        lotNumber: line.lot.lotNumber,
        productionDate: line.lot.productionDate ?? null,
        expiryDate: line.lot.expiryDate ?? null,
        supplierId: item.supplierId,
      };
      known.lots.set(lotKey(item.id, lot.lotNumber), lot);
      newLots.push(lot);
    }
  }
  return {
    warehouseId: context.warehouse!.id,
    kind: 'receipt',
    itemId: item.id,
    lotId: lot?.id ?? null,
    toLocationId: location.id,
    quantity: line.quantity,
    weightKg: line.weightKg ?? null,
    receiptId: context.receipt!.id,
    actorUserId: context.actor.userId,
    occurredAt: line.putawayAt ?? context.now,
  };
}

function lotKey(itemId: string, lotNumber: string): string {
  return `${itemId}|${lotNumber}`;
}

/** The stored lots the chunk's rows name, keyed by item and lot number. */
async function loadLots(
  tx: Db,
  tenantId: string,
  parsed: { line: StockLine }[],
  items: Map<string, { id: string }>,
): Promise<Map<string, Lot>> {
  const keys = new Map<string, { itemId: string; lotNumber: string }>();
  for (const { line } of parsed) {
    const item = items.get(line.sku);
    if (item && line.lot)
      keys.set(lotKey(item.id, line.lot.lotNumber), { itemId: item.id, lotNumber: line.lot.lotNumber });
  }
  const rows = await findLotsByNumbers(tx, tenantId, [...keys.values()]);
  return new Map(rows.map((row) => [lotKey(row.itemId, row.lotNumber), row]));
}

async function writeMoves(tx: Db, context: ImportContext, newLots: Lot[], moves: NewMove[]): Promise<void> {
  if (moves.length === 0) return;
  const receipt = context.receipt!;
  if (!receipt.stored) {
    await storeReceipt(tx, {
      tenantId: context.tenantId,
      id: receipt.id,
      warehouseId: context.warehouse!.id,
      reference: 'import',
      receivedAt: context.now,
      createdByUserId: context.actor.userId,
    });
  }
  const inserted = await insertLots(tx, context.tenantId, newLots, context.now);
  if (inserted.length !== newLots.length) throw new ChunkRaced('a lot was created meanwhile');
  await recordMoves(tx, context.tenantId, moves);
}
