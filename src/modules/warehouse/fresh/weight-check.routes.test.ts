import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTenant, makeUser, TEST_PASSWORD } from '../../../../test/helpers/factories.js';
import { createTestApp, signInCookie } from '../../../../test/helpers/server.js';
import { DAY_MS, fixedClock } from '../../../platform/clock.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { allocateOrder } from '../allocation/allocation.service.js';
import { shipOrder } from '../allocation/ship.service.js';
import { putaway } from '../inbound/inbound.service.js';
import { receive } from '../inbound/receipt.service.js';
import { makeWarehouse } from '../inbound/inbound.test-helper.js';
import { createOutboundOrder } from '../orders/order.service.js';
import { stock, stockMoves } from '../stock/stock.table.js';
import type { WeightCheck, WeightCheckPage } from './weight-check.contract.js';

const T0 = new Date('2026-03-01T08:00:00Z');
const day = (n: number) => new Date(T0.getTime() + n * DAY_MS);
const clock = fixedClock(T0);
let app: Awaited<ReturnType<typeof createTestApp>>;

beforeAll(async () => {
  app = await createTestApp({ clock });
});
afterAll(async () => app.close());

/**
 * A tenant with warehouse WH and catch-weight FISH; a receiving and a shipping manager, a picker,
 * signed-in sessions, and helpers to ship FISH orders at a given day.
 */
async function world() {
  clock.set(T0);
  const db = app.database.db;
  const w = await makeWarehouse(db, clock);
  const receiver = await makeUser(db, w.tenant, 'warehouse_manager');
  const shipper = await makeUser(db, w.tenant, 'warehouse_manager');
  const picker = await makeUser(db, w.tenant, 'picker');
  const cookie = await signInCookie(app.app, w.admin.email, TEST_PASSWORD);
  const pickerCookie = await signInCookie(app.app, picker.email, TEST_PASSWORD);
  let n = 0;
  /** Pushes, allocates and ships an order of FISH at `at`, weighed out at `weightKg`. */
  const shipFish = async (quantity: number, weightKg: number, at: Date) => {
    clock.set(at);
    const { order } = await createOutboundOrder(w.deps, shipper.actor, {
      warehouse: 'WH',
      externalRef: `SO-${++n}`,
      type: 'requisition',
      lines: [{ sku: 'FISH', quantity }],
    });
    await allocateOrder(w.deps, shipper.actor, order.id);
    await shipOrder(w.deps, shipper.actor, order.id, { weights: [{ lineNo: 1, weightKg }] });
    return order;
  };
  const get = async (url: string, as = cookie) => {
    const response = await app.app.inject({ url, headers: { cookie: as } });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<WeightCheckPage>();
  };
  const patchSettings = async (payload: object) => {
    const response = await app.app.inject({
      method: 'PATCH',
      url: '/api/warehouse/settings',
      headers: { cookie },
      payload,
    });
    expect(response.statusCode, response.body).toBe(200);
  };
  return { ...w, db, receiver, shipper, picker, cookie, pickerCookie, shipFish, get, patchSettings };
}

/** Receives FISH `lot` into storage `location`, as `actor`, at `at`. */
async function receiveFish(
  w: Awaited<ReturnType<typeof world>>,
  actor: Actor,
  lot: string,
  quantity: number,
  weightKg: number,
  at: Date,
  putawayTo: string | null = 'A-01-01-1',
) {
  clock.set(at);
  await receive(w.deps, actor, w.warehouse.id, {
    lines: [
      { sku: 'FISH', quantity, weightKg, lot: { lotNumber: lot }, ...(putawayTo ? { putawayTo } : {}) },
    ],
  });
}

