/** The audit log: security-relevant actions with actor, time and address, readable by admins only. */
import { describe, expect, it } from 'vitest';
import { makeTenant, makeUser, TEST_PASSWORD } from './helpers/factories.js';
import { signInCookie, useTestApp } from './helpers/server.js';

const t = useTestApp();

type Entry = {
  action: string;
  actorUserId: string | null;
  address: string | null;
  details: Record<string, unknown>;
};
type Page = { items: Entry[]; nextCursor: string | null };

describe('audit log', () => {
  it('records sign-ins, invitations and API keys, pages and filters them, for admins of the tenant only', async () => {
    const { tenant, admin } = await makeTenant(t.database.db);
    const other = await makeTenant(t.database.db);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      remoteAddress: '10.1.2.3',
      payload: { email: admin.email, password: 'nope' },
    });
    expect(wrong.statusCode).toBe(401);
    const cookie = await signInCookie(t.app, admin.email, TEST_PASSWORD);
    const call = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
      t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
    const key = (await call('POST', '/api/api-keys', { name: 'ERP', role: 'marketer' })).json<{
      id: string;
    }>();
    expect((await call('DELETE', `/api/api-keys/${key.id}`)).statusCode).toBe(204);
    expect(
      (await call('POST', '/api/users', { email: 'x@example.com', name: 'X', role: 'sales_rep' })).statusCode,
    ).toBe(202);

    const all = (await call('GET', '/api/audit-log')).json<Page>();
    expect(all.items.map((e) => e.action)).toEqual([
      'user.invited',
      'apikey.revoked',
      'apikey.created',
      'auth.sign_in.succeeded',
      'auth.sign_in.failed',
    ]);
    expect(all.items.at(-1)).toMatchObject({
      actorUserId: null,
      address: '10.1.2.3',
      details: { email: admin.email },
    });
    expect(all.items[0]).toMatchObject({ actorUserId: admin.id, details: { email: 'x@example.com' } });

    const first = (await call('GET', '/api/audit-log?limit=2')).json<Page>();
    expect(first.items).toHaveLength(2);
    const second = (await call('GET', `/api/audit-log?limit=2&cursor=${first.nextCursor}`)).json<Page>();
    expect(second.items.map((e) => e.action)).toEqual(['apikey.created', 'auth.sign_in.succeeded']);
    const filtered = (await call('GET', '/api/audit-log?action=apikey.created')).json<Page>();
    expect(filtered.items.map((e) => e.action)).toEqual(['apikey.created']);

    const rep = await makeUser(t.database.db, tenant, 'sales_rep');
    const repCookie = await signInCookie(t.app, rep.email, TEST_PASSWORD);
    const refused = await t.app.inject({
      method: 'GET',
      url: '/api/audit-log',
      headers: { cookie: repCookie },
    });
    expect(refused.statusCode).toBe(403);
    const otherCookie = await signInCookie(t.app, other.admin.email, TEST_PASSWORD);
    const theirs = await t.app.inject({
      method: 'GET',
      url: '/api/audit-log',
      headers: { cookie: otherCookie },
    });
    expect(theirs.json<Page>().items.map((e) => e.action)).toEqual(['auth.sign_in.succeeded']);
  });
});
