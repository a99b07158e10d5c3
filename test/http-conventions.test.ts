import { describe, expect, it } from 'vitest';
import { makeApiKey, makeTenant } from './helpers/factories.js';
import { useTestApp } from './helpers/server.js';

const t = useTestApp();

describe('idempotency', () => {
  it('answers the same key and body with the first answer and writes once; another body is a conflict', async () => {
    const { tenant } = await makeTenant(t.database.db);
    const authorization = `Bearer ${await makeApiKey(t.database.db, tenant.id, 'sales_manager')}`;
    const post = (payload: object, key?: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/customers',
        headers: { authorization, ...(key ? { 'idempotency-key': key } : {}) },
        payload,
      });
    const first = await post({ kind: 'consumer', name: '张伟' }, 'order-1');
    const second = await post({ kind: 'consumer', name: '张伟' }, 'order-1');
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());
    const conflict = await post({ kind: 'consumer', name: '李娜' }, 'order-1');
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json()).toMatchObject({ code: 'request.idempotency_key.reused' });
    await post({ kind: 'consumer', name: '张伟' });
    const list = await t.app.inject({ method: 'GET', url: '/api/customers', headers: { authorization } });
    expect(list.json<{ items: { name: string }[] }>().items.map((c) => c.name)).toEqual(['张伟', '张伟']);
  });

  it('keeps keys per tenant', async () => {
    const a = await makeTenant(t.database.db);
    const b = await makeTenant(t.database.db);
    for (const { tenant } of [a, b]) {
      const authorization = `Bearer ${await makeApiKey(t.database.db, tenant.id, 'admin')}`;
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/customers',
        headers: { authorization, 'idempotency-key': 'same-key' },
        payload: { kind: 'business', name: `Co ${tenant.slug}` },
      });
      expect(response.statusCode).toBe(201);
      expect(response.headers['idempotent-replayed']).toBeUndefined();
    }
  });
});

describe('OpenAPI', () => {
  it('documents every API route with OpenAPI 3.1', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/openapi.json' });
    const doc = response.json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>();
    expect(doc.openapi).toBe('3.1.0');
    for (const route of t.app.routeTable.filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD')) {
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[path]?.[route.method.toLowerCase()], `${route.method} ${route.url}`).toBeDefined();
    }
    expect((await t.app.inject({ method: 'GET', url: '/docs' })).statusCode).toBeLessThan(400);
  });
});
