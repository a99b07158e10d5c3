import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { makeTenant, makeUser } from '../../../../test/helpers/factories.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { fixedClock } from '../../../platform/clock.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import {
  makeItem,
  makeLocation,
  makeLot,
  makeWarehouse,
  putStock,
} from '../allocation/allocation-fixtures.test-helper.js';
import { allocateOrder } from '../allocation/allocation.service.js';
import { locations, zones } from '../layout/layout.table.js';
import { createOutboundOrder } from '../orders/order.service.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
import { listPickSources } from './pick-source.repository.js';
import { savePickerZones } from './picker-zone.service.js';
import { assignPickTask, getPickTask, listPickTasks, pullPickTask } from './pick-task.service.js';
import type { PickTask } from './picking.contract.js';
import { WAVE_NOW } from './wave-fixtures.test-helper.js';
import { releaseWaves } from './wave-release.service.js';
import { saveWaveStrategy } from './wave-strategy.service.js';
import { cancelWave, getWave } from './wave.service.js';

const clock = fixedClock(WAVE_NOW);
let database: Database;
let deps: WarehouseDeps;
let admin: Actor;
let tenant: { id: string; slug: string };

beforeAll(async () => {
  database = await createTestDatabase();
  deps = { db: database.db, clock };
  const made = await makeTenant(database.db);
  admin = made.admin.actor;
  tenant = made.tenant;
});
afterAll(async () => database.close());

/**
 * A warehouse (10 aisles × 30 slots) with zone A (aisles 1–4), zone B (aisles 6–9) and one location
 * without coordinates or zone (`FLOOR`); one SKU stocked at each location.
 */
async function pickWorld(code: string) {
  const db = database.db;
  const t = admin.tenantId;
  const wh = await makeWarehouse(db, t, code);
  const zoneIds: Record<string, string> = {};
  for (const z of ['A', 'B']) {
    zoneIds[z] = newId();
    await db.insert(zones).values({
      tenantId: t,
      id: zoneIds[z],
      warehouseId: wh.id,
      code: z,
      name: `Zone ${z}`,
      createdAt: new Date(WAVE_NOW),
    });
  }
  const places: [string, string | null, number | null, number | null][] = [
    ['A-01-05', 'A', 1, 5],
    ['A-02-20', 'A', 2, 20],
    ['A-04-11', 'A', 4, 11],
    ['B-06-03', 'B', 6, 3],
    ['B-08-25', 'B', 8, 25],
    ['B-09-14', 'B', 9, 14],
    ['FLOOR', null, null, null],
  ];
  const skus: string[] = [];
  for (const [i, [loc, zone, aisle, slot]] of places.entries()) {
    const locationId = await makeLocation(db, t, wh.id, `${code}-${loc}`, { pathRank: i + 1 });
    await db
      .update(locations)
      .set({ zoneId: zone ? zoneIds[zone]! : null, aisle, block: aisle === null ? null : 1, slot })
      .where(and(eq(locations.tenantId, t), eq(locations.id, locationId)));
    const sku = `${code}-S${i}`;
    const itemId = await makeItem(db, t, sku);
    const lotId = await makeLot(db, t, itemId, `${sku}-L1`, { productionDate: '2026-11-20' });
    await putStock(db, t, { warehouseId: wh.id, locationId, itemId, lotId, quantity: 1000 });
    skus.push(sku);
  }
  let n = 0;
  const push = async (lines: [number, number][], priority: 'normal' | 'urgent' = 'normal') => {
    const { order } = await createOutboundOrder(deps, admin, {
      warehouse: code,
      externalRef: `${code}-SO-${++n}`,
      type: 'sales',
      carrier: 'SF',
      destination: { province: '浙江省', city: '杭州市' },
      pushedAt: '2026-12-07T01:00:00Z',
      priority,
      lines: lines.map(([sku, quantity]) => ({ sku: skus[sku]!, quantity })),
    });
    await allocateOrder(deps, admin, order.id);
    return order.id;
  };
  return { wh, push };
}

async function allTasks(waveId: string): Promise<PickTask[]> {
  return (await listPickTasks(deps, admin, { waveId, limit: 200 })).items;
}

