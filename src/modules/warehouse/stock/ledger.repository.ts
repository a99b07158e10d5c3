/**
 * The statements of the stock ledger: appending moves and changing the derived `stock` rows by the
 * summed row changes of one phase. Only `ledger.service.ts` calls them, inside the caller's transaction.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import type { RowChange } from './ledger-phases.js';
import type { NewMove } from './stock.contract.js';
import { stock, stockMoves } from './stock.table.js';

/** A stock row a statement returned, as the database spells it. */
export type ChangedRow = { id: string; location_id: string; item_id: string; lot_id: string | null };

/** Appends the moves with their ids in one multi-row insert. */
export async function insertMoves(
  tx: Db,
  tenantId: string,
  moves: NewMove[],
  moveIds: string[],
): Promise<void> {
  await tx.insert(stockMoves).values(
    moves.map((move, i) => ({
      tenantId,
      id: moveIds[i]!,
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

/** Takes the changes' units out of their rows; answers only the rows that had enough on hand. */
export async function takeFromRows(tx: Db, tenantId: string, changes: RowChange[]): Promise<ChangedRow[]> {
  const values = sql.join(
    changes.map(
      (c) =>
        sql`(${c.locationId}::uuid, ${c.itemId}::uuid, ${c.lotId}::uuid, ${c.quantity}::integer, ${c.weightKg}::numeric, ${c.lastAt.toISOString()}::timestamptz)`,
    ),
    sql`, `,
  );
  // An emptied row weighs nothing, whether or not the moves say what left.
  const result = await tx.execute<ChangedRow>(
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
  return result.rows;
}

/** Puts the changes' units into their rows, creating missing rows (one change per row). */
export async function putIntoRows(tx: Db, tenantId: string, changes: RowChange[]): Promise<ChangedRow[]> {
  const values = sql.join(
    changes.map(
      (c) =>
        sql`(${tenantId}::uuid, ${newId()}::uuid, ${c.warehouseId}::uuid, ${c.locationId}::uuid, ${c.itemId}::uuid, ${c.lotId}::uuid, ${c.quantity}::integer, ${c.weightKg}::numeric, ${c.firstAt.toISOString()}::timestamptz, ${c.lastAt.toISOString()}::timestamptz)`,
    ),
    sql`, `,
  );
  // An emptied row starts a new putaway; units added to a non-empty row keep the older time.
  const result = await tx.execute<ChangedRow>(
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
  return result.rows;
}

/** What is on hand now on these rows (rows that do not exist are left out). */
export async function listOnHandOfRows(
  tx: Db,
  tenantId: string,
  rows: { locationId: string; itemId: string; lotId: string | null }[],
): Promise<(Omit<ChangedRow, 'id'> & { on_hand: number })[]> {
  const keys = sql.join(
    rows.map((r) => sql`(${r.locationId}::uuid, ${r.itemId}::uuid, ${r.lotId}::uuid)`),
    sql`, `,
  );
  const result = await tx.execute<Omit<ChangedRow, 'id'> & { on_hand: number }>(
    sql`select ${stock.locationId} as location_id, ${stock.itemId} as item_id, ${stock.lotId} as lot_id,
        ${stock.onHand} as on_hand
      from ${stock} join (values ${keys}) as k(location_id, item_id, lot_id)
        on ${stock.locationId} = k.location_id and ${stock.itemId} = k.item_id
          and ${stock.lotId} is not distinct from k.lot_id
      where ${stock.tenantId} = ${tenantId}`,
  );
  return result.rows;
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
