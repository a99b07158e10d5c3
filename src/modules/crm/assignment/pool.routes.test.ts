import { describe, expect, it } from 'vitest';
import { makeApiKey, makeTenant, makeUser, TEST_PASSWORD } from '../../../../test/helpers/factories.js';
import { signInCookie, useTestApp } from '../../../../test/helpers/server.js';
import type { Role } from '../../access/index.js';

const t = useTestApp();

/** A tenant with a pool, a signed-in user per role asked for, and a way to call the API as each. */
async function setup(roles: Role[]) {
  const { tenant, admin } = await makeTenant(t.database.db);
  const adminCookie = await signInCookie(t.app, admin.email, TEST_PASSWORD);
  const call =
    (cookie: string) =>
    async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: Record<string, unknown>) =>
      t.app.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload } : {}) });
  const asAdmin = call(adminCookie);
  const users = [];
  for (const role of roles) {
    const user = await makeUser(t.database.db, tenant, role);
    users.push({ ...user, call: call(await signInCookie(t.app, user.email, TEST_PASSWORD)) });
  }
  const pool = (await asAdmin('POST', '/api/pools', { name: '公海', region: '华东' })).json<{ id: string }>();
  const inPool = async (name = 'Pool customer') =>
    (await asAdmin('POST', '/api/customers', { kind: 'consumer', name, poolId: pool.id })).json<{
      id: string;
    }>().id;
  return { tenant, admin, asAdmin, users, pool, inPool };
}