describe('weighing fresh goods out', () => {
  it('flags a loss above the tolerance per day, naming who weighed in and out', async () => {
    const w = await world();
    await receiveFish(w, w.receiver.actor, 'SAL-1', 10, 45, T0);
    // 4 of 10 weighed in at 45.0 kg = 18.0 kg; two days at 5 % a day allow 10 %.
    const normal = await w.shipFish(4, 17, day(2));
    const lossy = await w.shipFish(4, 15, day(2));
    const all = await w.get(`/api/warehouse/weight-checks?warehouseId=${w.warehouse.id}`);
    expect(all.items.map((c) => c.orderId).sort()).toEqual([lossy.id, normal.id].sort());
    const byOrder = new Map(all.items.map((c) => [c.orderId, c]));
    expect(byOrder.get(normal.id)).toMatchObject({
      externalRef: normal.externalRef,
      lineNo: 1,
      sku: 'FISH',
      itemName: '鲜鱼',
      lotNumber: 'SAL-1',
      locationCode: 'A-01-01-1',
      quantity: 4,
      weighedInKg: 18,
      weighedOutKg: 17,
      days: 2,
      lossRatio: 0.055556,
      allowedRatio: 0.1,
      overTolerance: false,
      weighedInAt: T0.toISOString(),
      weighedOutAt: day(2).toISOString(),
    } satisfies Partial<WeightCheck>);
    // What stayed still weighs 4.5 kg a unit, so the next 4 weighed in at 18.0 kg too.
    expect(byOrder.get(lossy.id)).toMatchObject({
      weighedInKg: 18,
      weighedOutKg: 15,
      lossRatio: 0.166667,
      allowedRatio: 0.1,
      overTolerance: true,
      weighedInBy: { id: w.receiver.id, email: w.receiver.email },
      weighedOutBy: { id: w.shipper.id, email: w.shipper.email },
    });
    const flagged = await w.get('/api/warehouse/weight-checks?flagged=true');
    expect(flagged.items.map((c) => c.orderId)).toEqual([lossy.id]);
    const normalOnly = await w.get('/api/warehouse/weight-checks?flagged=false');
    expect(normalOnly.items.map((c) => c.orderId)).toEqual([normal.id]);
    const ofOrder = await w.get(`/api/warehouse/weight-checks?orderId=${normal.id}`);
    expect(ofOrder.items.map((c) => c.orderId)).toEqual([normal.id]);
    // The shipment move carries the weight weighed out; the stock row kept its weight per unit.
    const shipped = await w.db
      .select()
      .from(stockMoves)
      .where(and(eq(stockMoves.tenantId, w.tenant.id), eq(stockMoves.kind, 'shipment')));
    expect(shipped.map((m) => m.weightKg).sort()).toEqual([15, 17]);
    const [row] = await w.db
      .select()
      .from(stock)
      .where(and(eq(stock.tenantId, w.tenant.id), eq(stock.onHand, 2)));
    expect(row?.weightKg).toBe(9);
  });

  it('never flags a gain', async () => {
    const w = await world();
    await receiveFish(w, w.receiver.actor, 'SAL-1', 10, 45, T0);
    await w.shipFish(2, 9.5, day(1));
    const [check] = (await w.get('/api/warehouse/weight-checks')).items;
    expect(check).toMatchObject({ weighedInKg: 9, weighedOutKg: 9.5, lossRatio: -0.055556 });
    expect(check?.overTolerance).toBe(false);
  });

  it('judges with the tolerance the tenant has when the goods are weighed out', async () => {
    const w = await world();
    await receiveFish(w, w.receiver.actor, 'SAL-1', 10, 45, T0);
    await w.patchSettings({ weightLossTolerancePerDay: 0.1 });
    const lenient = await w.shipFish(4, 15, day(2));
    await w.patchSettings({ weightLossTolerancePerDay: 0.02 });
    const strict = await w.shipFish(4, 17, day(2));
    const byOrder = new Map((await w.get('/api/warehouse/weight-checks')).items.map((c) => [c.orderId, c]));
    expect(byOrder.get(lenient.id)).toMatchObject({
      lossRatio: 0.166667,
      allowedRatio: 0.2,
      overTolerance: false,
    });
    expect(byOrder.get(strict.id)).toMatchObject({
      lossRatio: 0.055556,
      allowedRatio: 0.04,
      overTolerance: true,
    });
  });

  it('splits a line over two lots by what they weighed in, each judged by its own days', async () => {
    const w = await world();
    const stocker = await makeUser(w.db, w.tenant, 'warehouse_manager');
    await receiveFish(w, w.receiver.actor, 'SAL-1', 10, 45, T0);
    // SAL-2 arrives at the dock on day 0 and is put away by another user on day 1.
    await receiveFish(w, w.receiver.actor, 'SAL-2', 10, 40, T0, null);
    clock.set(day(1));
    await putaway(w.deps, stocker.actor, w.warehouse.id, {
      sku: 'FISH',
      lotNumber: 'SAL-2',
      from: 'RECV',
      to: 'A-01-02-1',
      quantity: 10,
    });
    // FIFO: 10 of SAL-1 (45.0 kg) + 4 of SAL-2 (16.0 kg) = 61.0 kg in; 55.0 kg out.
    const order = await w.shipFish(14, 55, day(2));
    const checks = (await w.get(`/api/warehouse/weight-checks?orderId=${order.id}`)).items;
    const byLot = new Map(checks.map((c) => [c.lotNumber, c]));
    expect(checks).toHaveLength(2);
    expect(byLot.get('SAL-1')).toMatchObject({
      quantity: 10,
      weighedInKg: 45,
      weighedOutKg: 40.574,
      days: 2,
      lossRatio: 0.098356,
      allowedRatio: 0.1,
      overTolerance: false,
      weighedInBy: { id: w.receiver.id },
    });
    expect(byLot.get('SAL-2')).toMatchObject({
      quantity: 4,
      weighedInKg: 16,
      weighedOutKg: 14.426,
      days: 1,
      lossRatio: 0.098375,
      allowedRatio: 0.05,
      overTolerance: true,
      weighedInBy: { id: stocker.id },
      weighedOutBy: { id: w.shipper.id },
    });
    const shipped = await w.db
      .select()
      .from(stockMoves)
      .where(and(eq(stockMoves.tenantId, w.tenant.id), eq(stockMoves.kind, 'shipment')));
    expect(shipped.map((m) => m.weightKg).sort()).toEqual([14.426, 40.574]);
  });
});

