import { describe, expect, it } from 'vitest';
import { makeTenant, makeUser, TEST_PASSWORD } from '../../../../test/helpers/factories.js';
import { signInCookie, useTestApp } from '../../../../test/helpers/server.js';
import type { SavedView } from '../view/saved-view.contract.js';
import type { CreatedCustomer, Customer, CustomerPage } from './customer.contract.js';

type Problem = { code: string; errors: { path: string; in?: string }[] };

const ctx = useTestApp();

async function adminSession() {
  const { tenant, admin } = await makeTenant(ctx.database.db);
  return { tenant, admin, cookie: await signInCookie(ctx.app, admin.email, TEST_PASSWORD) };
}

describe('customer routes', () => {
  it('answers a likely duplicate with 409 crm.customer.duplicate and the candidate ids', async () => {
    const { cookie } = await adminSession();
    const post = (payload: object) =>
      ctx.app.inject({ method: 'POST', url: '/api/customers', headers: { cookie }, payload });
    const first = await post({ kind: 'business', name: '深圳市腾飞科技有限公司', phone: '0755-86013388' });
    expect(first.statusCode).toBe(201);
    const again = await post({ kind: 'business', name: '深圳市腾飞科技股份有限公司' });
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.json()).toMatchObject({
      code: 'crm.customer.duplicate',
      candidateIds: [first.json<Customer>().id],
      candidates: [{ id: first.json<Customer>().id, matchedOn: ['name'] }],
    });
    const forced = await post({ kind: 'business', name: '深圳市腾飞科技股份有限公司', allowDuplicate: true });
    expect(forced.statusCode).toBe(201);
    expect(forced.json<CreatedCustomer>().duplicates).toHaveLength(1);
  });

  it('answers an invalid USCC with 400 naming the field', async () => {
    const { cookie } = await adminSession();
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/customers',
      headers: { cookie },
      payload: { kind: 'business', name: 'X', uscc: '911100001000080344' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'crm.customer.invalid', errors: [{ path: 'uscc' }] });
  });

  it('edits a customer with PATCH and keeps the rules', async () => {
    const { cookie } = await adminSession();
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/customers',
      headers: { cookie },
      payload: { kind: 'government', name: '南京市财政局' },
    });
    const id = created.json<Customer>().id;
    const patch = (payload: object) =>
      ctx.app.inject({ method: 'PATCH', url: `/api/customers/${id}`, headers: { cookie }, payload });
    const ok = await patch({ procurementMode: 'single_source', need: 'recorded', tags: ['tender'] });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ procurementMode: 'single_source', need: 'recorded', tags: ['tender'] });
    expect((await patch({ uscc: '911100001000080343' })).json()).toMatchObject({
      errors: [{ path: 'uscc' }],
    });
    expect((await patch({})).statusCode).toBe(400);
  });

  it('pages by last follow-up with an opaque cursor and rejects a foreign one', async () => {
    const { cookie } = await adminSession();
    for (const name of ['a', 'b', 'c'])
      await ctx.app.inject({
        method: 'POST',
        url: '/api/customers',
        headers: { cookie },
        payload: { kind: 'consumer', name },
      });
    const first = await ctx.app.inject({
      url: '/api/customers?sort=lastFollowUp&limit=2',
      headers: { cookie },
    });
    const cursor = first.json<CustomerPage>().nextCursor!;
    const second = await ctx.app.inject({
      url: `/api/customers?sort=lastFollowUp&limit=2&after=${encodeURIComponent(cursor)}`,
      headers: { cookie },
    });
    expect(second.json<CustomerPage>().items).toHaveLength(1);
    const wrong = await ctx.app.inject({ url: `/api/customers?after=${cursor}`, headers: { cookie } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'crm.customer.cursor_invalid' });
    const tiers = await ctx.app.inject({ url: '/api/customers?intentTier=A,E', headers: { cookie } });
    expect(tiers.statusCode).toBe(400);
    expect(tiers.json<Problem>().errors[0]).toMatchObject({ in: 'querystring' });
  });
});

describe('CRM settings and saved views', () => {
  it('lets admins change the rules, others only read them', async () => {
    const { tenant, cookie } = await adminSession();
    const rep = await makeUser(ctx.database.db, tenant, 'sales_rep');
    const repCookie = await signInCookie(ctx.app, rep.email, TEST_PASSWORD);
    const read = await ctx.app.inject({ url: '/api/crm/settings', headers: { cookie: repCookie } });
    expect(read.json()).toMatchObject({
      valueTiers: [{ code: 'svip' }, { code: 'vip' }, { code: 'standard' }],
      pools: { recallDays: { A: 30 } },
    });
    const denied = await ctx.app.inject({
      method: 'PATCH',
      url: '/api/crm/settings',
      headers: { cookie: repCookie },
      payload: { pools: { maxOwnedPerUser: 5 } },
    });
    expect(denied.statusCode).toBe(403);
    const patch = (payload: object) =>
      ctx.app.inject({ method: 'PATCH', url: '/api/crm/settings', headers: { cookie }, payload });
    await patch({ pools: { claimsPerDay: 7 }, valueTiers: [{ code: 'gold', label: '金牌' }] });
    const changed = await patch({ pools: { maxOwnedPerUser: 5, recallDays: { D: null } } });
    // Fields left out keep what was stored, whether default or changed earlier.
    expect(changed.json()).toMatchObject({
      valueTiers: [{ code: 'gold', label: '金牌' }],
      pools: { maxOwnedPerUser: 5, claimsPerDay: 7, recallDays: { D: null, A: 30 } },
      duplicatePolicy: { create: 'block', import: 'block' },
    });
    const dup = await ctx.app.inject({
      method: 'PATCH',
      url: '/api/crm/settings',
      headers: { cookie },
      payload: {
        valueTiers: [
          { code: 'vip', label: 'VIP' },
          { code: 'vip', label: 'Again' },
        ],
      },
    });
    expect(dup.statusCode).toBe(400);
    expect(dup.json<Problem>().errors).toEqual([expect.objectContaining({ path: 'valueTiers.1' })]);
  });

  it('keeps saved views per user, shares them on request, and checks their filters', async () => {
    const { tenant, cookie } = await adminSession();
    const rep = await makeUser(ctx.database.db, tenant, 'sales_rep');
    const repCookie = await signInCookie(ctx.app, rep.email, TEST_PASSWORD);
    const save = (c: string, payload: object) =>
      ctx.app.inject({ method: 'POST', url: '/api/saved-views', headers: { cookie: c }, payload });
    const mine = await save(cookie, { name: 'A 类客户', filters: { intentTier: 'A', sort: 'lastFollowUp' } });
    expect(mine.statusCode).toBe(201);
    const shared = await save(cookie, { name: '公海', filters: { ownership: 'pool' }, shared: true });
    expect((await save(repCookie, { name: 'bad', filters: { intentTier: 'Z' } })).statusCode).toBe(400);
    const list = async (c: string) =>
      (await ctx.app.inject({ url: '/api/saved-views', headers: { cookie: c } })).json<{
        items: SavedView[];
      }>().items;
    expect((await list(cookie)).map((v) => v.name)).toEqual(['A 类客户', '公海']);
    expect(await list(repCookie)).toEqual([expect.objectContaining({ name: '公海', mine: false })]);
    const foreignDelete = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/saved-views/${shared.json<SavedView>().id}`,
      headers: { cookie: repCookie },
    });
    expect(foreignDelete.statusCode).toBe(404);
    const ownDelete = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/saved-views/${mine.json<SavedView>().id}`,
      headers: { cookie },
    });
    expect(ownDelete.statusCode).toBe(204);
  });
});
