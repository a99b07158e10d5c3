/**
 * The one writer of the stock ledger. Every stock change goes through `recordMoves` inside the
 * caller's transaction: the moves are appended (never updated) and the derived `stock` rows are
 * changed by the same amounts, so derived stock always equals the ledger replayed.
 */
import { sql } from 'drizzle-orm';
import { AppError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { Db } from '../../../platform/db/database.js';
import type { MoveKind } from './stock.contract.js';
import { stock, stockMoves } from './stock.table.js';

/** A move to record; physical kinds need `from` and/or `to`, allocation moves `from` and a signed quantity. */
export type NewMove = {
  warehouseId: string;
  kind: MoveKind;
  itemId: string;
  lotId: string | null;
  fromLocationId?: string | null;
  toLocationId?: string | null;
  quantity: number;
  weightKg?: number | null;
  receiptId?: string | null;
  orderId?: string | null;
  orderLineNo?: number | null;
  reason?: string | null;
  note?: string | null;
  actorUserId?: string | null;
  occurredAt: Date;
};

/** The stock row ids touched by the moves, keyed by `location|item|lot`. */
export type RecordedMoves = { moveIds: string[]; stockIds: Map<string, string> };

/** `location|item|lot`, the key of a stock row. */
export function stockKey(locationId: string, itemId: string, lotId: string | null): string {
  return `${locationId}|${itemId}|${lotId ?? ''}`;
}

/** Rows per multi-row statement (well below PostgreSQL's 65,535 bind parameters). */
const CHUNK = 1_000;

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
  for (const move of moves) {
    if (move.kind !== 'allocation' && move.quantity <= 0) {
      throw new AppError(
        'invalid',
        'warehouse.move.invalid',
        `A ${move.kind} move needs a positive quantity.`,
      );
    }
  }
  const moveIds = moves.map(() => newId());
  for (let start = 0; start < moves.length; start += CHUNK) {
    await tx.insert(stockMoves).values(
      moves.slice(start, start + CHUNK).map((move, i) => ({
        tenantId,
        id: moveIds[start + i]!,
        warehouseId: move.warehouseId,
        kind: move.kind,
        itemId: move.itemId,
        lotId: move.lotId,
        fromLocationId: move.fromLocationId ?? null,
        toLocationId: move.toLocationId ?? null,
        quantity: move.quantity,
        weightKg: move.weightKg ?? null,
        receiptId: move.receiptId ?? null,
        orderId: move.orderId ?? null,
        orderLineNo: move.orderLineNo ?? null,
        reason: move.reason ?? null,
        note: move.note ?? null,
        actorUserId: move.actorUserId ?? null,
        occurredAt: move.occurredAt,
      })),
    );
  }
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

/** What one phase does to one stock row: the moves' units and weights summed. */
type RowChange = {
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
type Applied = { idByKey: Map<string, string>; net: Map<string, number> };

/** The row changes of one phase: no row is both taken from and put into within a phase. */
type Phase = { takes: Map<string, RowChange>; puts: Map<string, RowChange> };

/**
 * Groups the physical moves' row changes into phases applied one after another. A change joins the
 * phase of the row's previous change when it goes the same way (two takes, or two puts, sum up: the
 * stock check, the emptied-row and putaway rules and the weights come out the same), else the next
 * phase — so a receipt into RECV and the putaway out of it stay in that order. Changes of different
 * rows never depend on each other, so a row's first change goes into the first phase.
 */
function phasesOf(moves: NewMove[]): Phase[] {
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
    const values = sql.join(
      chunk.map(
        (c) =>
          sql`(${c.locationId}::uuid, ${c.itemId}::uuid, ${c.lotId}::uuid, ${c.quantity}::integer, ${c.weightKg}::numeric, ${c.lastAt.toISOString()}::timestamptz)`,
      ),
      sql`, `,
    );
    // An emptied row weighs nothing, whether or not the moves say what left.
    const result = await tx.execute<{
      id: string;
      location_id: string;
      item_id: string;
      lot_id: string | null;
    }>(
      sql`update ${stock} set
          on_hand = ${stock.onHand} - t.quantity,
          weight_kg = case when ${stock.onHand} = t.quantity then null
            when t.weight_kg is null then ${stock.weightKg}
            else greatest(coalesce(${stock.weightKg}, 0) - t.weight_kg, 0) end,
          updated_at = t.updated_at
        from (values ${values}) as t(location_id, item_id, lot_id, quantity, weight_kg, updated_at)
        where ${stock.tenantId} = ${tenantId} and ${stock.locationId} = t.location_id
          and ${stock.itemId} = t.item_id and ${stock.lotId} is not distinct from t.lot_id
          and ${stock.onHand} >= t.quantity
        returning ${stock.id} as id, ${stock.locationId} as location_id, ${stock.itemId} as item_id,
          ${stock.lotId} as lot_id`,
    );
    const taken = new Set(result.rows.map(rowKey));
    for (const row of result.rows) applied.idByKey.set(rowKey(row), row.id);
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
    const values = sql.join(
      chunk.map(
        (c) =>
          sql`(${tenantId}::uuid, ${newId()}::uuid, ${c.warehouseId}::uuid, ${c.locationId}::uuid, ${c.itemId}::uuid, ${c.lotId}::uuid, ${c.quantity}::integer, ${c.weightKg}::numeric, ${c.firstAt.toISOString()}::timestamptz, ${c.lastAt.toISOString()}::timestamptz)`,
      ),
      sql`, `,
    );
    // An emptied row starts a new putaway; units added to a non-empty row keep the older time.
    const result = await tx.execute<{
      id: string;
      location_id: string;
      item_id: string;
      lot_id: string | null;
    }>(
      sql`insert into ${stock} (tenant_id, id, warehouse_id, location_id, item_id, lot_id, on_hand, weight_kg,
          putaway_at, updated_at)
        values ${values}
        on conflict (tenant_id, location_id, item_id, lot_id) do update set
          on_hand = ${stock.onHand} + excluded.on_hand,
          weight_kg = case when ${stock.onHand} = 0 then excluded.weight_kg
            when excluded.weight_kg is null then ${stock.weightKg}
            else coalesce(${stock.weightKg}, 0) + excluded.weight_kg end,
          putaway_at = case when ${stock.onHand} = 0 then excluded.putaway_at
            else least(${stock.putawayAt}, excluded.putaway_at) end,
          updated_at = excluded.updated_at
        returning id, location_id, item_id, lot_id`,
    );
    for (const row of result.rows) applied.idByKey.set(rowKey(row), row.id);
    for (const change of chunk) {
      const key = change.key.toLowerCase();
      applied.net.set(key, (applied.net.get(key) ?? 0) + change.quantity);
    }
  }
}

/** The key of a returned stock row (ids as the database spells them: lower case). */
function rowKey(row: { location_id: string; item_id: string; lot_id: string | null }): string {
  return stockKey(row.location_id, row.item_id, row.lot_id);
}

/**
 * The 409 of an overdrawn row, naming the move that fails when the moves are applied one by one: the
 * rows' on hand before this call (now minus what the call applied so far) replayed in move order.
 */
async function insufficient(
  tx: Db,
  tenantId: string,
  moves: NewMove[],
  net: Map<string, number>,
): Promise<AppError> {
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
  const keys = sql.join(
    [...rows.values()].map((r) => sql`(${r.locationId}::uuid, ${r.itemId}::uuid, ${r.lotId}::uuid)`),
    sql`, `,
  );
  const result = await tx.execute<{
    location_id: string;
    item_id: string;
    lot_id: string | null;
    on_hand: number;
  }>(
    sql`select ${stock.locationId} as location_id, ${stock.itemId} as item_id, ${stock.lotId} as lot_id,
        ${stock.onHand} as on_hand
      from ${stock} join (values ${keys}) as k(location_id, item_id, lot_id)
        on ${stock.locationId} = k.location_id and ${stock.itemId} = k.item_id
          and ${stock.lotId} is not distinct from k.lot_id
      where ${stock.tenantId} = ${tenantId}`,
  );
  const onHand = new Map<string, number>();
  for (const row of result.rows) onHand.set(rowKey(row), Number(row.on_hand));
  const left = new Map([...rows.keys()].map((key) => [key, (onHand.get(key) ?? 0) - (net.get(key) ?? 0)]));
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

/**
 * Sets stock rows' on-hand quantity to what the ledger says (the repair of a rebuild; call inside a
 * transaction). A row missing from `stock` is created with `putawayAt` as its putaway time.
 */
export async function setOnHandFromLedger(
  tx: Db,
  tenantId: string,
  rows: {
    warehouseId: string;
    locationId: string;
    itemId: string;
    lotId: string | null;
    onHand: number;
    putawayAt: Date;
  }[],
): Promise<void> {
  for (const row of rows) {
    await tx
      .insert(stock)
      .values({ tenantId, id: newId(), ...row, updatedAt: row.putawayAt })
      .onConflictDoUpdate({
        target: [stock.tenantId, stock.locationId, stock.itemId, stock.lotId],
        set: { onHand: sql`excluded.on_hand` },
      });
  }
}
