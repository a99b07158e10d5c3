import { describe, expect, it } from 'vitest';
import { makeTenant, makeUser, TEST_PASSWORD } from './helpers/factories.js';
import { signInCookie, useTestApp } from './helpers/server.js';

const t = useTestApp();

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

  it('answers whether a request is signed in without a 401', async () => {
    const { admin } = await makeTenant(t.database.db);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/auth/session' });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toEqual({ signedIn: false, me: null });
    const cookie = await signInCookie(t.app, admin.email, TEST_PASSWORD);
    const signedIn = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
    expect(signedIn.json()).toMatchObject({
      signedIn: true,
      me: { user: { email: admin.email }, role: 'admin' },
    });
    const stale = await t.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: 'kehu_session=not-a-session' },
    });
    expect(stale.json()).toEqual({ signedIn: false, me: null });
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
    const invited = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie },
      payload: {
        email: 'New.Rep@Example.com',
        name: '新销售',
        role: 'sales_rep',
        teamIds: [team.json<{ id: string }>().id],
      },
    });
    // Adding is an invitation the person accepts (with a password of their own when they are new).
    expect(invited.statusCode).toBe(202);
    const token = invited.json<{ link: string }>().link.split('#')[1]!;
    const user = await t.app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      payload: { token, password: 'long-enough' },
    });
    expect(user.statusCode).toBe(200);
    expect(user.json()).toMatchObject({
      user: { email: 'new.rep@example.com' },
      role: 'sales_rep',
      scope: 'own',
    });
    const duplicate = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie },
      payload: { email: 'new.rep@example.com', name: 'again', role: 'marketer' },
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
      id: user.json<{ user: { id: string } }>().user.id,
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