describe('batches and pick tasks at release', () => {
  it('covers every reserved unit once, stores the saving and splits batches by zone', async () => {
    const { wh, push } = await pickWorld('PT1');
    await saveWaveStrategy(deps, admin, wh.id, {
      rules: [{ name: 'all', limits: {} }],
      picking: { cart: { totes: 3, units: 50 } },
    });
    const orders = [
      await push([[0, 2]]),
      await push([
        [1, 1],
        [3, 4],
      ]),
      await push([
        [2, 1],
        [5, 1],
        [6, 2],
      ]),
      await push([[4, 3]]),
      await push([
        [0, 1],
        [4, 1],
      ]),
      await push([[6, 1]]),
      await push([
        [3, 2],
        [5, 2],
      ]),
    ];
    const { waves } = await releaseWaves(deps, admin, wh.id);
    expect(waves).toHaveLength(1);
    const wave = await getWave(deps, admin, waves[0]!.id);
    expect(wave.picking).toMatchObject({ method: 'pick_and_sort', routeMethod: 'optimal' });
    const picking = wave.picking!;
    expect(picking.saving).toBeCloseTo(1 - picking.batchedLength / picking.singleOrderLength, 12);
    expect(picking.batchedLength).toBeCloseTo(
      wave.batches.reduce((sum, batch) => sum + batch.length, 0),
      9,
    );
    expect(picking.batchedLength).toBeLessThanOrEqual(picking.singleOrderLength + 1e-9);
    expect(picking.batches).toBe(wave.batches.length);

    const reserved = await listPickSources(database.db, admin.tenantId, orders);
    const expected = new Map(reserved.map((r) => [r.reservationId, r.quantity]));
    for (const batch of wave.batches) {
      expect(batch.orderIds.length).toBeLessThanOrEqual(3);
      expect(batch.units <= 50 || batch.oversize).toBe(true);
      expect(batch.stops.map((s) => s.seq)).toEqual(batch.stops.map((_, i) => i + 1));
    }
    const batchStops = wave.batches.flatMap((batch) => batch.stops);
    expect(new Map(batchStops.map((s) => [s.reservationId, s.quantity]))).toEqual(expected);
    expect(batchStops).toHaveLength(expected.size);

    const tasks = await allTasks(wave.id);
    expect(tasks).toHaveLength(picking.tasks);
    const details = await Promise.all(tasks.map((task) => getPickTask(deps, admin, task.id)));
    const taskStops = details.flatMap((task) => task.stops);
    expect(taskStops).toHaveLength(expected.size);
    expect(new Map(taskStops.map((s) => [s.reservationId, s.quantity]))).toEqual(expected);
    for (const task of details) {
      expect(task.status).toBe('open');
      expect(task.stops.every((stop) => stop.zone === task.zone)).toBe(true);
      expect(task.units).toBe(task.stops.reduce((sum, stop) => sum + stop.quantity, 0));
      const batch = wave.batches.find((b) => b.number === task.batchNumber)!;
      expect(task.stops.every((stop) => batch.orderIds.includes(stop.orderId))).toBe(true);
      // Unroutable stops (no coordinates) come last and add no length.
      const firstOff = task.stops.findIndex((stop) => stop.aisle === null);
      if (firstOff >= 0) expect(task.stops.slice(firstOff).every((stop) => stop.aisle === null)).toBe(true);
      if (task.zone === null) expect(task.routeLength).toBe(0);
      else expect(task.routeLength).toBeGreaterThan(0);
    }
    for (const batch of wave.batches) {
      const zonesOfBatch = tasks.filter((task) => task.batchNumber === batch.number).map((task) => task.zone);
      expect(new Set(zonesOfBatch).size).toBe(zonesOfBatch.length);
      expect(new Set(zonesOfBatch)).toEqual(new Set(batch.stops.map((stop) => stop.zone)));
    }
    expect(new Set(tasks.map((task) => task.zone))).toEqual(new Set(['A', 'B', null]));

    await cancelWave(deps, admin, wave.id);
    const cancelled = await getWave(deps, admin, wave.id);
    expect(cancelled.batches.every((batch) => batch.status === 'cancelled')).toBe(true);
    expect((await allTasks(wave.id)).every((task) => task.status === 'cancelled')).toBe(true);
  });

  it('batch-then-sort waves carry a put-wall plan naming every reserved unit', async () => {
    const { wh, push } = await pickWorld('PT2');
    await saveWaveStrategy(deps, admin, wh.id, {
      rules: [{ name: 'all', limits: {}, picking: { method: 'batch_pick_then_sort', sortMode: 'pick' } }],
      picking: { putWallSlots: 2 },
    });
    await push([[0, 2]]);
    await push([[3, 1]]);
    await push([
      [1, 1],
      [6, 1],
    ]);
    const { waves } = await releaseWaves(deps, admin, wh.id);
    const wave = await getWave(deps, admin, waves[0]!.id);
    expect(wave.picking).toMatchObject({ method: 'batch_pick_then_sort', sortMode: 'pick' });
    for (const batch of wave.batches) {
      expect(batch.orderIds.length).toBeLessThanOrEqual(2);
      expect(batch.sortPlan?.mode).toBe('pick');
      expect(new Set(batch.sortPlan!.puts.map((put) => put.reservationId))).toEqual(
        new Set(batch.stops.map((stop) => stop.reservationId)),
      );
    }
  });
});

