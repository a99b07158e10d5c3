import { describe, expect, it } from 'vitest';
import { makeApiKey, makeTenant, TEST_PASSWORD } from './helpers/factories.js';
import { signInCookie, useTestApp } from './helpers/server.js';

const t = useTestApp();

describe('tenant isolation', () => {
  it('never shows one tenant a record of another, through any route with an id', async () => {
    const a = await makeTenant(t.database.db);
    const b = await makeTenant(t.database.db);
    const cookieA = await signInCookie(t.app, a.admin.email, TEST_PASSWORD);
    const made = await t.app.inject({
      method: 'POST',
      url: '/api/customers',
      headers: { cookie: cookieA },
      payload: { kind: 'business', name: 'Secret Supplier 机密供应商', phone: '021-12345678' },
    });
    const customerId = made.json<{ id: string }>().id;
    const key = await t.app.inject({
      method: 'POST',
      url: '/api/api-keys',
      headers: { cookie: cookieA },
      payload: { name: 'a', role: 'admin' },
    });
    const keyId = key.json<{ id: string }>().id;
    const idsOfA = [customerId, keyId];

    const asB = [
      { cookie: await signInCookie(t.app, b.admin.email, TEST_PASSWORD) },
      { authorization: `Bearer ${await makeApiKey(t.database.db, b.tenant.id, 'admin')}` },
    ];
    const idRoutes = t.app.routeTable.filter(
      (r) => r.url.startsWith('/api/') && r.url.includes(':id') && r.method !== 'HEAD',
    );
    expect(idRoutes.length).toBeGreaterThan(1);
    for (const headers of asB) {
      for (const route of idRoutes) {
        for (const id of idsOfA) {
          const response = await t.app.inject({
            method: route.method as 'GET',
            url: route.url.replace(':id', id),
            headers,
            payload: {},
          });
          expect([404, 400], `${route.method} ${route.url} with ${id}`).toContain(response.statusCode);
          expect(response.body).not.toContain('Secret Supplier');
        }
      }
      const list = await t.app.inject({ method: 'GET', url: '/api/customers?q=Secret', headers });
      expect(list.json<{ items: unknown[] }>().items).toEqual([]);
      const all = await t.app.inject({ method: 'GET', url: '/api/customers?limit=200', headers });
      expect(all.body).not.toContain(customerId);
    }
    // The key B tried to revoke is still alive in A.
    const keys = await t.app.inject({ method: 'GET', url: '/api/api-keys', headers: { cookie: cookieA } });
    expect(
      keys.json<{ items: { id: string; revokedAt: string | null }[] }>().items.find((k) => k.id === keyId)
        ?.revokedAt,
    ).toBeNull();
  });
});
