import { describe, expect, it } from 'vitest';
import { makeTenant, makeUser, TEST_PASSWORD } from '../../../../test/helpers/factories.js';
import { signInCookie, useTestApp } from '../../../../test/helpers/server.js';
import { systemClock } from '../../../platform/clock.js';
import { makeWaveWorld } from './wave-fixtures.test-helper.js';
import type { PickerZones, PickTaskDetail, PickTaskPage } from './picking.contract.js';
import type { WaveDetail, WaveRelease } from './wave.contract.js';

const ctx = useTestApp();
const NO_USER = '00000000-0000-4000-8000-000000000001';
type Problem = { code: string; errors: { path: string }[] };

describe('pick task routes', () => {
  it('release makes tasks; zones, list, read, assign and pull over HTTP; 400 naming the field', async () => {
    const { tenant, admin } = await makeTenant(ctx.database.db);
    const cookie = await signInCookie(ctx.app, admin.email, TEST_PASSWORD);
    const picker = await makeUser(ctx.database.db, tenant, 'picker');
    const asPicker = await signInCookie(ctx.app, picker.email, TEST_PASSWORD);
    const call = (method: 'GET' | 'PUT' | 'POST', url: string, payload?: object, as = cookie) =>
      ctx.app.inject({ method, url, headers: { cookie: as }, ...(payload === undefined ? {} : { payload }) });
    const deps = { db: ctx.database.db, clock: systemClock };
    const world = await makeWaveWorld(ctx.database.db, deps, admin.actor, 'PR1');
    await world.strategy({ rules: [{ name: 'all', limits: {} }] });
    await world.push([['A', 1]]);
    await world.push([['D', 2]]);
    const released = (await call('POST', `/api/warehouses/${world.wh.id}/waves/release`)).json<WaveRelease>();
    const wave = released.waves[0]!;
    // The fixture's one location has no coordinates and no zone: one batch, walked 0 m.
    expect(wave.picking).toMatchObject({ method: 'pick_and_sort', batches: 1, tasks: 1, saving: 0 });
    const detail = (await call('GET', `/api/waves/${wave.id}`)).json<WaveDetail>();
    expect(detail.batches).toMatchObject([{ number: 1, units: 3, status: 'open' }]);

    const zonesUrl = `/api/warehouses/${world.wh.id}/picker-zones`;
    expect((await call('GET', zonesUrl)).json<PickerZones>()).toEqual({
      warehouseId: world.wh.id,
      assignments: [],
    });
    const bad: [string, string, object, string][] = [
      ['PUT', zonesUrl, { assignments: [{ userId: 'x', zones: [] }] }, 'assignments.0.userId'],
      ['PUT', zonesUrl, { assignments: [{ userId: picker.id, zones: ['Z'] }] }, 'assignments.0.zones.0'],
      [
        'PUT',
        zonesUrl,
        {
          assignments: [
            { userId: picker.id, zones: [] },
            { userId: picker.id, zones: [] },
          ],
        },
        'assignments.1.userId',
      ],
      [
        'PUT',
        zonesUrl,
        {
          assignments: [
            { userId: admin.id, zones: [] },
            { userId: NO_USER, zones: [] },
          ],
        },
        'assignments.1.userId',
      ],
      ['POST', '/api/pick-tasks/pull', {}, 'warehouseId'],
      ['POST', `/api/pick-tasks/00000000-0000-4000-8000-000000000000/assign`, { userId: 1 }, 'userId'],
    ];
    for (const [method, url, body, path] of bad) {
      const response = await call(method as 'PUT', url, body);
      expect(response.statusCode, path).toBe(400);
      expect(
        response.json<Problem>().errors.map((e) => e.path),
        path,
      ).toContain(path);
    }
    const badQuery = await call('GET', '/api/pick-tasks?status=lost');
    expect(badQuery.json<Problem>().errors.map((e) => e.path)).toContain('status');
    const badCursor = await call('GET', '/api/pick-tasks?after=nope');
    expect(badCursor.json<Problem>().code).toBe('warehouse.pick_task.bad_cursor');

    // The picker may look and pull but not set zones or assign.
    const denied = await call('PUT', zonesUrl, { assignments: [] }, asPicker);
    expect(denied.statusCode).toBe(403);
    const page = (
      await call('GET', `/api/pick-tasks?waveId=${wave.id}&status=open`, undefined, asPicker)
    ).json<PickTaskPage>();
    expect(page.items).toHaveLength(1);
    const task = page.items[0]!;
    expect(task).toMatchObject({ zone: null, status: 'open', stopCount: 2, units: 3, routeLength: 0 });
    const shown = (await call('GET', `/api/pick-tasks/${task.id}`)).json<PickTaskDetail>();
    expect(shown.stops.map((stop) => stop.seq)).toEqual([1, 2]);
    const missing = await call('GET', '/api/pick-tasks/00000000-0000-4000-8000-000000000000');
    expect([missing.statusCode, missing.json<Problem>().code]).toEqual([
      404,
      'warehouse.pick_task.not_found',
    ]);

    const notPicker = await call('POST', `/api/pick-tasks/${task.id}/assign`, { userId: picker.id });
    expect([notPicker.statusCode, notPicker.json<Problem>().code]).toEqual([
      400,
      'warehouse.pick_task.not_zone_picker',
    ]);
    expect(
      (await call('POST', '/api/pick-tasks/pull', { warehouseId: world.wh.id }, asPicker)).statusCode,
    ).toBe(403);
    const saved = await call('PUT', zonesUrl, { assignments: [{ userId: picker.id, zones: [] }] });
    expect(saved.json<PickerZones>()).toEqual({ warehouseId: world.wh.id, assignments: [] });
    // A picker without zones pulls nothing (403); a picker may not assign.
    const pulled = await call('POST', '/api/pick-tasks/pull', { warehouseId: world.wh.id }, asPicker);
    expect([pulled.statusCode, pulled.json<Problem>().code]).toEqual([403, 'warehouse.pick_task.not_picker']);
    const assignDenied = await call(
      'POST',
      `/api/pick-tasks/${task.id}/assign`,
      { userId: picker.id },
      asPicker,
    );
    expect(assignDenied.statusCode).toBe(403);
    const none = (await call('GET', `/api/pick-tasks?assignee=${picker.id}`)).json<PickTaskPage>();
    expect(none.items).toEqual([]);
  });
});
