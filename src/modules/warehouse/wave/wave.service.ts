/** Released waves: list, read, cancel before picking, and the step into picking. */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import { withTransactionRetry } from '../../../platform/db/retry.js';
import { publishDomainEvent } from '../../../platform/events/domain-event.js';
import { decodeTimeCursor, encodeTimeCursor } from '../../../platform/time-cursor.js';
import * as orders from '../orders/order-state.service.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
import {
  WAVE_ERRORS,
  WaveRule,
  type Wave,
  type WaveDetail,
  type WavePage,
  type WaveQuery,
  type WaveStatus,
} from './wave.contract.js';
import { waveNotCancellable, waveNotFound, waveNotReleased } from './wave.errors.js';
import { cancelPicking, listBatches, wavePickingOf } from './wave-picking.service.js';
import * as repo from './wave.repository.js';

/** A stored wave as the API answers it. */
export function toWave(row: repo.NewWaveRow): Wave {
  return {
    id: row.id,
    warehouseId: row.warehouseId,
    number: row.number,
    rule: WaveRule.parse(row.rule),
    status: row.status as WaveStatus,
    totals: {
      orders: row.orderCount,
      lines: row.lineCount,
      units: row.unitCount,
      weightKg: row.weightKg ?? null,
    },
    picking: wavePickingOf({
      picking: row.picking ?? null,
      batchedLength: row.batchedLength ?? null,
      singleOrderLength: row.singleOrderLength ?? null,
      saving: row.saving ?? null,
    }),
    releasedAt: row.releasedAt.toISOString(),
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
  };
}

/** Waves, newest release first, keyset paged. */
export async function listWaves(
  deps: Pick<WarehouseDeps, 'db'>,
  actor: Actor,
  query: WaveQuery,
): Promise<WavePage> {
  requirePermission(actor, 'warehouse.read');
  const cursor = decodeTimeCursor(query.after, WAVE_ERRORS.badCursor);
  const filter = {
    ...(query.warehouseId ? { warehouseIds: [query.warehouseId] } : {}),
    ...(query.status ? { status: query.status } : {}),
  };
  const rows = await repo.listWaves(deps.db, actor.tenantId, filter, cursor, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toWave),
    nextCursor:
      rows.length > query.limit && last ? encodeTimeCursor({ at: last.releasedAt, id: last.id }) : null,
  };
}

/** One wave with its orders in pick order and each order's status now (404 `warehouse.wave.not_found`). */
export async function getWave(
  deps: Pick<WarehouseDeps, 'db'>,
  actor: Actor,
  id: string,
): Promise<WaveDetail> {
  requirePermission(actor, 'warehouse.read');
  const row = await repo.findWave(deps.db, actor.tenantId, id);
  if (!row) throw waveNotFound(id);
  const members = await repo.listWaveOrders(deps.db, actor.tenantId, id);
  const batches = await listBatches(deps.db, actor.tenantId, id);
  const detail: WaveDetail = { ...toWave(row), orders: [], batches };
  for (const member of members) {
    const order = await orders.findOrderRow(deps.db, actor.tenantId, member.orderId);
    detail.orders.push({
      orderId: member.orderId,
      externalRef: member.externalRef,
      priority: member.priority as WaveDetail['orders'][number]['priority'],
      pushedAt: member.pushedAt.toISOString(),
      status: (order?.status ?? 'cancelled') as WaveDetail['orders'][number]['status'],
    });
  }
  return detail;
}

/**
 * Cancels a released wave (409 `warehouse.wave.not_cancellable` once picking has started): its orders
 * leave it and are back in the pool for the next release, unchanged (a release never changed them);
 * its batches and pick tasks are cancelled.
 */
export async function cancelWave(deps: WarehouseDeps, actor: Actor, id: string): Promise<WaveDetail> {
  requirePermission(actor, 'warehouse.orders');
  await withTransactionRetry(() =>
    deps.db.transaction(async (tx) => {
      const row = await repo.findWave(tx, actor.tenantId, id, { lock: true });
      if (!row) throw waveNotFound(id);
      if (row.status !== 'released') throw waveNotCancellable(row.status);
      const now = deps.clock.now();
      await repo.cancelWaveRows(tx, actor.tenantId, id, { now, actorUserId: actor.userId });
      await cancelPicking(tx, actor.tenantId, id, now);
      await publishDomainEvent(tx, {
        tenantId: actor.tenantId,
        type: 'warehouse.wave.cancelled',
        occurredAt: now,
        actorUserId: actor.userId,
        payload: { waveId: id, warehouseId: row.warehouseId, number: row.number, orders: row.orderCount },
      });
    }),
  );
  return getWave(deps, actor, id);
}

/**
 * Moves a released wave into picking (from then on it cannot be cancelled). Its batches and tasks
 * were made at release; giving out its first task also starts its picking.
 */
export async function startWavePicking(deps: WarehouseDeps, actor: Actor, id: string): Promise<WaveDetail> {
  requirePermission(actor, 'warehouse.orders');
  await deps.db.transaction(async (tx) => {
    const row = await repo.findWave(tx, actor.tenantId, id, { lock: true });
    if (!row) throw waveNotFound(id);
    if (row.status !== 'released') throw waveNotReleased(row.status);
    await repo.updateWaveStatus(tx, actor.tenantId, id, 'picking', deps.clock.now());
  });
  return getWave(deps, actor, id);
}
