import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { makeApiKey, makeTenant, makeUser, TEST_PASSWORD } from './helpers/factories.js';
import { createTestApp, signInCookie, useTestApp } from './helpers/server.js';

const t = useTestApp();

describe('problem details', () => {
  it('answers 401 with a code when no credentials are sent', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/customers' });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 401, code: 'auth.required' });
  });

  it('names every failing field of an invalid body', async () => {
    const { admin } = await makeTenant(t.database.db);
    const cookie = await signInCookie(t.app, admin.email, TEST_PASSWORD);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/customers',
      headers: { cookie },
      payload: { kind: 'robot', name: '', email: 'not-an-email' },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json<{ code: string; errors: { path: string }[] }>();
    expect(body.code).toBe('request.invalid');
    expect(body.errors.map((e) => e.path).sort()).toEqual(['email', 'kind', 'name']);
  });

  it('reports kind-specific rules with their field path', async () => {
    const { admin } = await makeTenant(t.database.db);
    const cookie = await signInCookie(t.app, admin.email, TEST_PASSWORD);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/customers',
      headers: { cookie },
      payload: { kind: 'consumer', name: 'Li Lei', uscc: '91440300MA5FXXXX1Y' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ errors: { path: string }[] }>().errors).toEqual([
      { path: 'uscc', in: 'body', pointer: '#/uscc', message: 'only business customers have this field' },
    ]);
  });

  it('answers malformed JSON and unknown routes as problems', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ status: 400, code: expect.stringMatching(/^request\./) });
    const missing = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'route.not_found' });
  });
});

describe('malformed requests', () => {
  it('answers a request Node cannot parse with a problem body', async () => {
    const server = await createTestApp();
    try {
      await server.app.listen({ port: 0, host: '127.0.0.1' });
      const address = server.app.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const raw = await new Promise<string>((resolve, reject) => {
        const socket = net.connect(port, '127.0.0.1', () => {
          socket.write(
            Buffer.concat([
              Buffer.from('GET /api/customers?q='),
              Buffer.from('杭州'),
              Buffer.from(' HTTP/1.1\r\nHost: x\r\n\r\n'),
            ]),
          );
        });
        let data = '';
        socket.on('data', (chunk: Buffer) => (data += chunk.toString()));
        socket.on('end', () => resolve(data));
        socket.on('error', reject);
      });
      expect(raw).toMatch(/^HTTP\/1.1 400/);
      expect(raw).toContain('application/problem+json');
      expect(raw).toContain('"code":"request.malformed"');
    } finally {
      await server.close();
    }
  });
});

