/** Queries of wave batches, pick tasks and picker zones. */
import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { afterPosition, type TimeCursor } from '../../../platform/db/keyset.js';
import { pickerZones, pickTasks, waveBatches } from './pick-task.table.js';

export type WaveBatchRow = typeof waveBatches.$inferSelect;
export type PickTaskRow = typeof pickTasks.$inferSelect;

/** Stores a wave's batches and tasks. */
export async function insertBatchesAndTasks(
  db: Db,
  batches: WaveBatchRow[],
  tasks: PickTaskRow[],
): Promise<void> {
  if (batches.length > 0) await db.insert(waveBatches).values(batches);
  if (tasks.length > 0) await db.insert(pickTasks).values(tasks);
}

/** A wave's batches by number. */
export async function listWaveBatches(db: Db, tenantId: string, waveId: string): Promise<WaveBatchRow[]> {
  return db
    .select()
    .from(waveBatches)
    .where(and(eq(waveBatches.tenantId, tenantId), eq(waveBatches.waveId, waveId)))
    .orderBy(asc(waveBatches.number));
}

/** Cancels a wave's batches and its tasks that are not done. */
export async function cancelWaveBatches(db: Db, tenantId: string, waveId: string, now: Date): Promise<void> {
  await db
    .update(waveBatches)
    .set({ status: 'cancelled' })
    .where(and(eq(waveBatches.tenantId, tenantId), eq(waveBatches.waveId, waveId)));
  await db
    .update(pickTasks)
    .set({ status: 'cancelled', updatedAt: now })
    .where(
      and(
        eq(pickTasks.tenantId, tenantId),
        eq(pickTasks.waveId, waveId),
        notInArray(pickTasks.status, ['done']),
      ),
    );
}

/** One task of the tenant. */
export async function findPickTask(db: Db, tenantId: string, id: string): Promise<PickTaskRow | undefined> {
  const [row] = await db
    .select()
    .from(pickTasks)
    .where(and(eq(pickTasks.tenantId, tenantId), eq(pickTasks.id, id)));
  return row;
}

/** A page of tasks, oldest first, after the cursor. */
export async function listPickTasks(
  db: Db,
  tenantId: string,
  filter: { warehouseId?: string; waveId?: string; zone?: string; status?: string; assignee?: string },
  cursor: TimeCursor | undefined,
  limit: number,
): Promise<PickTaskRow[]> {
  return db
    .select()
    .from(pickTasks)
    .where(
      and(
        eq(pickTasks.tenantId, tenantId),
        filter.warehouseId ? eq(pickTasks.warehouseId, filter.warehouseId) : undefined,
        filter.waveId ? eq(pickTasks.waveId, filter.waveId) : undefined,
        filter.zone ? eq(pickTasks.zone, filter.zone) : undefined,
        filter.status ? eq(pickTasks.status, filter.status) : undefined,
        filter.assignee ? eq(pickTasks.assigneeUserId, filter.assignee) : undefined,
        afterPosition(pickTasks.createdAt, pickTasks.id, cursor),
      ),
    )
    .orderBy(asc(pickTasks.createdAt), asc(pickTasks.id))
    .limit(limit);
}

/**
 * The next open task of the warehouse in one of the zones (urgent waves first, then the oldest), not
 * one of `skip`; none when there is none. Not locked: the caller locks the wave, then assigns the
 * task only if it is still open.
 */
export async function nextOpenTask(
  db: Db,
  tenantId: string,
  warehouseId: string,
  zones: string[],
  skip: string[] = [],
): Promise<PickTaskRow | undefined> {
  if (zones.length === 0) return undefined;
  const [row] = await db
    .select()
    .from(pickTasks)
    .where(
      and(
        eq(pickTasks.tenantId, tenantId),
        eq(pickTasks.warehouseId, warehouseId),
        eq(pickTasks.status, 'open'),
        inArray(pickTasks.zone, zones),
        skip.length > 0 ? notInArray(pickTasks.id, skip) : undefined,
      ),
    )
    .orderBy(
      sql`${pickTasks.urgent} desc`,
      asc(pickTasks.createdAt),
      asc(pickTasks.waveNumber),
      asc(pickTasks.number),
    )
    .limit(1);
  return row;
}

/** Gives an open or assigned task to a user; the row after, or none when it was neither. */
export async function assignPickTask(
  db: Db,
  tenantId: string,
  id: string,
  userId: string,
  now: Date,
  fromStatuses: string[],
): Promise<PickTaskRow | undefined> {
  const [row] = await db
    .update(pickTasks)
    .set({ status: 'assigned', assigneeUserId: userId, assignedAt: now, updatedAt: now })
    .where(
      and(eq(pickTasks.tenantId, tenantId), eq(pickTasks.id, id), inArray(pickTasks.status, fromStatuses)),
    )
    .returning();
  return row;
}

/** The warehouse's picker zones by user then zone. */
export async function listPickerZones(
  db: Db,
  tenantId: string,
  warehouseId: string,
  userId?: string,
): Promise<{ userId: string; zone: string }[]> {
  return db
    .select({ userId: pickerZones.userId, zone: pickerZones.zone })
    .from(pickerZones)
    .where(
      and(
        eq(pickerZones.tenantId, tenantId),
        eq(pickerZones.warehouseId, warehouseId),
        userId ? eq(pickerZones.userId, userId) : undefined,
      ),
    )
    .orderBy(asc(pickerZones.userId), asc(pickerZones.zone));
}

/** Replaces the warehouse's picker zones. */
export async function replacePickerZones(
  db: Db,
  tenantId: string,
  warehouseId: string,
  rows: { userId: string; zone: string }[],
): Promise<void> {
  await db
    .delete(pickerZones)
    .where(and(eq(pickerZones.tenantId, tenantId), eq(pickerZones.warehouseId, warehouseId)));
  if (rows.length > 0)
    await db.insert(pickerZones).values(rows.map((row) => ({ tenantId, warehouseId, ...row })));
}
