import { and, asc, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { fixedClock } from '../../../platform/clock.js';
import type { Database } from '../../../platform/db/database.js';
import { domainEvents } from '../../../platform/events/domain-event.table.js';
import { getOrder } from '../orders/order.service.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
import { makeWaveWorld, pushEveryReason, WAVE_NOW } from './wave-fixtures.test-helper.js';
import { previewWaves, releaseWaves } from './wave-release.service.js';
import { cancelWave, getWave, listWaves, startWavePicking } from './wave.service.js';

const clock = fixedClock(WAVE_NOW);
let database: Database;
let deps: WarehouseDeps;
let admin: Actor;

beforeAll(async () => {
  database = await createTestDatabase();
  deps = { db: database.db, clock };
  admin = (await makeTenant(database.db)).admin.actor;
});
afterAll(async () => database.close());

describe('wave preview, release and cancel', () => {
  it('gives each order of the pool its reason, and releases what the preview showed', async () => {
    const world = await makeWaveWorld(database.db, deps, admin, 'PR1');
    await world.strategy();
    const o = await pushEveryReason(world);
    const preview = await previewWaves(deps, admin, world.wh.id);
    expect(preview.waves).toMatchObject([
      {
        rule: 'SF Zhejiang VIP singles',
        orders: [{ orderId: o.takenUrgent }, { orderId: o.taken }],
        totals: { orders: 2, lines: 2, units: 3, weightKg: 3 },
      },
    ]);
    const reasons = Object.fromEntries(preview.leftOut.map((left) => [left.orderId, left.code]));
    expect(reasons).toEqual({
      [o.pending]: 'not_allocated',
      [o.backordered]: 'not_allocated',
      [o.partial]: 'partially_allocated',
      [o.carrier]: 'carrier',
      [o.itemCount]: 'item_count',
      [o.destination]: 'destination',
      [o.cutOff]: 'cut_off',
      [o.type]: 'type',
      [o.valueTier]: 'value_tier',
      [o.overLimit]: 'over_limit',
      [o.weightUnknown]: 'weight_unknown',
    });
    expect(preview.leftOut.find((left) => left.orderId === o.overLimit)).toMatchObject({
      rule: 'SF Zhejiang VIP singles',
      message: 'The wave is full: 3 + 8 units is over the limit of 10.',
    });
    expect(await listWaves(deps, admin, { warehouseId: world.wh.id, limit: 50 })).toEqual({
      items: [],
      nextCursor: null,
    });

    const released = await releaseWaves(deps, admin, world.wh.id);
    expect(released.waves).toMatchObject([
      { number: 1, status: 'released', totals: preview.waves[0]!.totals },
    ]);
    expect(released.leftOut).toEqual(preview.leftOut);
    const again = await previewWaves(deps, admin, world.wh.id);
    // The order over the first wave's cap fits the next one.
    expect(again.waves).toMatchObject([{ orders: [{ orderId: o.overLimit }] }]);
    expect(again.leftOut.find((left) => left.orderId === o.taken)).toMatchObject({
      code: 'in_wave',
      message: 'Already in wave 1.',
    });
    // The partially allocated order goes when the strategy says so, into wave 2.
    await world.strategy({ releasePartiallyAllocated: true, rules: [{ name: 'rest', limits: {} }] });
    const second = await releaseWaves(deps, admin, world.wh.id);
    expect(second.waves).toMatchObject([{ number: 2, rule: { name: 'rest' } }]);
    expect(second.leftOut.find((left) => left.orderId === o.taken)?.code).toBe('in_wave');
    const wave2 = await getWave(deps, admin, second.waves[0]!.id);
    expect(wave2.orders.map((order) => order.orderId)).toContain(o.partial);
    expect(wave2.orders.map((order) => order.orderId)).not.toContain(o.pending);
  });

  it('cancels a wave before picking: its orders are back in the pool exactly as they were', async () => {
    const world = await makeWaveWorld(database.db, deps, admin, 'CX1');
    await world.strategy();
    const o = await pushEveryReason(world);
    const ids = Object.values(o);
    const before = await Promise.all(ids.map((id) => getOrder(deps, admin, id)));
    const preview = await previewWaves(deps, admin, world.wh.id);
    const { waves } = await releaseWaves(deps, admin, world.wh.id);
    const cancelled = await cancelWave(deps, admin, waves[0]!.id);
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelledAt: new Date(WAVE_NOW).toISOString() });
    expect(cancelled.orders.map((order) => order.orderId)).toEqual([o.takenUrgent, o.taken]);
    expect(await Promise.all(ids.map((id) => getOrder(deps, admin, id)))).toEqual(before);
    expect(await previewWaves(deps, admin, world.wh.id)).toEqual(preview);
    await expect(cancelWave(deps, admin, waves[0]!.id)).rejects.toMatchObject({
      code: 'warehouse.wave.not_cancellable',
    });
    // Released again, the same orders make wave 2; once picking starts it cannot be cancelled.
    const next = await releaseWaves(deps, admin, world.wh.id);
    expect(next.waves).toMatchObject([{ number: 2, totals: preview.waves[0]!.totals }]);
    await startWavePicking(deps, admin, next.waves[0]!.id);
    await expect(cancelWave(deps, admin, next.waves[0]!.id)).rejects.toMatchObject({
      code: 'warehouse.wave.not_cancellable',
      details: { waveStatus: 'picking' },
    });
    const events = await database.db
      .select({ type: domainEvents.type, payload: domainEvents.payload })
      .from(domainEvents)
      .where(and(eq(domainEvents.tenantId, admin.tenantId), like(domainEvents.type, 'warehouse.wave.%')))
      .orderBy(asc(domainEvents.createdAt));
    const mine = events.filter(
      (event) => (event.payload as { warehouseId: string }).warehouseId === world.wh.id,
    );
    expect(mine.map((event) => event.type)).toEqual([
      'warehouse.wave.released',
      'warehouse.wave.cancelled',
      'warehouse.wave.released',
    ]);
    expect(mine[0]!.payload).toMatchObject({ number: 1, orderIds: [o.takenUrgent, o.taken] });
  });

  it('lists waves newest first, page by page', async () => {
    const world = await makeWaveWorld(database.db, deps, admin, 'LS1');
    await world.strategy({ rules: [{ name: 'one at a time', limits: { orders: 1 } }] });
    for (let i = 0; i < 3; i += 1) await world.push([['A', 1]]);
    const numbers: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const later = { ...deps, clock: fixedClock(new Date(Date.parse(WAVE_NOW) + i * 60_000).toISOString()) };
      numbers.push(...(await releaseWaves(later, admin, world.wh.id)).waves.map((wave) => wave.number));
    }
    expect(numbers).toEqual([1, 2, 3]);
    const first = await listWaves(deps, admin, { warehouseId: world.wh.id, limit: 2 });
    expect(first.items.map((wave) => wave.number)).toEqual([3, 2]);
    const rest = await listWaves(deps, admin, {
      warehouseId: world.wh.id,
      limit: 2,
      after: first.nextCursor!,
    });
    expect(rest).toMatchObject({ items: [{ number: 1 }], nextCursor: null });
    await expect(listWaves(deps, admin, { limit: 2, after: 'nope' })).rejects.toMatchObject({
      code: 'warehouse.wave.bad_cursor',
    });
  });
});
