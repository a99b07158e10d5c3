import { describe, expect, it } from 'vitest';
import { makeTenant, makeUser, TEST_PASSWORD } from '../../../../test/helpers/factories.js';
import { signInCookie, useTestApp } from '../../../../test/helpers/server.js';
import { systemClock } from '../../../platform/clock.js';
import { makeWarehouse } from '../allocation/allocation-fixtures.test-helper.js';
import { makeWaveWorld } from './wave-fixtures.test-helper.js';
import type { WaveDetail, WavePage, WaveRelease, WaveStrategy } from './wave.contract.js';

const ctx = useTestApp();
type Problem = { code: string; errors: { path: string }[] };

async function world() {
  const { tenant, admin } = await makeTenant(ctx.database.db);
  const cookie = await signInCookie(ctx.app, admin.email, TEST_PASSWORD);
  const wh = await makeWarehouse(ctx.database.db, tenant.id, 'WR1');
  const call = (method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, payload?: object, as = cookie) =>
    ctx.app.inject({ method, url, headers: { cookie: as }, ...(payload === undefined ? {} : { payload }) });
  return { tenant, wh, call };
}

describe('wave routes', () => {
  it('keeps a strategy per warehouse, and names the field of bad input', async () => {
    const { wh, call } = await world();
    const url = `/api/warehouses/${wh.id}/wave-strategy`;
    expect((await call('GET', url)).json<WaveStrategy>()).toEqual({
      warehouseId: wh.id,
      rules: [],
      releasePartiallyAllocated: false,
      picking: { method: 'pick_and_sort', sortMode: 'sow', cart: { totes: 12, units: 200 } },
      updatedAt: null,
    });
    const rules = [{ name: 'SF', carriers: ['SF'], cutOffTime: '16:00', limits: { orders: 200 } }];
    const put = await call('PUT', url, { rules });
    expect(put.statusCode, put.body).toBe(200);
    expect((await call('GET', url)).json<WaveStrategy>()).toMatchObject({
      rules: [{ name: 'SF', limits: { orders: 200 } }],
    });
    const bad: [object, string][] = [
      [{ rules: [{ name: 'x', cutOffTime: '25:00' }] }, 'rules.0.cutOffTime'],
      [{ rules: [{ name: 'x', limits: { units: 0 } }] }, 'rules.0.limits.units'],
      [{ rules: [{ name: 'x', types: ['gift'] }] }, 'rules.0.types.0'],
      [{ rules: [{ name: 'x', items: 'many' }] }, 'rules.0.items'],
      [{ rules: [{ name: 'x', pushedBefore: 'yesterday' }] }, 'rules.0.pushedBefore'],
      [{ rules: [{ name: 'x' }, { name: 'x' }] }, 'rules.1.name'],
      [{ rules: [{ carriers: ['SF'] }] }, 'rules.0.name'],
      [{ rules: [{ name: 'x', picking: { method: 'zigzag' } }] }, 'rules.0.picking.method'],
      [{ rules: [], picking: { cart: { totes: 0 } } }, 'picking.cart.totes'],
      [{ rules: [], picking: { putWallSlots: 1.5 } }, 'picking.putWallSlots'],
    ];
    for (const [body, path] of bad) {
      const response = await call('PUT', url, body);
      expect(response.statusCode, path).toBe(400);
      expect(
        response.json<Problem>().errors.map((e) => e.path),
        path,
      ).toContain(path);
    }
    expect((await call('DELETE', url)).statusCode).toBe(204);
    expect((await call('GET', url)).json<WaveStrategy>().rules).toEqual([]);
    const unknown = await call('GET', '/api/warehouses/00000000-0000-4000-8000-000000000000/wave-strategy');
    expect(unknown.json<Problem>().code).toBe('warehouse.warehouse.not_found');
  });

  it('previews, releases, lists, reads and cancels; 404 and 409 by code', async () => {
    const { wh, call } = await world();
    expect((await call('POST', `/api/warehouses/${wh.id}/waves/preview`)).json()).toMatchObject({
      waves: [],
      leftOut: [],
    });
    const released = await call('POST', `/api/warehouses/${wh.id}/waves/release`);
    expect(released.json<WaveRelease>()).toEqual({ waves: [], leftOut: [] });
    expect((await call('GET', `/api/waves?warehouseId=${wh.id}`)).json<WavePage>()).toEqual({
      items: [],
      nextCursor: null,
    });
    const missing = await call('GET', '/api/waves/00000000-0000-4000-8000-000000000000');
    expect([missing.statusCode, missing.json<Problem>().code]).toEqual([404, 'warehouse.wave.not_found']);
    const cancel = await call('POST', '/api/waves/00000000-0000-4000-8000-000000000000/cancel');
    expect(cancel.statusCode).toBe(404);
    const badQuery = await call('GET', '/api/waves?limit=0');
    expect(badQuery.json<Problem>().errors.map((e) => e.path)).toContain('limit');
    const badCursor = await call('GET', '/api/waves?after=nope');
    expect(badCursor.json<Problem>().code).toBe('warehouse.wave.bad_cursor');
    expect((await call('GET', '/api/waves/not-a-uuid')).statusCode).toBe(400);
    expect((await call('GET', '/api/waves')).json<{ items: WaveDetail[] }>().items).toEqual([]);
  });

  it('releases a wave, shows it with its orders and cancels it once', async () => {
    const { admin } = await makeTenant(ctx.database.db);
    const cookie = await signInCookie(ctx.app, admin.email, TEST_PASSWORD);
    const deps = { db: ctx.database.db, clock: systemClock };
    const world = await makeWaveWorld(ctx.database.db, deps, admin.actor, 'WR2');
    await world.strategy({ rules: [{ name: 'all', limits: {} }] });
    const ids = [await world.push([['A', 1]]), await world.push([['A', 2]], { priority: 'urgent' })];
    const post = (url: string) => ctx.app.inject({ method: 'POST', url, headers: { cookie } });
    const released = await post(`/api/warehouses/${world.wh.id}/waves/release`);
    expect(released.statusCode, released.body).toBe(200);
    const [wave] = released.json<WaveRelease>().waves;
    expect(wave).toMatchObject({ number: 1, status: 'released', totals: { orders: 2, units: 3 } });
    const shown = await ctx.app.inject({ url: `/api/waves/${wave!.id}`, headers: { cookie } });
    expect(shown.json<WaveDetail>().orders.map((o) => [o.orderId, o.status])).toEqual([
      [ids[1], 'allocated'],
      [ids[0], 'allocated'],
    ]);
    expect((await post(`/api/waves/${wave!.id}/cancel`)).json<WaveDetail>().status).toBe('cancelled');
    const again = await post(`/api/waves/${wave!.id}/cancel`);
    expect([again.statusCode, again.json<Problem>().code]).toEqual([409, 'warehouse.wave.not_cancellable']);
  });

  it('lets a picker look but not release, cancel or change the rules', async () => {
    const { tenant, wh, call } = await world();
    const picker = await makeUser(ctx.database.db, tenant, 'picker');
    const as = await signInCookie(ctx.app, picker.email, TEST_PASSWORD);
    expect((await call('GET', `/api/warehouses/${wh.id}/wave-strategy`, undefined, as)).statusCode).toBe(200);
    expect((await call('POST', `/api/warehouses/${wh.id}/waves/preview`, undefined, as)).statusCode).toBe(
      200,
    );
    expect((await call('GET', '/api/waves', undefined, as)).statusCode).toBe(200);
    for (const [method, url, body] of [
      ['PUT', `/api/warehouses/${wh.id}/wave-strategy`, { rules: [] }],
      ['DELETE', `/api/warehouses/${wh.id}/wave-strategy`, undefined],
      ['POST', `/api/warehouses/${wh.id}/waves/release`, undefined],
      ['POST', '/api/waves/00000000-0000-4000-8000-000000000000/cancel', undefined],
    ] as const) {
      const denied = await call(method, url, body, as);
      expect([denied.statusCode, denied.json<Problem>().code], url).toEqual([403, 'auth.forbidden']);
    }
  });
});
