/**
 * The header's search: one request finds customers, contacts and outbound orders by the same text
 * rules as their own lists, groups them, and keeps each group inside the role and data scope.
 */
import { describe, expect, it } from 'vitest';
import type { GlobalSearchResult } from '../src/app/global-search.contract.js';
import { makeOrderWorld } from '../src/modules/warehouse/orders/order-world.test-helper.js';
import { makeUser, TEST_PASSWORD } from './helpers/factories.js';
import { signInCookie, useTestApp } from './helpers/server.js';

const ctx = useTestApp();

describe('global search', () => {
  it('groups customers, contacts and orders, each within the role and scope', async () => {
    const world = await makeOrderWorld(ctx);
    const customer = (
      await world.post('/api/customers', { kind: 'business', name: '杭州云帆科技有限公司' })
    ).json<{ id: string }>();
    await world.post('/api/customers', { kind: 'business', name: 'Yunfan Trading Ltd' });
    const person = await world.post('/api/people', {
      name: '云帆 王经理',
      phone: '+86 139 0013 9000',
      accounts: [
        {
          customerId: customer.id,
          role: 'decision_maker',
          department: 'executive',
          influence: 5,
          isPrimary: true,
        },
      ],
    });
    expect(person.statusCode, person.body).toBe(201);
    await world.push({ externalRef: 'YUNFAN-0001' });
    const search = async (q: string, cookie = world.cookie) => {
      const response = await world.get(`/api/search?q=${encodeURIComponent(q)}&limit=5`, cookie);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<GlobalSearchResult>();
    };
    const titles = (result: GlobalSearchResult, type: string) =>
      result.groups.find((group) => group.type === type)?.items.map((hit) => hit.title) ?? [];

    const chinese = await search('云帆');
    expect(titles(chinese, 'customers')).toEqual(['杭州云帆科技有限公司']);
    expect(titles(chinese, 'contacts')).toEqual(['云帆 王经理']);
    expect(chinese.groups.find((group) => group.type === 'customers')!.items[0]!.path).toBe(
      `/customers/${customer.id}`,
    );
    // Pinyin initials, as users of Chinese CRMs type them: 杭州云帆 -> hzyf.
    expect(titles(await search('hzyf'), 'customers')).toEqual(['杭州云帆科技有限公司']);
    expect(titles(await search('HZYF'), 'customers')).toEqual(['杭州云帆科技有限公司']);
    const latin = await search('yunfan');
    expect(titles(latin, 'customers')).toEqual(['Yunfan Trading Ltd']);
    expect(titles(latin, 'orders')).toEqual(['YUNFAN-0001']);
    expect((await search('139 0013 9000')).groups.map((group) => group.type)).toEqual(['contacts']);
    expect((await search('no such thing anywhere')).groups).toEqual([]);

    // A picker reads the warehouse only: the CRM's groups are left out, not refused.
    const picker = await makeUser(ctx.database.db, world.tenant, 'picker');
    const pickerCookie = await signInCookie(ctx.app, picker.email, TEST_PASSWORD);
    expect((await search('yunfan', pickerCookie)).groups.map((group) => group.type)).toEqual(['orders']);
    // A rep sees the customers they own or may claim, as on the customer list.
    const rep = await makeUser(ctx.database.db, world.tenant, 'sales_rep');
    const repCookie = await signInCookie(ctx.app, rep.email, TEST_PASSWORD);
    expect(titles(await search('云帆', repCookie), 'customers')).toEqual([]);
  });

  it('refuses a missing or hostile query naming the field', async () => {
    const world = await makeOrderWorld(ctx);
    for (const q of ['', ' ', 'x'.repeat(101), 'a\u0000b']) {
      const response = await world.get(`/api/search?q=${encodeURIComponent(q)}`);
      expect(response.statusCode, q).toBe(400);
      expect(response.body).toContain('q');
    }
  });
});
