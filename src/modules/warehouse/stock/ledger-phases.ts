/**
 * The pure part of the stock ledger: how a call's moves are checked, grouped into phases of row
 * changes, and which move an overdrawn row fails. The statements live in `ledger.repository.ts`, the
 * order of them in `ledger.service.ts`.
 */
import { AppError } from '../../../platform/errors.js';
import { stockKey, type NewMove } from './stock.contract.js';

/** Rows per multi-row statement (well below PostgreSQL's 65,535 bind parameters). */
export const CHUNK = 1_000;

/** Rejects a physical move without a positive quantity (400 `warehouse.move.invalid`). */
export function checkMoves(moves: NewMove[]): void {
  for (const move of moves) {
    if (move.kind !== 'allocation' && move.quantity <= 0) {
      throw new AppError(
        'invalid',
        'warehouse.move.invalid',
        `A ${move.kind} move needs a positive quantity.`,
      );
    }
  }
}

/** What one phase does to one stock row: the moves' units and weights summed. */
export type RowChange = {
  key: string;
  warehouseId: string;
  locationId: string;
  itemId: string;
  lotId: string | null;
  quantity: number;
  /** The weight of the moves that said what they weighed: one move's as given, several summed exactly. */
  weightKg: number | string | null;
  /** Thousandths of a kilogram of the moves that gave a weight, while every one is summable. */
  grams: number;
  weighed: number;
  summable: boolean;
  /** The earliest move (what a new row's putaway time becomes) and the last (its `updated_at`). */
  firstAt: Date;
  lastAt: Date;
};

/** What the call has done so far: the stock row ids, and the units it added (−: took) per row. */
export type Applied = { idByKey: Map<string, string>; net: Map<string, number> };

/** The row changes of one phase: no row is both taken from and put into within a phase. */
export type Phase = { takes: Map<string, RowChange>; puts: Map<string, RowChange> };

/**
 * Groups the physical moves' row changes into phases applied one after another. A change joins the
 * phase of the row's previous change when it goes the same way (two takes, or two puts, sum up: the
 * stock check, the emptied-row and putaway rules and the weights come out the same), else the next
 * phase — so a receipt into RECV and the putaway out of it stay in that order. Changes of different
 * rows never depend on each other, so a row's first change goes into the first phase.
 */
export function phasesOf(moves: NewMove[]): Phase[] {
  const phases: Phase[] = [];
  const last = new Map<string, { phase: number; take: boolean }>();
  const add = (move: NewMove, locationId: string, take: boolean) => {
    const key = stockKey(locationId, move.itemId, move.lotId);
    const previous = last.get(key);
    let at = 0;
    if (previous) {
      at = previous.phase;
      const group = take ? phases[at]!.takes : phases[at]!.puts;
      const change = group.get(key);
      if (previous.take !== take || !change || !canSum(change, move.weightKg ?? null)) at++;
    }
    while (phases.length <= at) phases.push({ takes: new Map(), puts: new Map() });
    const group = take ? phases[at]!.takes : phases[at]!.puts;
    const change = group.get(key);
    const weightKg = move.weightKg ?? null;
    if (change) {
      change.quantity += move.quantity;
      if (weightKg !== null) {
        change.grams += Math.round(weightKg * 1000);
        change.weighed++;
        change.weightKg = change.weighed === 1 ? weightKg : kilograms(change.grams);
      }
      if (move.occurredAt < change.firstAt) change.firstAt = move.occurredAt;
      change.lastAt = move.occurredAt;
    } else {
      group.set(key, {
        key,
        warehouseId: move.warehouseId,
        locationId,
        itemId: move.itemId,
        lotId: move.lotId,
        quantity: move.quantity,
        weightKg,
        grams: weightKg === null ? 0 : Math.round(weightKg * 1000),
        weighed: weightKg === null ? 0 : 1,
        summable: weightKg === null || isWholeGrams(weightKg),
        firstAt: move.occurredAt,
        lastAt: move.occurredAt,
      });
    }
    last.set(key, { phase: at, take });
  };
  for (const move of moves) {
    if (move.kind === 'allocation') continue;
    if (move.fromLocationId) add(move, move.fromLocationId, true);
    if (move.toLocationId) add(move, move.toLocationId, false);
  }
  return phases;
}

/**
 * Two weights sum exactly only when both are whole grams and not negative (the column keeps three
 * decimals and a take stops at zero); anything else is applied in a phase of its own.
 */
function canSum(change: RowChange, weightKg: number | null): boolean {
  return change.summable && (weightKg === null || isWholeGrams(weightKg));
}

function isWholeGrams(weightKg: number): boolean {
  const grams = weightKg * 1000;
  return Number.isFinite(grams) && weightKg >= 0 && Math.abs(grams - Math.round(grams)) < 1e-6;
}

/** Thousandths of a kilogram as an exact decimal string. */
function kilograms(grams: number): string {
  const whole = Math.floor(grams / 1000);
  return `${whole}.${String(grams - whole * 1000).padStart(3, '0')}`;
}

/** The key of a returned stock row (ids as the database spells them: lower case). */
export function rowKey(row: { location_id: string; item_id: string; lot_id: string | null }): string {
  return stockKey(row.location_id, row.item_id, row.lot_id);
}

/** The stock rows the physical moves touch, by lower-case key (the order the moves name them). */
export function rowsOfMoves(
  moves: NewMove[],
): Map<string, { locationId: string; itemId: string; lotId: string | null }> {
  const rows = new Map<string, { locationId: string; itemId: string; lotId: string | null }>();
  for (const move of moves) {
    if (move.kind === 'allocation') continue;
    for (const locationId of [move.fromLocationId, move.toLocationId])
      if (locationId)
        rows.set(stockKey(locationId, move.itemId, move.lotId).toLowerCase(), {
          locationId,
          itemId: move.itemId,
          lotId: move.lotId,
        });
  }
  return rows;
}

/**
 * The 409 of an overdrawn row, naming the move that fails when the moves are applied one by one: the
 * rows' on hand before this call (`onHand` now minus what the call applied so far) replayed in move order.
 */
export function overdrawnError(
  moves: NewMove[],
  rowKeys: string[],
  onHand: Map<string, number>,
  net: Map<string, number>,
): AppError {
  const left = new Map(rowKeys.map((key) => [key, (onHand.get(key) ?? 0) - (net.get(key) ?? 0)]));
  for (const move of moves) {
    if (move.kind === 'allocation') continue;
    if (move.fromLocationId) {
      const key = stockKey(move.fromLocationId, move.itemId, move.lotId).toLowerCase();
      if (left.get(key)! < move.quantity) {
        return new AppError('conflict', 'warehouse.stock.insufficient', 'Not enough stock at the location.', {
          details: {
            locationId: move.fromLocationId,
            itemId: move.itemId,
            lotId: move.lotId,
            quantity: move.quantity,
          },
        });
      }
      left.set(key, left.get(key)! - move.quantity);
    }
    if (move.toLocationId) {
      const key = stockKey(move.toLocationId, move.itemId, move.lotId).toLowerCase();
      left.set(key, left.get(key)! + move.quantity);
    }
  }
  return new AppError('conflict', 'warehouse.stock.insufficient', 'Not enough stock at the location.');
}
