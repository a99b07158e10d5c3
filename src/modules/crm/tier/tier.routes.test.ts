import { describe, expect, it } from 'vitest';
import { makeTenant, makeUser, TEST_PASSWORD } from '../../../../test/helpers/factories.js';
import { signInCookie, useTestApp } from '../../../../test/helpers/server.js';
import { newId } from '../../../platform/ids.js';
import { accountMembers, people } from '../contact/contact.table.js';
import type { CustomerTiers, TierHistory, TierSuggestionBatch } from './tier.contract.js';

const t = useTestApp();

type Problem = { code: string; errors?: { path: string }[]; suggestion?: { tier: string } | null };

/** A signed-in user with one business account of their own, and a way to call the API as them. */
async function signedIn(role: 'admin' | 'sales_rep' = 'admin', body: object = {}) {
  const { tenant, admin } = await makeTenant(t.database.db);
  const user = role === 'admin' ? admin : await makeUser(t.database.db, tenant, role);
  const cookie = await signInCookie(t.app, user.email, TEST_PASSWORD);
  const call = async (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const created = await call('POST', '/api/customers', {
    kind: 'business',
    name: `Acme ${newId()}`,
    ...body,
  });
  const customerId = created.json<{ id: string }>().id;
  return { tenant, admin, user, call, customerId };
}

describe('tiers over HTTP', () => {
  it('shows the tiers with a reasoned suggestion, accepts it, and keeps the history', async () => {
    const { tenant, user, call, customerId } = await signedIn('admin', { budget: 'confirmed' });
    const at = new Date();
    const personId = newId();
    await t.database.db
      .insert(people)
      .values({ tenantId: tenant.id, id: personId, name: '陈总', createdAt: at, updatedAt: at });
    await t.database.db.insert(accountMembers).values({
      tenantId: tenant.id,
      customerId,
      personId,
      role: 'decision_maker',
      createdAt: at,
      updatedAt: at,
    });

    const read = await call('GET', `/api/customers/${customerId}/tiers`);
    expect(read.statusCode).toBe(200);
    expect(read.json<CustomerTiers>()).toMatchObject({
      intent: null,
      suggestion: { tier: 'A', differsFromCurrent: true },
      valueTiers: [{ code: 'svip' }, { code: 'vip' }, { code: 'standard' }],
    });

    const stale = await call('POST', `/api/customers/${customerId}/tiers`, {
      dimension: 'intent',
      acceptSuggestion: true,
      expectedTier: 'B',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<Problem>()).toMatchObject({
      code: 'crm.tier.suggestion_changed',
      suggestion: { tier: 'A' },
    });

    const accepted = await call('POST', `/api/customers/${customerId}/tiers`, {
      dimension: 'intent',
      acceptSuggestion: true,
      expectedTier: 'A',
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json<CustomerTiers>().intent).toBe('A');

    const history = await call('GET', `/api/customers/${customerId}/tier-history?dimension=intent`);
    expect(history.json<TierHistory>().items).toMatchObject([
      {
        from: null,
        to: 'A',
        source: 'suggested',
        reason: 'A because: budget confirmed, decision maker known',
        userId: user.id,
      },
    ]);
  });

  it('names the failing field: a missing reason, a tier outside the list, an unknown dimension', async () => {
    const { call, customerId } = await signedIn();
    const fails = async (payload: object) => {
      const response = await call('POST', `/api/customers/${customerId}/tiers`, payload);
      return [
        response.statusCode,
        response.json<Problem>().code,
        response.json<Problem>().errors?.map((e) => e.path),
      ];
    };
    expect(await fails({ dimension: 'intent', tier: 'B' })).toEqual([400, 'crm.tier.invalid', ['reason']]);
    expect(await fails({ dimension: 'value', tier: 'platinum', reason: 'x' })).toEqual([
      400,
      'crm.tier.invalid',
      ['tier'],
    ]);
    expect(await fails({ dimension: 'mood', tier: 'A', reason: 'x' })).toEqual([
      400,
      'request.invalid',
      ['dimension'],
    ]);
    const history = await call('GET', `/api/customers/${customerId}/tier-history?dimension=mood`);
    expect(history.statusCode).toBe(400);
  });

  it("hides another rep's customer (404) and suggests in bulk within the caller's scope", async () => {
    const { tenant, call, customerId } = await signedIn('sales_rep', { refused: true });
    const other = await makeUser(t.database.db, tenant, 'sales_rep');
    const otherCookie = await signInCookie(t.app, other.email, TEST_PASSWORD);
    const asOther = await t.app.inject({
      method: 'POST',
      url: `/api/customers/${customerId}/tiers`,
      headers: { cookie: otherCookie },
      payload: { dimension: 'intent', tier: 'A', reason: 'mine now' },
    });
    expect(asOther.statusCode).toBe(404);

    const batch = await call('POST', '/api/customers/tier-suggestions', {
      customerIds: [customerId, newId()],
    });
    expect(batch.statusCode).toBe(200);
    expect(batch.json<TierSuggestionBatch>().items).toMatchObject([
      {
        customerId,
        intent: null,
        suggestion: { tier: 'D', reasons: [{ fact: 'refused', text: 'refused' }] },
      },
    ]);
    const tooMany = await call('POST', '/api/customers/tier-suggestions', {
      customerIds: Array.from({ length: 501 }, () => newId()),
    });
    expect(tooMany.statusCode).toBe(400);
  });
});