describe('sessions and API keys', () => {
  it('signs in, remembers the language, and signs out', async () => {
    const { admin } = await makeTenant(t.database.db);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: admin.email, password: 'nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ code: 'auth.bad_credentials' });

    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: admin.email.toUpperCase(), password: TEST_PASSWORD },
    });
    expect(signIn.statusCode).toBe(200);
    const setCookie = signIn.cookies.find((c) => c.name === 'kehu_session')!;
    expect(setCookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const cookie = `kehu_session=${setCookie.value}`;

    const patched = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { cookie },
      payload: { locale: 'zh-CN' },
    });
    expect(patched.json()).toMatchObject({ user: { locale: 'zh-CN' }, role: 'admin', scope: 'all' });
    const again = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { cookie: await signInCookie(t.app, admin.email, TEST_PASSWORD) },
    });
    expect(again.json()).toMatchObject({ user: { locale: 'zh-CN' } });

    expect(
      (await t.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { cookie } })).statusCode,
    ).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('shows a created key once, accepts it as a bearer token with its role, and refuses it once revoked', async () => {
    const { admin } = await makeTenant(t.database.db);
    const cookie = await signInCookie(t.app, admin.email, TEST_PASSWORD);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/api-keys',
      headers: { cookie },
      payload: { name: 'erp', role: 'sales_rep' },
    });
    expect(created.statusCode).toBe(201);
    const { id, key } = created.json<{ id: string; key: string }>();
    expect(key).toMatch(/^kehu_[A-Za-z0-9]{8}_/);
    const listed = await t.app.inject({ method: 'GET', url: '/api/api-keys', headers: { cookie } });
    expect(listed.body).not.toContain(key);
    expect(listed.json<{ items: { id: string; prefix: string }[] }>().items[0]).toMatchObject({
      id,
      prefix: key.slice(0, 13),
    });

    const authorization = `Bearer ${key}`;
    const made = await t.app.inject({
      method: 'POST',
      url: '/api/customers',
      headers: { authorization },
      payload: { kind: 'business', name: 'ERP Co.' },
    });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ ownerUserId: null });
    const used = await t.app.inject({ method: 'GET', url: '/api/api-keys', headers: { cookie } });
    const usedKey = used
      .json<{ items: { id: string; lastUsedAt: string | null }[] }>()
      .items.find((k) => k.id === id);
    expect(usedKey?.lastUsedAt).not.toBeNull();
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/users', headers: { authorization } })).statusCode,
    ).toBe(403);

    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/api-keys/${id}`, headers: { cookie } })).statusCode,
    ).toBe(204);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/customers', headers: { authorization } })).statusCode,
    ).toBe(401);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/customers',
          headers: { authorization: 'Bearer kehu_garbage' },
        })
      ).statusCode,
    ).toBe(401);
  });

  it('lets admins add users and teams, and nobody else', async () => {
    const { tenant, admin } = await makeTenant(t.database.db);
    const cookie = await signInCookie(t.app, admin.email, TEST_PASSWORD);
    const team = await t.app.inject({
      method: 'POST',
      url: '/api/teams',
      headers: { cookie },
      payload: { name: 'North' },
    });
    expect(team.statusCode).toBe(201);
    const user = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie },
      payload: {
        email: 'New.Rep@Example.com',
        name: '新销售',
        password: 'long-enough',
        role: 'sales_rep',
        teamIds: [team.json<{ id: string }>().id],
      },
    });
    expect(user.statusCode).toBe(201);
    expect(user.json()).toMatchObject({ email: 'new.rep@example.com', role: 'sales_rep', scope: 'own' });
    const duplicate = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie },
      payload: { email: 'new.rep@example.com', name: 'again', password: 'long-enough', role: 'marketer' },
    });
    expect(duplicate.statusCode).toBe(409);
    const rep = await makeUser(t.database.db, tenant, 'sales_rep');
    const repCookie = await signInCookie(t.app, rep.email, TEST_PASSWORD);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: repCookie } })).statusCode,
    ).toBe(403);
    const directory = await t.app.inject({
      method: 'GET',
      url: '/api/users/directory',
      headers: { cookie: repCookie },
    });
    expect(directory.statusCode).toBe(200);
    const entries = directory.json<{ items: Record<string, string>[] }>().items;
    expect(entries.find((e) => e.name === '新销售')).toEqual({
      id: user.json<{ id: string }>().id,
      name: '新销售',
    });
    expect(directory.body).not.toContain('new.rep@example.com');
    const users = await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie } });
    expect(users.json<{ items: { email: string }[] }>().items.map((u) => u.email)).toContain(
      'new.rep@example.com',
    );
  });
});

describe('sign-in rate limit', () => {
  it('answers 429 with Retry-After after 20 attempts for one email, and keeps other emails open', async () => {
    const { admin } = await makeTenant(t.database.db);
    const attempt = (email: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password: 'guess' } });
    for (let i = 0; i < 20; i++) expect((await attempt(admin.email)).statusCode).toBe(401);
    const limited = await attempt(admin.email);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json()).toMatchObject({ code: 'request.rate_limited', status: 429 });
    expect((await attempt(`other-${admin.email}`)).statusCode).toBe(401);
  });
});

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
