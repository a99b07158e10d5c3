import { describe, expect, it } from 'vitest';
import { makeTenant, TEST_PASSWORD } from '../../../../test/helpers/factories.js';
import { signInCookie, useTestApp } from '../../../../test/helpers/server.js';
import { newId } from '../../../platform/ids.js';
import type { Customer } from '../customer/customer.contract.js';
import type { FollowUp, FollowUpPage, ActivityPage } from './follow-up.contract.js';
import { DAY_MS } from '../../../platform/clock.js';

const t = useTestApp();

type Problem = { code: string; errors?: { path: string }[] };

async function signedIn() {
  const { admin } = await makeTenant(t.database.db);
  const cookie = await signInCookie(t.app, admin.email, TEST_PASSWORD);
  const call = async (method: 'GET' | 'POST', url: string, payload?: object, headers = {}) =>
    t.app.inject({ method, url, headers: { cookie, ...headers }, ...(payload ? { payload } : {}) });
  const created = await call('POST', '/api/customers', { kind: 'consumer', name: `Emma ${newId()}` });
  return { admin, call, customerId: created.json<{ id: string }>().id };
}

describe('follow-ups over HTTP', () => {
  it('records a follow-up once per Idempotency-Key and moves the last follow-up', async () => {
    const { admin, call, customerId } = await signedIn();
    const headers = { 'idempotency-key': `fu-${newId()}` };
    const body = { channel: 'call', note: '客户要求报价', at: '2026-01-05T08:00:00+08:00' };
    const first = await call('POST', `/api/customers/${customerId}/follow-ups`, body, headers);
    expect(first.statusCode).toBe(201);
    expect(first.json<FollowUp>()).toMatchObject({
      channel: 'call',
      at: '2026-01-05T00:00:00.000Z',
      userId: admin.id,
    });
    const again = await call('POST', `/api/customers/${customerId}/follow-ups`, body, headers);
    expect(again.json<FollowUp>().id).toBe(first.json<FollowUp>().id);

    const list = await call('GET', `/api/customers/${customerId}/follow-ups?limit=10`);
    expect(list.json<FollowUpPage>().items).toHaveLength(1);
    const customer = await call('GET', `/api/customers/${customerId}`);
    expect(customer.json<Customer>().lastFollowUpAt).toBe('2026-01-05T00:00:00.000Z');
  });

  it('names the failing field of a follow-up', async () => {
    const { call, customerId } = await signedIn();
    const fails = async (payload: object) => {
      const response = await call('POST', `/api/customers/${customerId}/follow-ups`, payload);
      return [
        response.statusCode,
        response.json<Problem>().code,
        response.json<Problem>().errors?.map((e) => e.path),
      ];
    };
    const future = new Date(Date.now() + DAY_MS).toISOString();
    expect(await fails({ channel: 'call', note: 'x', at: future })).toEqual([
      400,
      'crm.follow_up.invalid',
      ['at'],
    ]);
    expect(await fails({ channel: 'fax', note: 'x' })).toEqual([400, 'request.invalid', ['channel']]);
    expect(await fails({ channel: 'call', note: '  ' })).toEqual([400, 'request.invalid', ['note']]);
  });

  it('shows the timeline newest first with a cursor, and refuses a made-up cursor', async () => {
    const { call, customerId } = await signedIn();
    await call('POST', `/api/customers/${customerId}/follow-ups`, { channel: 'visit', note: 'visited' });
    await call('POST', `/api/customers/${customerId}/tiers`, {
      dimension: 'intent',
      tier: 'C',
      reason: 'latent need',
    });
    const first = await call('GET', `/api/customers/${customerId}/timeline?limit=2`);
    const page = first.json<ActivityPage>();
    expect(page.items.map((item) => item.type).sort()).toEqual(['follow_up', 'tier_change']);
    const rest = await call('GET', `/api/customers/${customerId}/timeline?limit=2&after=${page.nextCursor}`);
    expect(rest.json<ActivityPage>()).toMatchObject({
      items: [{ type: 'pool_move', action: 'create' }],
      nextCursor: null,
    });
    const bad = await call('GET', `/api/customers/${customerId}/timeline?after=abc`);
    expect([bad.statusCode, bad.json<Problem>().code]).toEqual([400, 'crm.follow_up.cursor_invalid']);
    expect((await call('GET', `/api/customers/${newId()}/timeline`)).statusCode).toBe(404);
  });
});
