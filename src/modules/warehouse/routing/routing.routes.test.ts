import { describe, expect, it } from 'vitest';
import { makeTenant, makeUser, TEST_PASSWORD } from '../../../../test/helpers/factories.js';
import { signInCookie, useTestApp } from '../../../../test/helpers/server.js';

const ctx = useTestApp();

const layout = {
  aisles: 10,
  blocks: 2,
  slotsPerBlock: 30,
  slotLength: 1,
  aislePitch: 3,
  crossAisleDepth: 2,
  depot: { x: 0 },
};

describe('POST /api/warehouse/route', () => {
  it('plans a route for a warehouse reader, 400 naming the pick and field, 403 without warehouse access', async () => {
    const { tenant } = await makeTenant(ctx.database.db);
    const picker = await makeUser(ctx.database.db, tenant, 'picker');
    const marketer = await makeUser(ctx.database.db, tenant, 'marketer');
    const cookie = await signInCookie(ctx.app, picker.email, TEST_PASSWORD);
    const post = (payload: unknown, headers = { cookie }) =>
      ctx.app.inject({ method: 'POST', url: '/api/warehouse/route', headers, payload: payload as object });

    const planned = await post({
      layout,
      picks: [
        { aisle: 3, slot: 12 },
        { aisle: 3, block: 2, slot: 1 },
      ],
    });
    expect(planned.statusCode).toBe(200);
    // up aisle 3 to (6, 33.5) and back: 6 + 33.5 twice
    expect(planned.json()).toMatchObject({ length: 79, optimal: true, method: 'optimal' });
    expect(planned.json<{ sequence: number[] }>().sequence.sort()).toEqual([0, 1]);
    const byMethod = await post({ layout, picks: [{ aisle: 1, slot: 1 }], method: 'combined' });
    expect(byMethod.json()).toMatchObject({ method: 'combined', optimal: false, sequence: [0] });

    const outside = await post({
      layout,
      picks: [
        { aisle: 1, slot: 1 },
        { aisle: 1, block: 3, slot: 1 },
      ],
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json()).toMatchObject({
      code: 'warehouse.route.invalid',
      detail: expect.stringContaining('pick 1: block 3 is outside 1..2') as unknown,
      errors: [{ path: 'picks.1.block', pointer: '#/picks/1/block' }],
    });
    const malformed = await post({ layout: { ...layout, aisles: 'ten' }, picks: [] });
    expect(malformed.statusCode).toBe(400);
    expect(JSON.stringify(malformed.json())).toContain('layout.aisles');
    const badMethod = await post({ layout, picks: [], method: 'fastest' });
    expect(badMethod.statusCode).toBe(400);

    const other = await signInCookie(ctx.app, marketer.email, TEST_PASSWORD);
    expect((await post({ layout, picks: [] }, { cookie: other })).statusCode).toBe(403);
  });
});