describe('GET /api/warehouse/weight-checks', () => {
  it('pages newest first, lets a picker read and shows another tenant nothing', async () => {
    const w = await world();
    await receiveFish(w, w.receiver.actor, 'SAL-1', 10, 45, T0);
    const first = await w.shipFish(3, 13, day(1));
    const second = await w.shipFish(3, 10, day(2));
    const page1 = await w.get('/api/warehouse/weight-checks?limit=1', w.pickerCookie);
    expect(page1.items.map((c) => c.orderId)).toEqual([second.id]);
    expect(page1.nextCursor).not.toBeNull();
    const page2 = await w.get(
      `/api/warehouse/weight-checks?limit=1&after=${page1.nextCursor}`,
      w.pickerCookie,
    );
    expect(page2.items.map((c) => c.orderId)).toEqual([first.id]);
    expect(page2.nextCursor).toBeNull();
    const bad = await app.app.inject({
      url: '/api/warehouse/weight-checks?after=nonsense',
      headers: { cookie: w.cookie },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'warehouse.weight_check.cursor_invalid' });
    const other = await makeTenant(w.db);
    const otherCookie = await signInCookie(app.app, other.admin.email, TEST_PASSWORD);
    expect((await w.get('/api/warehouse/weight-checks', otherCookie)).items).toEqual([]);
    const anonymous = await app.app.inject({ url: '/api/warehouse/weight-checks' });
    expect(anonymous.statusCode).toBe(401);
  });
});
