/**
 * API keys expire, show when they were last used, warn when unused for 90 days, and rotate without
 * downtime (issue 14, finding 8).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS, fixedClock, HOUR_MS } from '../src/platform/clock.js';
import { makeTenant, TEST_PASSWORD } from './helpers/factories.js';
import { createTestApp, signInCookie } from './helpers/server.js';

const clock = fixedClock('2026-05-01T08:00:00.000Z');
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(async () => t.close());

type Key = { id: string; key: string; expiresAt: string | null; stale: boolean; lastUsedAt: string | null };
const later = (ms: number) => clock.set(new Date(clock.now().getTime() + ms));

async function setup() {
  const { admin } = await makeTenant(t.database.db);
  // Signs in for each call: the tests move the clock past a session's life.
  const call = async (method: 'GET' | 'POST', url: string, payload?: object) => {
    const cookie = await signInCookie(t.app, admin.email, TEST_PASSWORD);
    return t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  };
  const use = async (key: string) =>
    (
      await t.app.inject({
        method: 'GET',
        url: '/api/customers',
        headers: { authorization: `Bearer ${key}` },
      })
    ).statusCode;
  return { call, use };
}

describe('API key lifecycle', () => {
  it('stops a key at its expiry', async () => {
    const { call, use } = await setup();
    const created = await call('POST', '/api/api-keys', {
      name: 'ERP',
      role: 'sales_manager',
      expiresInDays: 30,
    });
    expect(created.statusCode).toBe(201);
    const key = created.json<Key>();
    expect(key.expiresAt).toBe(new Date(clock.now().getTime() + 30 * DAY_MS).toISOString());
    expect(await use(key.key)).toBe(200);
    later(30 * DAY_MS + 1000);
    expect(await use(key.key)).toBe(401);
  });

  it('rotates: the old and the new key both work for the grace period, then only the new one', async () => {
    const { call, use } = await setup();
    const old = (await call('POST', '/api/api-keys', { name: 'Shop', role: 'sales_manager' })).json<Key>();
    const rotated = await call('POST', `/api/api-keys/${old.id}/rotate`, { graceHours: 2 });
    expect(rotated.statusCode).toBe(201);
    const fresh = rotated.json<Key>();
    expect(fresh.key).not.toBe(old.key);
    expect(await use(old.key)).toBe(200);
    expect(await use(fresh.key)).toBe(200);
    later(2 * HOUR_MS + 1000);
    expect(await use(old.key)).toBe(401);
    expect(await use(fresh.key)).toBe(200);
  });

  it('marks keys unused for 90 days as stale', async () => {
    const { call, use } = await setup();
    const used = (await call('POST', '/api/api-keys', { name: 'used', role: 'marketer' })).json<Key>();
    const idle = (await call('POST', '/api/api-keys', { name: 'idle', role: 'marketer' })).json<Key>();
    later(80 * DAY_MS);
    await use(used.key);
    later(11 * DAY_MS);
    const list = (await call('GET', '/api/api-keys')).json<{ items: Key[] }>().items;
    expect(list.find((k) => k.id === idle.id)).toMatchObject({ stale: true, lastUsedAt: null });
    expect(list.find((k) => k.id === used.id)).toMatchObject({ stale: false });
  });
});
