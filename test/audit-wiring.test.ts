/**
 * The audit log outside access (issue 14): exports, merges, CRM and warehouse settings and team
 * changes each write one entry with the actor, the address and what changed.
 */
import { describe, expect, it } from 'vitest';
import { newId } from '../src/platform/ids.js';
import { makeTenant, TEST_PASSWORD } from './helpers/factories.js';
import { signInCookie, useTestApp } from './helpers/server.js';

const t = useTestApp();

type Entry = { action: string; actorUserId: string | null; address: string | null; details: object };

async function admin() {
  const { admin } = await makeTenant(t.database.db);
  const cookie = await signInCookie(t.app, admin.email, TEST_PASSWORD);
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: { cookie },
      remoteAddress: '10.7.7.7',
      ...(payload ? { payload } : {}),
    });
  /** The entries of `action`, newest first. */
  const entries = async (action: string) =>
    (await call('GET', `/api/audit-log?action=${action}`)).json<{ items: Entry[] }>().items;
  return { admin, call, entries };
}

describe('audit entries of exports, merges, settings and teams', () => {
  it('records a customer export and a merge, once each', async () => {
    const { admin: user, call, entries } = await admin();
    const customer = async (name: string) =>
      (await call('POST', '/api/customers', { kind: 'business', name })).json<{ id: string }>().id;
    const [keep, gone] = [await customer(`Keep ${newId()}`), await customer(`Gone ${newId()}`)];
    expect((await call('GET', '/api/customers/export.csv?q=Keep')).statusCode).toBe(200);
    expect(await entries('customers.exported')).toEqual([
      expect.objectContaining({
        actorUserId: user.id,
        address: '10.7.7.7',
        details: { filters: expect.objectContaining({ q: 'Keep' }) },
      }),
    ]);
    expect((await call('POST', `/api/customers/${keep}/merge`, { from: [gone] })).statusCode).toBe(200);
    expect(await entries('customers.merged')).toEqual([
      expect.objectContaining({ actorUserId: user.id, details: { customerId: keep, from: [gone] } }),
    ]);
  });

  it('records CRM and warehouse settings changes, and nothing for a refused one', async () => {
    const { call, entries } = await admin();
    const crm = await call('PATCH', '/api/crm/settings', { duplicatePolicy: { create: 'warn' } });
    expect(crm.statusCode, crm.body).toBe(200);
    expect(await entries('crm.settings.changed')).toEqual([
      expect.objectContaining({ address: '10.7.7.7', details: { sections: ['duplicatePolicy'] } }),
    ]);
    expect((await call('PATCH', '/api/crm/settings', { tierRules: 'no' })).statusCode).toBe(400);
    expect(await entries('crm.settings.changed')).toHaveLength(1);
    const warehouse = await call('PATCH', '/api/warehouse/settings', {
      returnReasonWeights: { defective: 2 },
    });
    expect(warehouse.statusCode, warehouse.body).toBe(200);
    expect(await entries('warehouse.settings.changed')).toEqual([
      expect.objectContaining({ details: { fields: ['returnReasonWeights'] } }),
    ]);
    const customerId = (
      await call('POST', '/api/customers', { kind: 'business', name: `Lot ${newId()}` })
    ).json<{ id: string }>().id;
    const rule = await call('PUT', `/api/warehouse/customer-rules/${customerId}`, { singleLotPerLine: true });
    expect(rule.statusCode, rule.body).toBe(200);
    expect(await entries('warehouse.customer_rule.changed')).toEqual([
      expect.objectContaining({ details: { customerId, singleLotPerLine: true } }),
    ]);
  });

  it('records creating and changing a team', async () => {
    const { admin: user, call, entries } = await admin();
    const team = (await call('POST', '/api/teams', { name: 'North' })).json<{ id: string }>();
    expect(await entries('team.created')).toEqual([
      expect.objectContaining({ details: { teamId: team.id, name: 'North', memberIds: [] } }),
    ]);
    expect((await call('PATCH', `/api/teams/${team.id}`, { memberIds: [user.id] })).statusCode).toBe(200);
    expect(await entries('team.changed')).toEqual([
      expect.objectContaining({ details: { teamId: team.id, memberIds: [user.id] } }),
    ]);
  });
});