describe('pools API', () => {
  it('lists, creates and edits pools; only admins change them', async () => {
    const { asAdmin, users, pool, inPool } = await setup(['sales_rep']);
    const rep = users[0]!;
    await inPool();
    await inPool();
    expect((await rep.call('POST', '/api/pools', { name: 'Nope' })).statusCode).toBe(403);
    const vip = await asAdmin('POST', '/api/pools', { name: 'VIP', isDefault: true });
    expect(vip.statusCode).toBe(201);
    expect((await asAdmin('POST', '/api/pools', { name: 'VIP' })).json()).toMatchObject({
      status: 409,
      code: 'crm.pool.name_taken',
    });
    const list = (await rep.call('GET', '/api/pools')).json<{ items: unknown[] }>().items;
    expect(list).toMatchObject([
      { name: 'VIP', isDefault: true, customerCount: 0 },
      { id: pool.id, name: '公海', region: '华东', isDefault: false, customerCount: 2 },
    ]);
    const edited = await asAdmin('PATCH', `/api/pools/${pool.id}`, { name: '华东公海', isDefault: true });
    expect(edited.json()).toMatchObject({ name: '华东公海', isDefault: true, customerCount: 2 });
    expect((await asAdmin('PATCH', `/api/pools/${pool.id}`, { isDefault: false })).json()).toMatchObject({
      code: 'crm.pool.default_required',
    });
    expect((await asAdmin('PATCH', `/api/pools/${pool.id}`, {})).statusCode).toBe(400);
  });

  it('claims through the API; a marketer may not claim, a rep may not assign', async () => {
    const { users, inPool } = await setup(['sales_rep', 'sales_rep', 'marketer']);
    const [rep, other, marketer] = users;
    const id = await inPool();
    expect((await marketer!.call('POST', `/api/customers/${id}/claim`)).statusCode).toBe(403);
    const claimed = await rep!.call('POST', `/api/customers/${id}/claim`);
    expect(claimed.statusCode).toBe(200);
    expect(claimed.json()).toMatchObject({ id, ownerUserId: rep!.id, poolId: null });
    const assignByRep = await other!.call('POST', `/api/customers/${await inPool()}/assign`, {
      userId: other!.id,
    });
    expect(assignByRep.statusCode).toBe(403);
    // Once claimed, the customer is out of the other rep's sight; claiming it says someone was first.
    expect((await other!.call('GET', `/api/customers/${id}`)).statusCode).toBe(404);
    const late = await other!.call('POST', `/api/customers/${id}/claim`);
    expect([late.statusCode, late.json<{ code: string }>().code]).toEqual([409, 'crm.pool.already_claimed']);
  });

  it('says why a claim is refused, with the numbers the interface shows', async () => {
    const { asAdmin, users, inPool } = await setup(['sales_rep']);
    const rep = users[0]!;
    await asAdmin('PATCH', '/api/crm/settings', { pools: { maxOwnedPerUser: 1 } });
    await rep.call('POST', `/api/customers/${await inPool()}/claim`);
    const refused = await rep.call('POST', `/api/customers/${await inPool()}/claim`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'crm.pool.owned_limit', limit: 1, userId: rep.id });
  });

  it('releases with a reason, assigns one or many, and shows the pool log', async () => {
    const { asAdmin, users, pool, inPool } = await setup(['sales_rep', 'sales_manager']);
    const [rep, manager] = users;
    const id = await inPool();
    await rep!.call('POST', `/api/customers/${id}/claim`);
    expect((await rep!.call('POST', `/api/customers/${id}/release`, {})).statusCode).toBe(400);
    const released = await rep!.call('POST', `/api/customers/${id}/release`, { reason: '客户暂无需求' });
    expect(released.json()).toMatchObject({ poolId: pool.id, ownerUserId: null });
    const assigned = await manager!.call('POST', `/api/customers/${id}/assign`, { userId: rep!.id });
    expect(assigned.json()).toMatchObject({ ownerUserId: rep!.id });
    const log = (await rep!.call('GET', `/api/customers/${id}/pool-log`)).json<{
      items: { action: string }[];
    }>();
    expect(log.items.map((move) => move.action)).toEqual(['create', 'claim', 'release', 'assign']);
    const other = await inPool();
    const bulk = await asAdmin('POST', '/api/customers/assign', {
      customerIds: [other, id],
      userId: manager!.id,
    });
    expect(bulk.json()).toEqual({
      moved: [
        { id: other, action: 'assign' },
        { id, action: 'transfer' },
      ],
      failed: [],
    });
    expect(
      (await asAdmin('POST', '/api/customers/assign', { customerIds: [], userId: rep!.id })).statusCode,
    ).toBe(400);
  });

  it("shows a rep the pools' customers but not what colleagues own", async () => {
    const { users, inPool } = await setup(['sales_rep', 'sales_rep']);
    const [rep, colleague] = users;
    const pooled = await inPool('pooled');
    const theirs = (
      await colleague!.call('POST', '/api/customers', { kind: 'consumer', name: 'theirs' })
    ).json<{ id: string }>().id;
    const list = await rep!.call('GET', '/api/customers?ownership=pool');
    expect(list.json<{ items: { id: string }[] }>().items.map((c) => c.id)).toEqual([pooled]);
    expect((await rep!.call('GET', '/api/customers')).body).not.toContain(theirs);
    expect((await rep!.call('POST', `/api/customers/${theirs}/claim`)).statusCode).toBe(404);
    expect((await rep!.call('GET', `/api/customers/${theirs}/pool-log`)).statusCode).toBe(404);
  });

  it('runs recall on demand for admins and lists the caller’s warnings', async () => {
    const { tenant, asAdmin, users } = await setup(['sales_rep']);
    const rep = users[0]!;
    expect((await rep.call('POST', '/api/pools/recall', {})).statusCode).toBe(403);
    const dry = await asAdmin('POST', '/api/pools/recall', { dryRun: true });
    expect(dry.json()).toEqual({ dryRun: true, recalled: [], warned: [] });
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/pools/recall',
          headers: { authorization: `Bearer ${await makeApiKey(t.database.db, tenant.id, 'admin')}` },
        })
      ).json(),
    ).toMatchObject({ dryRun: false });
    const warnings = await rep.call('GET', '/api/customers/recall-warnings');
    expect(warnings.statusCode).toBe(200);
    expect(warnings.json()).toEqual({ items: [] });
  });

  it("never touches another tenant's customers or pools", async () => {
    const mine = await setup([]);
    const theirs = await setup([]);
    const id = await theirs.inPool();
    const otherPool = theirs.pool.id;
    const attempts: [string, string, Record<string, unknown> | undefined][] = [
      ['POST', `/api/customers/${id}/claim`, undefined],
      ['POST', `/api/customers/${id}/release`, { reason: 'x' }],
      ['POST', `/api/customers/${id}/assign`, { userId: mine.admin.id }],
      ['GET', `/api/customers/${id}/pool-log`, undefined],
      ['PATCH', `/api/pools/${otherPool}`, { name: 'stolen' }],
    ];
    for (const [method, url, payload] of attempts) {
      const response = await mine.asAdmin(method as 'GET', url, payload);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
    const bulk = await mine.asAdmin('POST', '/api/customers/assign', {
      customerIds: [id],
      userId: mine.admin.id,
    });
    expect(bulk.json()).toMatchObject({ moved: [], failed: [{ id, code: 'crm.customer.not_found' }] });
    const pools = await theirs.asAdmin('GET', '/api/pools');
    expect(pools.json<{ items: { name: string; customerCount: number }[] }>().items).toMatchObject([
      { name: '公海', customerCount: 1 },
    ]);
  });
});
