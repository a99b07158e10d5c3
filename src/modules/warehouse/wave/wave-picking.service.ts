/**
 * A released wave's batches and pick tasks, made at release in its transaction: the wave's active
 * reservations are read (`pick-source.repository.ts`), planned by `pick-plan.ts` and stored.
 */
import type { Db } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { planWavePicking, type PickPlan } from './pick-plan.js';
import * as sources from './pick-source.repository.js';
import * as repo from './pick-task.repository.js';
import {
  WavePicking,
  type PickingSettings,
  type PickStop,
  type SortPlanOut,
  type WaveBatch,
} from './picking.contract.js';
import type { WaveRule } from './wave.contract.js';

/** The settings a rule's waves are picked with: the warehouse's, with the rule's method if it has one. */
export function settingsFor(warehouse: PickingSettings, rule: WaveRule): PickingSettings {
  return {
    ...warehouse,
    ...(rule.picking?.method ? { method: rule.picking.method } : {}),
    ...(rule.picking?.sortMode ? { sortMode: rule.picking.sortMode } : {}),
  };
}

/** Batches and tasks of a wave's orders from their active reservations (nothing stored). */
export async function planPicking(
  db: Db,
  tenantId: string,
  layout: unknown,
  settings: PickingSettings,
  orderIds: string[],
): Promise<PickPlan> {
  const rows = await sources.listPickSources(db, tenantId, orderIds);
  return planWavePicking({ layout, orderIds, settings, sources: rows });
}

/** The wave's `picking` column and lengths for a plan. */
export function pickingColumns(plan: PickPlan) {
  return {
    picking: {
      method: plan.method,
      sortMode: plan.sortMode,
      routeMethod: plan.routeMethod,
      batches: plan.batches.length,
      tasks: plan.tasks.length,
    },
    batchedLength: plan.batchedLength,
    singleOrderLength: plan.singleOrderLength,
    saving: plan.saving,
  };
}

/** Stores a planned wave's batches and tasks. */
export async function storePicking(
  db: Db,
  tenantId: string,
  wave: { id: string; number: number; warehouseId: string; urgent: boolean },
  plan: PickPlan,
  now: Date,
): Promise<void> {
  await repo.insertBatchesAndTasks(
    db,
    plan.batches.map((batch) => ({
      tenantId,
      waveId: wave.id,
      number: batch.number,
      orderIds: batch.orderIds,
      units: batch.units,
      oversize: batch.oversize,
      length: batch.length,
      optimal: batch.optimal,
      status: 'open',
      stops: batch.stops,
      sortPlan: batch.sortPlan,
    })),
    plan.tasks.map((task) => ({
      tenantId,
      id: newId(),
      warehouseId: wave.warehouseId,
      waveId: wave.id,
      waveNumber: wave.number,
      batchNumber: task.batchNumber,
      number: task.number,
      zone: task.zone,
      status: 'open',
      assigneeUserId: null,
      urgent: wave.urgent,
      units: task.units,
      routeLength: task.routeLength,
      stops: task.stops,
      createdAt: now,
      assignedAt: null,
      updatedAt: now,
    })),
  );
}

/** The `picking` of a stored wave (null before batching existed). */
export function wavePickingOf(row: {
  picking: Record<string, unknown> | null;
  batchedLength: number | null;
  singleOrderLength: number | null;
  saving: number | null;
}): WavePicking | null {
  if (!row.picking) return null;
  return WavePicking.parse({
    ...row.picking,
    batchedLength: row.batchedLength ?? 0,
    singleOrderLength: row.singleOrderLength ?? 0,
    saving: row.saving ?? 0,
  });
}

/** A wave's batches. */
export async function listBatches(db: Db, tenantId: string, waveId: string): Promise<WaveBatch[]> {
  const rows = await repo.listWaveBatches(db, tenantId, waveId);
  return rows.map((row) => ({
    number: row.number,
    orderIds: row.orderIds,
    units: row.units,
    oversize: row.oversize,
    length: row.length,
    optimal: row.optimal,
    status: row.status as WaveBatch['status'],
    stops: row.stops as PickStop[],
    sortPlan: (row.sortPlan as SortPlanOut | null) ?? null,
  }));
}

/** Cancels a wave's batches and tasks (inside the wave's cancel). */
export async function cancelPicking(db: Db, tenantId: string, waveId: string, now: Date): Promise<void> {
  await repo.cancelWaveBatches(db, tenantId, waveId, now);
}
