import { describe, expect, it } from 'vitest';
import { makeApiKey, makeTenant, makeUser, TEST_PASSWORD } from '../../../../test/helpers/factories.js';
import { signInCookie, useTestApp } from '../../../../test/helpers/server.js';
import type { Source } from './source.contract.js';
import { ensureSystemSource, findSourceByWriteKey } from './source.service.js';

const t = useTestApp();

type Method = 'GET' | 'POST' | 'PATCH';

/** A tenant with an admin, and a caller per role asked for. */
async function setup() {
  const { tenant, admin } = await makeTenant(t.database.db);
  const call = (cookie: string) => async (method: Method, url: string, payload?: Record<string, unknown>) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload } : {}) });
  const as = async (role: 'marketer' | 'sales_rep') => {
    const user = await makeUser(t.database.db, tenant, role);
    return call(await signInCookie(t.app, user.email, TEST_PASSWORD));
  };
  return { tenant, asAdmin: call(await signInCookie(t.app, admin.email, TEST_PASSWORD)), as };
}

describe('sources API', () => {
  it('creates a source with a wk_ write key that resolves to it; lists by name without the system source', async () => {
    const { tenant, as } = await setup();
    const marketer = await as('marketer');
    const created = await marketer('POST', '/api/sources', { name: ' 官网 ', kind: 'web' });
    expect(created.statusCode).toBe(201);
    const web = created.json<Source>();
    expect(web).toMatchObject({
      name: '官网',
      kind: 'web',
      rateLimitPerSecond: 2000,
      retentionDays: null,
      disabled: false,
    });
    expect(web.writeKey).toMatch(/^wk_[A-Za-z0-9_-]{32}$/);
    expect(await findSourceByWriteKey(t.database, web.writeKey)).toEqual({
      tenantId: tenant.id,
      sourceId: web.id,
      kind: 'web',
      rateLimitPerSecond: 2000,
    });
    const app = await marketer('POST', '/api/sources', {
      name: 'App',
      kind: 'app',
      rateLimitPerSecond: 50,
      retentionDays: 30,
    });
    expect(app.json()).toMatchObject({ rateLimitPerSecond: 50, retentionDays: 30 });
    expect(app.json<Source>().writeKey).not.toBe(web.writeKey);
    await ensureSystemSource(t.database.db, tenant.id);
    const list = (await marketer('GET', '/api/sources')).json<{ items: Source[] }>().items;
    expect(list.map((source) => source.name)).toEqual(['App', '官网']);
  });

  it('refuses taken and reserved names, bad kinds and out-of-range numbers', async () => {
    const { asAdmin } = await setup();
    expect((await asAdmin('POST', '/api/sources', { name: 'Web', kind: 'web' })).statusCode).toBe(201);
    const taken = await asAdmin('POST', '/api/sources', { name: 'Web', kind: 'app' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'insights.source.name_taken' });
    expect((await asAdmin('POST', '/api/sources', { name: 'kehu', kind: 'server' })).json()).toMatchObject({
      code: 'insights.source.name_taken',
    });
    for (const body of [
      { name: 'S', kind: 'system' },
      { name: 'S', kind: 'email' },
      { name: '', kind: 'web' },
      { name: 'S', kind: 'web', rateLimitPerSecond: 0 },
      { name: 'S', kind: 'web', rateLimitPerSecond: 100_001 },
      { name: 'S', kind: 'web', retentionDays: 0 },
      { name: 'S', kind: 'web', retentionDays: 3651 },
      { name: 'S', kind: 'web', retentionDays: 1.5 },
    ]) {
      expect((await asAdmin('POST', '/api/sources', body)).statusCode, JSON.stringify(body)).toBe(400);
    }
    const list = (await asAdmin('GET', '/api/sources')).json<{ items: Source[] }>().items;
    expect(list.map((source) => source.name)).toEqual(['Web']);
  });

  it('changes and disables a source; a disabled key no longer resolves', async () => {
    const { asAdmin } = await setup();
    const source = (await asAdmin('POST', '/api/sources', { name: 'Server', kind: 'server' })).json<Source>();
    await asAdmin('POST', '/api/sources', { name: 'Other', kind: 'server' });
    const changed = await asAdmin('PATCH', `/api/sources/${source.id}`, {
      name: 'Backend',
      rateLimitPerSecond: 100_000,
      retentionDays: 365,
    });
    expect(changed.json()).toMatchObject({
      name: 'Backend',
      rateLimitPerSecond: 100_000,
      retentionDays: 365,
    });
    const forever = await asAdmin('PATCH', `/api/sources/${source.id}`, { retentionDays: null });
    expect(forever.json()).toMatchObject({ name: 'Backend', retentionDays: null, writeKey: source.writeKey });
    expect((await asAdmin('PATCH', `/api/sources/${source.id}`, { name: 'Other' })).json()).toMatchObject({
      status: 409,
      code: 'insights.source.name_taken',
    });
    expect((await asAdmin('PATCH', `/api/sources/${source.id}`, {})).statusCode).toBe(400);
    const disabled = await asAdmin('PATCH', `/api/sources/${source.id}`, { disabled: true });
    expect(disabled.json()).toMatchObject({ disabled: true });
    expect(await findSourceByWriteKey(t.database, source.writeKey)).toBeUndefined();
    await asAdmin('PATCH', `/api/sources/${source.id}`, { disabled: false });
    expect(await findSourceByWriteKey(t.database, source.writeKey)).toMatchObject({ sourceId: source.id });
  });

  it('rotates the write key: the old one stops working at once', async () => {
    const { asAdmin } = await setup();
    const source = (
      await asAdmin('POST', '/api/sources', { name: 'Mini', kind: 'mini_program' })
    ).json<Source>();
    const rotated = await asAdmin('POST', `/api/sources/${source.id}/write-key`);
    expect(rotated.statusCode).toBe(200);
    const next = rotated.json<Source>();
    expect(next.writeKey).toMatch(/^wk_/);
    expect(next.writeKey).not.toBe(source.writeKey);
    expect(await findSourceByWriteKey(t.database, source.writeKey)).toBeUndefined();
    expect(await findSourceByWriteKey(t.database, next.writeKey)).toMatchObject({ sourceId: source.id });
    expect((await asAdmin('GET', '/api/sources')).json<{ items: Source[] }>().items[0]!.writeKey).toBe(
      next.writeKey,
    );
  });

  it("answers 404 for unknown, other tenants' and the system source", async () => {
    const { tenant, asAdmin } = await setup();
    const other = await setup();
    const theirs = (
      await other.asAdmin('POST', '/api/sources', { name: 'Theirs', kind: 'web' })
    ).json<Source>();
    const system = await ensureSystemSource(t.database.db, tenant.id);
    for (const id of [theirs.id, system.sourceId, '0190c9a8-0000-7000-8000-000000000000']) {
      const patch = await asAdmin('PATCH', `/api/sources/${id}`, { name: 'Mine' });
      expect(patch.json()).toMatchObject({ status: 404, code: 'insights.source.not_found' });
      expect((await asAdmin('POST', `/api/sources/${id}/write-key`)).statusCode).toBe(404);
    }
    expect((await other.asAdmin('GET', '/api/sources')).json<{ items: Source[] }>().items[0]!.name).toBe(
      'Theirs',
    );
  });

  it('needs sources.manage: a sales rep and a service API key get 403, no session 401', async () => {
    const { tenant, asAdmin, as } = await setup();
    const source = (await asAdmin('POST', '/api/sources', { name: 'Web', kind: 'web' })).json<Source>();
    const rep = await as('sales_rep');
    expect((await rep('GET', '/api/sources')).statusCode).toBe(403);
    expect((await rep('POST', '/api/sources', { name: 'X', kind: 'web' })).statusCode).toBe(403);
    expect((await rep('PATCH', `/api/sources/${source.id}`, { disabled: true })).statusCode).toBe(403);
    expect((await rep('POST', `/api/sources/${source.id}/write-key`)).statusCode).toBe(403);
    const key = await makeApiKey(t.database.db, tenant.id, 'service_agent');
    const byKey = await t.app.inject({
      method: 'GET',
      url: '/api/sources',
      headers: { authorization: `Bearer ${key}` },
    });
    expect(byKey.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/sources' })).statusCode).toBe(401);
    expect(await findSourceByWriteKey(t.database, source.writeKey)).toMatchObject({ sourceId: source.id });
  });
});
