/**
 * The one writer of the stock ledger. Every stock change goes through `recordMoves` inside the
 * caller's transaction: the moves are appended (never updated) and the derived `stock` rows are
 * changed by the same amounts, so derived stock always equals the ledger replayed.
 */
import { and, eq, sql } from 'drizzle-orm';
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

/**
 * Appends `moves` and applies them to `stock` (call inside a transaction). Taking more than is on
 * hand from a location fails with 409 `warehouse.stock.insufficient` and, in a transaction, changes nothing.
 */
export async function recordMoves(tx: Db, tenantId: string, moves: NewMove[]): Promise<RecordedMoves> {
  const moveIds: string[] = [];
  const stockIds = new Map<string, string>();
  for (const move of moves) {
    if (move.kind !== 'allocation' && move.quantity <= 0) {
      throw new AppError(
        'invalid',
        'warehouse.move.invalid',
        `A ${move.kind} move needs a positive quantity.`,
      );
    }
    const id = newId();
    moveIds.push(id);
    await tx.insert(stockMoves).values({
      tenantId,
      id,
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
    });
    if (move.kind === 'allocation') continue;
    if (move.fromLocationId) {
      const stockId = await takeFrom(tx, tenantId, move, move.fromLocationId);
      stockIds.set(stockKey(move.fromLocationId, move.itemId, move.lotId), stockId);
    }
    if (move.toLocationId) {
      const stockId = await putInto(tx, tenantId, move, move.toLocationId);
      stockIds.set(stockKey(move.toLocationId, move.itemId, move.lotId), stockId);
    }
  }
  return { moveIds, stockIds };
}

async function takeFrom(tx: Db, tenantId: string, move: NewMove, locationId: string): Promise<string> {
  const lotMatch = move.lotId === null ? sql`${stock.lotId} is null` : eq(stock.lotId, move.lotId);
  const [row] = await tx
    .update(stock)
    .set({
      onHand: sql`${stock.onHand} - ${move.quantity}`,
      // An emptied row weighs nothing, whether or not the move says what left.
      weightKg:
        move.weightKg == null
          ? sql`case when ${stock.onHand} = ${move.quantity} then null else ${stock.weightKg} end`
          : sql`case when ${stock.onHand} = ${move.quantity} then null else greatest(coalesce(${stock.weightKg}, 0) - ${move.weightKg}, 0) end`,
      updatedAt: move.occurredAt,
    })
    .where(
      and(
        eq(stock.tenantId, tenantId),
        eq(stock.locationId, locationId),
        eq(stock.itemId, move.itemId),
        lotMatch,
        sql`${stock.onHand} >= ${move.quantity}`,
      ),
    )
    .returning({ id: stock.id });
  if (!row) {
    throw new AppError('conflict', 'warehouse.stock.insufficient', 'Not enough stock at the location.', {
      details: { locationId, itemId: move.itemId, lotId: move.lotId, quantity: move.quantity },
    });
  }
  return row.id;
}

async function putInto(tx: Db, tenantId: string, move: NewMove, locationId: string): Promise<string> {
  const [row] = await tx
    .insert(stock)
    .values({
      tenantId,
      id: newId(),
      warehouseId: move.warehouseId,
      locationId,
      itemId: move.itemId,
      lotId: move.lotId,
      onHand: move.quantity,
      weightKg: move.weightKg ?? null,
      putawayAt: move.occurredAt,
      updatedAt: move.occurredAt,
    })
    .onConflictDoUpdate({
      target: [stock.tenantId, stock.locationId, stock.itemId, stock.lotId],
      set: {
        onHand: sql`${stock.onHand} + excluded.on_hand`,
        weightKg: sql`case when ${stock.onHand} = 0 then excluded.weight_kg when excluded.weight_kg is null then ${stock.weightKg} else coalesce(${stock.weightKg}, 0) + excluded.weight_kg end`,
        // An emptied row starts a new putaway; units added to a non-empty row keep the older time.
        putawayAt: sql`case when ${stock.onHand} = 0 then excluded.putaway_at else least(${stock.putawayAt}, excluded.putaway_at) end`,
        updatedAt: sql`excluded.updated_at`,
      },
    })
    .returning({ id: stock.id });
  return row!.id;
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
