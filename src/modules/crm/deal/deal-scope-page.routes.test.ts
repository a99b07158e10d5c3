import { describe, expect, it } from 'vitest';
import { makeUser, TEST_PASSWORD } from '../../../../test/helpers/factories.js';
import { signInCookie, useTestApp } from '../../../../test/helpers/server.js';
import type { Deal, DealPage } from './deal.contract.js';
import { salesWorld } from './deal-world.test-helper.js';

const t = useTestApp();

describe('a rep’s deal pages', () => {
  it('page through exactly the deals they own and those of customers they may see, each once, newest first', async () => {
    const { tenant, admin, json, customer } = await salesWorld(t);
    const rep = await makeUser(t.database.db, tenant, 'sales_rep');
    const pool = await json('POST', '/api/pools', { name: '公海' });
    const repCustomer = await customer('business', { ownerUserId: rep.id });
    const adminCustomer = await customer('business');
    const poolCustomer = await customer('business', { ownerUserId: undefined, poolId: pool.id });
    const deal = async (customerId: string, ownerUserId: string) =>
      (await json<Deal>('POST', '/api/deals', { customerId, name: `D ${ownerUserId}`, ownerUserId })).id;
    const expected: string[] = [];
    for (let round = 0; round < 3; round++) {
      expected.push(await deal(repCustomer, admin.id)); // the customer is the rep's
      expected.push(await deal(adminCustomer, rep.id)); // the deal is the rep's
      await deal(adminCustomer, admin.id); // neither: hidden
      expected.push(await deal(poolCustomer, admin.id)); // a pool customer is visible
      expected.push(await deal(repCustomer, rep.id)); // both at once: listed once
    }
    const cookie = await signInCookie(t.app, rep.email, TEST_PASSWORD);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const url: string = `/api/deals?limit=5${after ? `&after=${after}` : ''}`;
      const page: DealPage = (
        await t.app.inject({ method: 'GET', url, headers: { cookie } })
      ).json<DealPage>();
      seen.push(...page.items.map((d) => d.id));
      after = page.nextCursor;
    } while (after);
    expect(seen).toEqual([...expected].sort().reverse());
  });
});
