/** Queries of wave strategies, waves and their orders. */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { beforePosition, type TimeCursor } from '../../../platform/db/keyset.js';
import { waveOrders, waves, waveStrategies } from './wave.table.js';

export type StrategyRow = typeof waveStrategies.$inferSelect;
export type WaveRow = typeof waves.$inferSelect;
export type NewWaveRow = typeof waves.$inferInsert;
export type WaveOrderRow = typeof waveOrders.$inferSelect;

/** The warehouse's strategy; `lock` takes its row lock (releases of the warehouse queue on it). */
export async function findStrategy(
  db: Db,
  tenantId: string,
  warehouseId: string,
  options: { lock?: boolean } = {},
): Promise<StrategyRow | undefined> {
  const query = db
    .select()
    .from(waveStrategies)
    .where(and(eq(waveStrategies.tenantId, tenantId), eq(waveStrategies.warehouseId, warehouseId)));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

/** Stores the warehouse's strategy, replacing the one before. */
export async function saveStrategy(db: Db, row: StrategyRow): Promise<void> {
  await db
    .insert(waveStrategies)
    .values(row)
    .onConflictDoUpdate({
      target: [waveStrategies.tenantId, waveStrategies.warehouseId],
      set: {
        rules: row.rules,
        releasePartiallyAllocated: row.releasePartiallyAllocated,
        picking: row.picking,
        updatedByUserId: row.updatedByUserId,
        updatedAt: row.updatedAt,
      },
    });
}

/** Removes the warehouse's strategy; whether there was one. */
export async function deleteStrategy(db: Db, tenantId: string, warehouseId: string): Promise<boolean> {
  const gone = await db
    .delete(waveStrategies)
    .where(and(eq(waveStrategies.tenantId, tenantId), eq(waveStrategies.warehouseId, warehouseId)))
    .returning({ warehouseId: waveStrategies.warehouseId });
  return gone.length > 0;
}

/** The orders in the warehouse's waves that are not cancelled, with their wave's number. */
export async function listOrdersInWaves(
  db: Db,
  tenantId: string,
  warehouseId: string,
): Promise<{ orderId: string; number: number }[]> {
  return db
    .select({ orderId: waveOrders.orderId, number: waves.number })
    .from(waveOrders)
    .innerJoin(waves, and(eq(waves.tenantId, waveOrders.tenantId), eq(waves.id, waveOrders.waveId)))
    .where(
      and(
        eq(waveOrders.tenantId, tenantId),
        eq(waves.tenantId, tenantId),
        eq(waves.warehouseId, warehouseId),
        eq(waveOrders.active, true),
      ),
    );
}

/** The warehouse's next wave number. */
export async function nextWaveNumber(db: Db, tenantId: string, warehouseId: string): Promise<number> {
  const [row] = await db
    .select({ next: sql<number>`coalesce(max(${waves.number}), 0)::int + 1` })
    .from(waves)
    .where(and(eq(waves.tenantId, tenantId), eq(waves.warehouseId, warehouseId)));
  return row!.next;
}

/** Stores waves and their orders. */
export async function insertWaves(db: Db, rows: NewWaveRow[], orders: WaveOrderRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(waves).values(rows);
  await db.insert(waveOrders).values(orders);
}

/** One wave of the tenant; `lock` takes its row lock. */
export async function findWave(
  db: Db,
  tenantId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<WaveRow | undefined> {
  const query = db
    .select()
    .from(waves)
    .where(and(eq(waves.tenantId, tenantId), eq(waves.id, id)));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

/** A wave's orders in pick order. */
export async function listWaveOrders(db: Db, tenantId: string, waveId: string): Promise<WaveOrderRow[]> {
  return db
    .select()
    .from(waveOrders)
    .where(and(eq(waveOrders.tenantId, tenantId), eq(waveOrders.waveId, waveId)))
    .orderBy(asc(waveOrders.position));
}

/** A page of waves, newest release first, after the cursor. */
export async function listWaves(
  db: Db,
  tenantId: string,
  filter: { warehouseIds?: string[]; status?: string },
  cursor: TimeCursor | undefined,
  limit: number,
): Promise<WaveRow[]> {
  return db
    .select()
    .from(waves)
    .where(
      and(
        eq(waves.tenantId, tenantId),
        filter.warehouseIds ? inArray(waves.warehouseId, filter.warehouseIds) : undefined,
        filter.status ? eq(waves.status, filter.status) : undefined,
        beforePosition(waves.releasedAt, waves.id, cursor),
      ),
    )
    .orderBy(desc(waves.releasedAt), desc(waves.id))
    .limit(limit);
}

/** Cancels a wave: its status, and its orders leave it (they may join another wave). */
export async function cancelWaveRows(
  db: Db,
  tenantId: string,
  id: string,
  at: { now: Date; actorUserId: string | null },
): Promise<void> {
  await db
    .update(waves)
    .set({ status: 'cancelled', cancelledAt: at.now, cancelledByUserId: at.actorUserId, updatedAt: at.now })
    .where(and(eq(waves.tenantId, tenantId), eq(waves.id, id)));
  await db
    .update(waveOrders)
    .set({ active: false })
    .where(and(eq(waveOrders.tenantId, tenantId), eq(waveOrders.waveId, id)));
}

/** Sets a wave's status (picking, done). */
export async function updateWaveStatus(db: Db, tenantId: string, id: string, status: string, now: Date) {
  await db
    .update(waves)
    .set({ status, updatedAt: now })
    .where(and(eq(waves.tenantId, tenantId), eq(waves.id, id)));
}
