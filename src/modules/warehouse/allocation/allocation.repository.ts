/** Queries of allocation: candidate stock under row locks, reservations, runs and order status. */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { lots } from '../catalog/catalog.table.js';
import { locations } from '../layout/layout.table.js';
import { allocationRuns, outboundOrderLines, outboundOrders } from '../orders/order.table.js';
import { reservations, stock } from '../stock/stock.table.js';
import type { StockCandidate } from './allocate.js';

/**
 * Locks every stock row of these items in the warehouse (select … for update, by id, so concurrent
 * allocations queue instead of deadlocking). Whoever holds the locks is the only one reserving from
 * those rows until it commits.
 */
export async function lockStockRows(
  db: Db,
  tenantId: string,
  warehouseId: string,
  itemIds: string[],
): Promise<void> {
  if (itemIds.length === 0) return;
  await db
    .select({ id: stock.id })
    .from(stock)
    .where(
      and(eq(stock.tenantId, tenantId), eq(stock.warehouseId, warehouseId), inArray(stock.itemId, itemIds)),
    )
    .orderBy(asc(stock.id))
    .for('update');
}

/** Locks these stock rows by id, in id order. */
export async function lockStockRowsById(db: Db, tenantId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .select({ id: stock.id })
    .from(stock)
    .where(and(eq(stock.tenantId, tenantId), inArray(stock.id, [...new Set(ids)])))
    .orderBy(asc(stock.id))
    .for('update');
}

/**
 * The stock rows of these items in enabled storage locations of the warehouse, with what is
 * available (on hand minus every active reservation on the row).
 */
export async function listCandidates(
  db: Db,
  tenantId: string,
  warehouseId: string,
  itemIds: string[],
): Promise<StockCandidate[]> {
  if (itemIds.length === 0) return [];
  const reserved = sql<number>`coalesce((select sum(${reservations.quantity}) from ${reservations}
    where ${reservations.tenantId} = ${stock.tenantId} and ${reservations.stockId} = ${stock.id}
      and ${reservations.status} = 'active'), 0)::int`;
  const rows = await db
    .select({
      stockId: stock.id,
      itemId: stock.itemId,
      locationId: stock.locationId,
      locationCode: locations.code,
      pathRank: locations.pathRank,
      lotId: stock.lotId,
      lotNumber: lots.lotNumber,
      productionDate: lots.productionDate,
      expiryDate: lots.expiryDate,
      putawayAt: stock.putawayAt,
      onHand: stock.onHand,
      reserved,
    })
    .from(stock)
    .innerJoin(locations, and(eq(locations.tenantId, stock.tenantId), eq(locations.id, stock.locationId)))
    .leftJoin(lots, and(eq(lots.tenantId, stock.tenantId), eq(lots.id, stock.lotId)))
    .where(
      and(
        eq(stock.tenantId, tenantId),
        eq(stock.warehouseId, warehouseId),
        inArray(stock.itemId, itemIds),
        eq(locations.kind, 'storage'),
        eq(locations.disabled, false),
      ),
    )
    .orderBy(asc(stock.id));
  return rows.map(({ reserved: held, putawayAt, ...row }) => ({
    ...row,
    lotNumber: row.lotNumber ?? null,
    productionDate: row.productionDate ?? null,
    expiryDate: row.expiryDate ?? null,
    putawayAt: putawayAt.toISOString(),
    available: row.onHand - held,
  }));
}

/** Closes reservations as released or picked. */
export async function closeReservations(
  db: Db,
  tenantId: string,
  ids: string[],
  status: 'released' | 'picked',
  now: Date,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(reservations)
    .set({ status, closedAt: now })
    .where(and(eq(reservations.tenantId, tenantId), inArray(reservations.id, ids)));
}

/** What an allocation left short on each line of the order. */
export type LineShort = { lineNo: number; quantity: number; reason: string | null };

/**
 * Stores the outcome of an allocation in one statement: the new active reservations, what each line
 * was left short, the run (unless `run` is null) and the order's status.
 */
