/**
 * Pick tasks (made at release, `wave-picking.service.ts`): read, assigned by a manager or pulled by a
 * picker of the task's zone. Giving out a wave's first task starts its picking (from then on it
 * cannot be cancelled).
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { withTransactionRetry } from '../../../platform/db/retry.js';
import { AppError } from '../../../platform/errors.js';
import { decodeTimeCursor, encodeTimeCursor } from '../../../platform/time-cursor.js';
import { requireWarehouseRow } from '../layout/layout.service.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
import * as repo from './pick-task.repository.js';
import {
  PICKING_ERRORS,
  type PickStop,
  type PickTask,
  type PickTaskDetail,
  type PickTaskPage,
  type PickTaskQuery,
  type PullPickTaskResult,
} from './picking.contract.js';
import * as waves from './wave.repository.js';

function toTask(row: repo.PickTaskRow): PickTask {
  return {
    id: row.id,
    warehouseId: row.warehouseId,
    waveId: row.waveId,
    waveNumber: row.waveNumber,
    batchNumber: row.batchNumber,
    number: row.number,
    zone: row.zone,
    status: row.status as PickTask['status'],
    assigneeUserId: row.assigneeUserId,
    urgent: row.urgent,
    units: row.units,
    stopCount: row.stops.length,
    routeLength: row.routeLength,
    createdAt: row.createdAt.toISOString(),
    assignedAt: row.assignedAt?.toISOString() ?? null,
  };
}

function toDetail(row: repo.PickTaskRow): PickTaskDetail {
  return { ...toTask(row), stops: row.stops as PickStop[] };
}

const taskNotFound = (id: string) =>
  new AppError('not_found', PICKING_ERRORS.taskNotFound, `No pick task ${id}.`);

/** Tasks, oldest first (a release's in number order), keyset paged. */
export async function listPickTasks(
  deps: Pick<WarehouseDeps, 'db'>,
  actor: Actor,
  query: PickTaskQuery,
): Promise<PickTaskPage> {
  requirePermission(actor, 'warehouse.read');
  const cursor = decodeTimeCursor(query.after, PICKING_ERRORS.badCursor);
  const rows = await repo.listPickTasks(
    deps.db,
    actor.tenantId,
    {
      ...(query.warehouseId ? { warehouseId: query.warehouseId } : {}),
      ...(query.waveId ? { waveId: query.waveId } : {}),
      ...(query.zone ? { zone: query.zone } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.assignee ? { assignee: query.assignee } : {}),
    },
    cursor,
    query.limit + 1,
  );
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toTask),
    nextCursor:
      rows.length > query.limit && last ? encodeTimeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}

/** One task with its stops in route order (404 `warehouse.pick_task.not_found`). */
export async function getPickTask(
  deps: Pick<WarehouseDeps, 'db'>,
  actor: Actor,
  id: string,
): Promise<PickTaskDetail> {
  requirePermission(actor, 'warehouse.read');
  const row = await repo.findPickTask(deps.db, actor.tenantId, id);
  if (!row) throw taskNotFound(id);
  return toDetail(row);
}

/**
 * Gives a task to a picker of its zone (400 `warehouse.pick_task.not_zone_picker` naming `userId`
 * otherwise; a task in no zone goes to any picker of the warehouse). An open or assigned task only
 * (409 `warehouse.pick_task.not_assignable`); the wave's picking starts.
 */
export async function assignPickTask(
  deps: WarehouseDeps,
  actor: Actor,
  id: string,
  userId: string,
): Promise<PickTaskDetail> {
  requirePermission(actor, 'warehouse.orders');
  return withTransactionRetry(() =>
    deps.db.transaction(async (tx) => {
      const task = await repo.findPickTask(tx, actor.tenantId, id);
      if (!task) throw taskNotFound(id);
      const zones = (await repo.listPickerZones(tx, actor.tenantId, task.warehouseId, userId)).map(
        (row) => row.zone,
      );
      if (task.zone === null ? zones.length === 0 : !zones.includes(task.zone))
        throw new AppError(
          'invalid',
          PICKING_ERRORS.notZonePicker,
          `userId: ${userId} is no picker of zone ${task.zone ?? '(any)'} in this warehouse.`,
          { issues: [{ path: 'userId', message: `not a picker of zone ${task.zone ?? '(any)'}` }] },
        );
      const row = await giveTask(tx, actor.tenantId, task, userId, deps.clock.now(), ['open', 'assigned']);
      if (!row) throw notAssignable(task.status);
      return toDetail(row);
    }),
  );
}

function notAssignable(status: string): AppError {
  return new AppError('conflict', PICKING_ERRORS.notAssignable, `A ${status} pick task cannot be assigned.`, {
    details: { taskStatus: status },
  });
}

/** Locks the task's wave, then assigns the task if its status is one of `from`; starts the wave's picking. */
async function giveTask(
  tx: Db,
  tenantId: string,
  task: repo.PickTaskRow,
  userId: string,
  now: Date,
  from: string[],
): Promise<repo.PickTaskRow | undefined> {
  const wave = await waves.findWave(tx, tenantId, task.waveId, { lock: true });
  if (!wave || (wave.status !== 'released' && wave.status !== 'picking')) return undefined;
  const row = await repo.assignPickTask(tx, tenantId, task.id, userId, now, from);
  if (row && wave.status === 'released') await waves.updateWaveStatus(tx, tenantId, wave.id, 'picking', now);
  return row;
}

/**
 * The caller, a picker of the warehouse, takes the next open task of their zones: urgent waves first,
 * then the oldest. Two pulls never get the same task. `{ task: null }` when none is open.
 */
export async function pullPickTask(
  deps: WarehouseDeps,
  actor: Actor,
  warehouseId: string,
): Promise<PullPickTaskResult> {
  requirePermission(actor, 'warehouse.read');
  const userId = actor.userId;
  if (!userId) throw new AppError('forbidden', 'forbidden', 'Only a user can pull pick tasks.');
  await requireWarehouseRow(deps.db, actor.tenantId, warehouseId);
  const zones = (await repo.listPickerZones(deps.db, actor.tenantId, warehouseId, userId)).map(
    (row) => row.zone,
  );
  if (zones.length === 0)
    throw new AppError('forbidden', PICKING_ERRORS.notPicker, 'You own no zone in this warehouse.');
  return withTransactionRetry(() =>
    deps.db.transaction(async (tx) => {
      const now = deps.clock.now();
      const tried = new Set<string>();
      for (;;) {
        const next = await repo.nextOpenTask(tx, actor.tenantId, warehouseId, zones, [...tried]);
        if (!next) return { task: null };
        tried.add(next.id);
        const row = await giveTask(tx, actor.tenantId, next, userId, now, ['open']);
        if (row) return { task: toDetail(row) };
      }
    }),
  );
}