describe('picker zones, assigning and pulling', () => {
  it('assigns to a picker of the zone only, and starts the wave', async () => {
    const { wh, push } = await pickWorld('PT3');
    await saveWaveStrategy(deps, admin, wh.id, { rules: [{ name: 'all', limits: {} }] });
    await push([
      [0, 1],
      [3, 1],
    ]);
    const { waves } = await releaseWaves(deps, admin, wh.id);
    const picker = await makeUser(database.db, tenant, 'picker');
    await savePickerZones(deps, admin, wh.id, { assignments: [{ userId: picker.id, zones: ['A'] }] });
    const tasks = await allTasks(waves[0]!.id);
    const inA = tasks.find((task) => task.zone === 'A')!;
    const inB = tasks.find((task) => task.zone === 'B')!;
    await expect(assignPickTask(deps, admin, inB.id, picker.id)).rejects.toMatchObject({
      code: 'warehouse.pick_task.not_zone_picker',
      issues: [{ path: 'userId' }],
    });
    expect(await assignPickTask(deps, admin, inA.id, picker.id)).toMatchObject({
      status: 'assigned',
      assigneeUserId: picker.id,
    });
    expect((await getWave(deps, admin, waves[0]!.id)).status).toBe('picking');
    await expect(cancelWave(deps, admin, waves[0]!.id)).rejects.toMatchObject({
      code: 'warehouse.wave.not_cancellable',
    });
    await expect(assignPickTask(deps, picker.actor, inA.id, picker.id)).rejects.toMatchObject({
      kind: 'forbidden',
    });

    await push([[1, 1]]);
    const second = (await releaseWaves(deps, admin, wh.id)).waves[0]!;
    await cancelWave(deps, admin, second.id);
    const [cancelledTask] = await allTasks(second.id);
    await expect(assignPickTask(deps, admin, cancelledTask!.id, picker.id)).rejects.toMatchObject({
      code: 'warehouse.pick_task.not_assignable',
    });
  });

  it('gives concurrent pulls different tasks, urgent waves first, and only in the picker zones', async () => {
    const { wh, push } = await pickWorld('PT4');
    await saveWaveStrategy(deps, admin, wh.id, {
      rules: [{ name: 'all', limits: {} }],
      picking: { method: 'by_order' },
    });
    for (let i = 0; i < 4; i++) await push([[i % 3, 1]]);
    const normal = (await releaseWaves(deps, admin, wh.id)).waves[0]!;
    await push([[2, 1]], 'urgent');
    const urgent = (await releaseWaves(deps, admin, wh.id)).waves[0]!;
    const pickers = await Promise.all([1, 2, 3, 4, 5, 6].map(() => makeUser(database.db, tenant, 'picker')));
    await savePickerZones(deps, admin, wh.id, {
      assignments: pickers.map((p) => ({ userId: p.id, zones: ['A'] })),
    });
    const first = await pullPickTask(deps, pickers[0]!.actor, wh.id);
    expect(first.task).toMatchObject({ waveId: urgent.id, urgent: true, zone: 'A', status: 'assigned' });
    const pulled = await Promise.all(pickers.slice(1).map((p) => pullPickTask(deps, p.actor, wh.id)));
    const got = pulled.flatMap((result) => (result.task ? [result.task] : []));
    expect(got).toHaveLength(4);
    expect(new Set(got.map((task) => task.id)).size).toBe(4);
    expect(got.every((task) => task.waveId === normal.id && task.zone === 'A')).toBe(true);
    expect(pulled.filter((result) => result.task === null)).toHaveLength(1);
    const outsider = await makeUser(database.db, tenant, 'picker');
    await expect(pullPickTask(deps, outsider.actor, wh.id)).rejects.toMatchObject({
      code: 'warehouse.pick_task.not_picker',
    });
  });
});