export async function storeAllocationOutcome(
  db: Db,
  tenantId: string,
  orderId: string,
  outcome: {
    reservations: { id: string; lineNo: number; stockId: string; quantity: number }[];
    lines: LineShort[];
    run: { id: string; result: Record<string, unknown>; actorUserId: string | null } | null;
    status: string;
    now: Date;
  },
): Promise<void> {
  const at = outcome.now.toISOString();
  const steps: SQL[] = [];
  if (outcome.reservations.length > 0)
    steps.push(sql`new_reservations as (
        insert into ${reservations} (tenant_id, id, order_id, line_no, stock_id, quantity, status, created_at)
        values ${sql.join(
          outcome.reservations.map(
            (r) =>
              sql`(${tenantId}::uuid, ${r.id}::uuid, ${orderId}::uuid, ${r.lineNo}::integer, ${r.stockId}::uuid, ${r.quantity}::integer, 'active', ${at}::timestamptz)`,
          ),
          sql`, `,
        )})`);
  if (outcome.lines.length > 0)
    steps.push(sql`short_lines as (
          update ${outboundOrderLines} set short_quantity = v.quantity, short_reason = v.reason
          from (values ${sql.join(
            outcome.lines.map((l) => sql`(${l.lineNo}::integer, ${l.quantity}::integer, ${l.reason}::text)`),
            sql`, `,
          )}) as v(line_no, quantity, reason)
          where ${outboundOrderLines.tenantId} = ${tenantId} and ${outboundOrderLines.orderId} = ${orderId}
            and ${outboundOrderLines.lineNo} = v.line_no)`);
  if (outcome.run)
    steps.push(sql`run as (
        insert into ${allocationRuns} (tenant_id, id, order_id, result, actor_user_id, created_at)
        values (${tenantId}::uuid, ${outcome.run.id}::uuid, ${orderId}::uuid,
          ${JSON.stringify(outcome.run.result)}::jsonb, ${outcome.run.actorUserId}::uuid, ${at}::timestamptz))`);
  const prefix = steps.length > 0 ? sql`with ${sql.join(steps, sql`, `)} ` : sql``;
  await db.execute(sql`${prefix}update ${outboundOrders} set status = ${outcome.status}, updated_at = ${at}::timestamptz
    where ${outboundOrders.tenantId} = ${tenantId} and ${outboundOrders.id} = ${orderId}`);
}

/** A released reservation with where its stock row is. */
export type ReleasedReservation = {
  id: string;
  lineNo: number;
  quantity: number;
  locationId: string;
  itemId: string;
  lotId: string | null;
};

/**
 * Marks the order's active reservations released in one statement and answers them in the order
 * of `listReservations` (line, creation, location code, id).
 */
export async function releaseActiveReservations(
  db: Db,
  tenantId: string,
  orderId: string,
  now: Date,
): Promise<ReleasedReservation[]> {
  const result = await db.execute<{
    id: string;
    line_no: number;
    quantity: number;
    location_id: string;
    item_id: string;
    lot_id: string | null;
  }>(sql`with released as (
      update ${reservations} set status = 'released', closed_at = ${now.toISOString()}::timestamptz
      where ${reservations.tenantId} = ${tenantId} and ${reservations.orderId} = ${orderId}
        and ${reservations.status} = 'active'
      returning id, line_no, stock_id, quantity, created_at)
    select r.id, r.line_no, r.quantity, s.location_id, s.item_id, s.lot_id
    from released r
      join ${stock} s on s.tenant_id = ${tenantId} and s.id = r.stock_id
      join ${locations} l on l.tenant_id = ${tenantId} and l.id = s.location_id
    order by r.line_no, r.created_at, l.code, r.id`);
  return result.rows.map((row) => ({
    id: row.id,
    lineNo: row.line_no,
    quantity: row.quantity,
    locationId: row.location_id,
    itemId: row.item_id,
    lotId: row.lot_id,
  }));
}

/** The warehouse's dock of this kind (`RECV` receiving, `SHIP` shipping), the coded one first. */
export async function findDock(
  db: Db,
  tenantId: string,
  warehouseId: string,
  kind: 'receiving' | 'shipping',
) {
  const [row] = await db
    .select({ id: locations.id })
    .from(locations)
    .where(
      and(eq(locations.tenantId, tenantId), eq(locations.warehouseId, warehouseId), eq(locations.kind, kind)),
    )
    .orderBy(sql`${locations.code} <> ${kind === 'shipping' ? 'SHIP' : 'RECV'}`, asc(locations.code))
    .limit(1);
  return row;
}
