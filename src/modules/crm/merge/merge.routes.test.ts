import { describe, expect, it } from 'vitest';
import { makeTenant, makeUser, TEST_PASSWORD } from '../../../../test/helpers/factories.js';
import { signInCookie, useTestApp } from '../../../../test/helpers/server.js';

const server = useTestApp();

describe('duplicates and merge over HTTP', () => {
  it('lists duplicates, merges them and answers the old id with where it went', async () => {
    const { app, database } = server;
    const { tenant, admin } = await makeTenant(database.db);
    const rep = await makeUser(database.db, tenant, 'sales_rep');
    const cookie = await signInCookie(app, admin.email, TEST_PASSWORD);
    const repCookie = await signInCookie(app, rep.email, TEST_PASSWORD);
    const post = async (payload: object) =>
      (await app.inject({ method: 'POST', url: '/api/customers', headers: { cookie }, payload })).json<{
        id: string;
      }>();
    const target = await post({ kind: 'business', name: '华为技术（深圳）有限公司' });
    const source = await post({ kind: 'business', name: '华为技术(深圳)有限公司', allowDuplicate: true });

    const duplicates = await app.inject({
      url: `/api/customers/${target.id}/duplicates`,
      headers: { cookie },
    });
    expect(duplicates.statusCode).toBe(200);
    expect(duplicates.json()).toEqual({
      items: [expect.objectContaining({ id: source.id, matchedOn: ['name'], ownerUserId: admin.id })],
    });

    const forbidden = await app.inject({
      method: 'POST',
      url: `/api/customers/${target.id}/merge`,
      headers: { cookie: repCookie },
      payload: { from: [source.id] },
    });
    expect(forbidden.statusCode).toBe(403);
    const tooMany = await app.inject({
      method: 'POST',
      url: `/api/customers/${target.id}/merge`,
      headers: { cookie },
      payload: { from: Array.from({ length: 21 }, () => source.id) },
    });
    expect(tooMany.statusCode).toBe(400);
    const empty = await app.inject({
      method: 'POST',
      url: `/api/customers/${target.id}/merge`,
      headers: { cookie },
      payload: { from: [] },
    });
    expect(empty.statusCode).toBe(400);

    const merge = await app.inject({
      method: 'POST',
      url: `/api/customers/${target.id}/merge`,
      headers: { cookie },
      payload: { from: [source.id] },
    });
    expect(merge.statusCode).toBe(200);
    expect(merge.json()).toMatchObject({
      id: target.id,
      merged: [source.id],
      repointed: {
        members: 0,
        followUps: 0,
        tierChanges: 0,
        poolMoves: 1,
        children: 0,
        tasks: 0,
        deals: 0,
        lifecycleChanges: 0,
      },
    });

    const old = await app.inject({ url: `/api/customers/${source.id}`, headers: { cookie } });
    expect(old.statusCode).toBe(404);
    expect(old.json()).toMatchObject({ code: 'crm.customer.merged', mergedInto: target.id });
    const after = await app.inject({ url: `/api/customers/${target.id}/duplicates`, headers: { cookie } });
    expect(after.json()).toEqual({ items: [] });
  });
});
