/**
 * Preview and release. Both plan the same way (`wave-plan.ts`) over the same pool; the release runs
 * in one transaction that first locks the warehouse's strategy row, so releases of one warehouse
 * queue and each sees the waves the one before stored (the partial unique index on active wave
 * orders backs this up). A release reserves nothing: it groups allocated orders. The orders are not
 * changed, so cancelling a wave gives them back exactly as they were.
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { withTransactionRetry } from '../../../platform/db/retry.js';
import { publishDomainEvent } from '../../../platform/events/domain-event.js';
import { newId } from '../../../platform/ids.js';
import { requireWarehouseRow } from '../layout/layout.service.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
import type { LeftOutOrder, WavePreview, WaveRelease } from './wave.contract.js';
import { planWaves, type PlanLeftOut, type PlanWave, type PoolOrder, type WavePlan } from './wave-plan.js';
import type { PickPlan } from './pick-plan.js';
import { pickingColumns, planPicking, settingsFor, storePicking } from './wave-picking.service.js';
import type { PickingSettings } from './picking.contract.js';
import { loadPool } from './wave-pool.service.js';
import { readStrategy } from './wave-strategy.service.js';
import * as repo from './wave.repository.js';
import { toWave } from './wave.service.js';

/** Which orders each rule would take now, and why every other open order would stay; writes nothing. */
export async function previewWaves(
  deps: WarehouseDeps,
  actor: Actor,
  warehouseId: string,
): Promise<WavePreview> {
  requirePermission(actor, 'warehouse.read');
  const now = deps.clock.now();
  const plan = await planFor(deps.db, actor, warehouseId, now, false);
  return {
    warehouseId,
    at: now.toISOString(),
    waves: plan.waves.map((wave) => ({
      rule: wave.rule.name,
      orders: wave.orders.map(orderRef),
      totals: wave.totals,
    })),
    leftOut: plan.leftOut.map(toLeftOut),
  };
}

/** Plans as the preview does and stores one wave per rule that took orders. */
export async function releaseWaves(
  deps: WarehouseDeps,
  actor: Actor,
  warehouseId: string,
): Promise<WaveRelease> {
  requirePermission(actor, 'warehouse.orders');
  return withTransactionRetry(() =>
    deps.db.transaction(async (tx) => {
      const now = deps.clock.now();
      const plan = await planFor(tx, actor, warehouseId, now, true);
      const stored = await storeWaves(tx, actor, warehouseId, plan, now);
      return { waves: stored, leftOut: plan.leftOut.map(toLeftOut) };
    }),
  );
}

async function planFor(
  db: Db,
  actor: Actor,
  warehouseId: string,
  now: Date,
  lock: boolean,
): Promise<WavePlan & { layout: unknown; picking: PickingSettings }> {
  const warehouse = await requireWarehouseRow(db, actor.tenantId, warehouseId);
  const strategy = await readStrategy(db, actor.tenantId, warehouseId, { lock });
  const orders = await loadPool(db, actor, warehouseId, strategy.rules);
  const plan = planWaves({
    rules: strategy.rules,
    releasePartiallyAllocated: strategy.releasePartiallyAllocated,
    orders,
    now,
    timeZone: warehouse.timeZone,
  });
  return { ...plan, layout: warehouse.layout, picking: strategy.picking };
}

async function storeWaves(
  tx: Db,
  actor: Actor,
  warehouseId: string,
  plan: WavePlan & { layout: unknown; picking: PickingSettings },
  now: Date,
): Promise<WaveRelease['waves']> {
  const planned: PlanWave[] = plan.waves;
  if (planned.length === 0) return [];
  const tenantId = actor.tenantId;
  const first = await repo.nextWaveNumber(tx, tenantId, warehouseId);
  const picking: PickPlan[] = [];
  for (const wave of planned)
    picking.push(
      await planPicking(
        tx,
        tenantId,
        plan.layout,
        settingsFor(plan.picking, wave.rule),
        wave.orders.map((order) => order.id),
      ),
    );
  const rows = waveRows(actor, warehouseId, planned, picking, first, now);
  const members = memberRows(tenantId, planned, rows);
  await repo.insertWaves(tx, rows, members);
  for (const [index, row] of rows.entries())
    await storePicking(
      tx,
      tenantId,
      {
        id: row.id,
        number: row.number,
        warehouseId,
        urgent: planned[index]!.orders.some((order) => order.priority === 'urgent'),
      },
      picking[index]!,
      now,
    );
  for (const [index, row] of rows.entries())
    await publishDomainEvent(tx, {
      tenantId,
      type: 'warehouse.wave.released',
      occurredAt: now,
      actorUserId: actor.userId,
      payload: {
        waveId: row.id,
        warehouseId,
        number: row.number,
        rule: planned[index]!.rule.name,
        orderIds: planned[index]!.orders.map((order) => order.id),
        totals: planned[index]!.totals,
      },
    });
  return rows.map(toWave);
}

function waveRows(
  actor: Actor,
  warehouseId: string,
  planned: PlanWave[],
  picking: PickPlan[],
  first: number,
  now: Date,
): repo.NewWaveRow[] {
  const tenantId = actor.tenantId;
  return planned.map((wave, index) => ({
    tenantId,
    id: newId(),
    warehouseId,
    number: first + index,
    rule: wave.rule,
    status: 'released',
    orderCount: wave.totals.orders,
    lineCount: wave.totals.lines,
    unitCount: wave.totals.units,
    weightKg: wave.totals.weightKg,
    ...pickingColumns(picking[index]!),
    releasedByUserId: actor.userId,
    releasedAt: now,
    cancelledByUserId: null,
    cancelledAt: null,
    updatedAt: now,
  }));
}

function memberRows(tenantId: string, planned: PlanWave[], rows: repo.NewWaveRow[]): repo.WaveOrderRow[] {
  return planned.flatMap((wave, index) =>
    wave.orders.map((order, position) => ({
      tenantId,
      waveId: rows[index]!.id,
      orderId: order.id,
      position: position + 1,
      externalRef: order.externalRef,
      priority: order.priority,
      pushedAt: order.pushedAt,
      active: true,
    })),
  );
}

function orderRef(order: PoolOrder) {
  return {
    orderId: order.id,
    externalRef: order.externalRef,
    priority: order.priority as LeftOutOrder['priority'],
    pushedAt: order.pushedAt.toISOString(),
  };
}

function toLeftOut(entry: PlanLeftOut): LeftOutOrder {
  return {
    ...orderRef(entry.order),
    status: entry.order.status as LeftOutOrder['status'],
    code: entry.code,
    message: entry.message,
    rule: entry.rule,
    rules: entry.rules,
  };
}
