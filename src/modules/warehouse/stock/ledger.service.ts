/**
 * The one writer of the stock ledger. Every stock change goes through `recordMoves` inside the
 * caller's transaction: the moves are appended (never updated) and the derived `stock` rows are
 * changed by the same amounts, so derived stock always equals the ledger replayed.
 */
import type { AppError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { Db } from '../../../platform/db/database.js';
import {
  CHUNK,
  checkMoves,
  overdrawnError,
  phasesOf,
  rowKey,
  rowsOfMoves,
  type Applied,
  type RowChange,
} from './ledger-phases.js';
import * as repo from './ledger.repository.js';
import { stockKey, type NewMove, type RecordedMoves } from './stock.contract.js';

/**
 * Appends `moves` and applies them to `stock` (call inside a transaction). Taking more than is on
 * hand from a location fails with 409 `warehouse.stock.insufficient` and, in a transaction, changes nothing.
 *
 * Round trips: the moves go in with one multi-row insert; allocation moves change no stock; the
 * physical ones are grouped into phases (see `phasesOf`) and each phase is one `update … from (values …)`
 * for what leaves rows and one `insert … on conflict do update` for what arrives, with the moves of a
 * phase summed per stock row — which gives the same rows as applying them one by one.
 */
export async function recordMoves(tx: Db, tenantId: string, moves: NewMove[]): Promise<RecordedMoves> {
  checkMoves(moves);
  const moveIds = moves.map(() => newId());
  for (let start = 0; start < moves.length; start += CHUNK)
    await repo.insertMoves(
      tx,
      tenantId,
      moves.slice(start, start + CHUNK),
      moveIds.slice(start, start + CHUNK),
    );
  const applied: Applied = { idByKey: new Map(), net: new Map() };
  for (const phase of phasesOf(moves)) {
    await takeFrom(tx, tenantId, phase.takes, applied, moves);
    await putInto(tx, tenantId, phase.puts, applied);
  }
  // In move order, as when the moves were applied one by one.
  const stockIds = new Map<string, string>();
  for (const move of moves) {
    if (move.kind === 'allocation') continue;
    for (const locationId of [move.fromLocationId, move.toLocationId]) {
      if (!locationId) continue;
      const key = stockKey(locationId, move.itemId, move.lotId);
      stockIds.set(key, applied.idByKey.get(key.toLowerCase())!);
    }
  }
  return { moveIds, stockIds };
}

/** Takes the changes' units out of their rows; any row without enough on hand fails the whole call. */
async function takeFrom(
  tx: Db,
  tenantId: string,
  takes: Map<string, RowChange>,
  applied: Applied,
  moves: NewMove[],
): Promise<void> {
  const changes = [...takes.values()];
  for (let start = 0; start < changes.length; start += CHUNK) {
    const chunk = changes.slice(start, start + CHUNK);
    const rows = await repo.takeFromRows(tx, tenantId, chunk);
    const taken = new Set(rows.map(rowKey));
    for (const row of rows) applied.idByKey.set(rowKey(row), row.id);
    for (const change of chunk) {
      const key = change.key.toLowerCase();
      if (taken.has(key)) applied.net.set(key, (applied.net.get(key) ?? 0) - change.quantity);
    }
    if (taken.size < chunk.length) throw await insufficient(tx, tenantId, moves, applied.net);
  }
}

/** Puts the changes' units into their rows, creating missing rows (one change per row). */
async function putInto(
  tx: Db,
  tenantId: string,
  puts: Map<string, RowChange>,
  applied: Applied,
): Promise<void> {
  const changes = [...puts.values()];
  for (let start = 0; start < changes.length; start += CHUNK) {
    const chunk = changes.slice(start, start + CHUNK);
    const rows = await repo.putIntoRows(tx, tenantId, chunk);
    for (const row of rows) applied.idByKey.set(rowKey(row), row.id);
    for (const change of chunk) {
      const key = change.key.toLowerCase();
      applied.net.set(key, (applied.net.get(key) ?? 0) + change.quantity);
    }
  }
}

/** The 409 of an overdrawn row, from what the rows hold now and what this call applied so far. */
async function insufficient(
  tx: Db,
  tenantId: string,
  moves: NewMove[],
  net: Map<string, number>,
): Promise<AppError> {
  const rows = rowsOfMoves(moves);
  const onHand = new Map<string, number>();
  for (const row of await repo.listOnHandOfRows(tx, tenantId, [...rows.values()]))
    onHand.set(rowKey(row), Number(row.on_hand));
  return overdrawnError(moves, [...rows.keys()], onHand, net);
}
