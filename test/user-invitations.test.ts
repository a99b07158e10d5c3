/**
 * Adding a user is an invitation the person accepts (issue 14, finding 1): the answer is the same for
 * an email that is new and one that has an account in another tenant, reveals nothing of that
 * account, and nobody joins a tenant without accepting.
 */
import { describe, expect, it } from 'vitest';
import { makeTenant, TEST_PASSWORD } from './helpers/factories.js';
import { signInCookie, useTestApp } from './helpers/server.js';

const t = useTestApp();

type Invited = { invitation: { id: string; email: string; role: string; expiresAt: string }; link: string };

async function invite(cookie: string, email: string, name = 'Invited Name') {
  return t.app.inject({
    method: 'POST',
    url: '/api/users',
    headers: { cookie },
    payload: { email, name, role: 'sales_rep' },
  });
}

const tokenOf = (link: string): string => decodeURIComponent(link.split('#')[1] ?? '');

describe('adding a user of another tenant', () => {
  it('answers the same for a known and an unknown email and reveals nothing of the other tenant', async () => {
    const other = await makeTenant(t.database.db);
    const mine = await makeTenant(t.database.db);
    const cookie = await signInCookie(t.app, mine.admin.email, TEST_PASSWORD);

    const known = await invite(cookie, other.admin.email);
    const unknown = await invite(cookie, `nobody-${Date.now()}@example.com`);
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    const shape = (body: Invited) => ({
      invitation: Object.keys(body.invitation).sort(),
      top: Object.keys(body).sort(),
    });
    expect(shape(known.json<Invited>())).toEqual(shape(unknown.json<Invited>()));
    expect(known.body).not.toContain(other.admin.id);
    expect(known.body).not.toContain(other.tenant.name);
    // The name is the one this admin typed, not the one the account has elsewhere.
    expect(known.json<Invited>().invitation).toMatchObject({
      email: other.admin.email,
      name: 'Invited Name',
    });

    // Not a member until they accept: the list of users does not name them, and they cannot sign in here.
    const users = await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie } });
    expect(users.body).not.toContain(other.admin.email);
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: other.admin.email, password: TEST_PASSWORD, tenant: mine.tenant.slug },
    });
    expect(signIn.statusCode).toBe(401);
  });

  it('lets the invited account accept while signed in, and then sign in to the new tenant', async () => {
    const other = await makeTenant(t.database.db);
    const mine = await makeTenant(t.database.db);
    const cookie = await signInCookie(t.app, mine.admin.email, TEST_PASSWORD);
    const { link } = (await invite(cookie, other.admin.email)).json<Invited>();
    const token = tokenOf(link);

    // Someone else's session, or no session and no password, cannot accept it.
    const stranger = await signInCookie(t.app, mine.admin.email, TEST_PASSWORD);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      headers: { cookie: stranger },
      payload: { token },
    });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toMatchObject({ code: 'auth.invitation.other_account' });

    const invitedCookie = await signInCookie(t.app, other.admin.email, TEST_PASSWORD);
    const accepted = await t.app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      headers: { cookie: invitedCookie },
      payload: { token },
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ tenant: { slug: mine.tenant.slug }, role: 'sales_rep' });
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      headers: { cookie: invitedCookie },
      payload: { token },
    });
    expect(again.statusCode).toBe(404);
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: other.admin.email, password: TEST_PASSWORD, tenant: mine.tenant.slug },
    });
    expect(signIn.statusCode).toBe(200);
  });

  it('lets a new person set a password, and refuses a password for an existing account', async () => {
    const other = await makeTenant(t.database.db);
    const mine = await makeTenant(t.database.db);
    const cookie = await signInCookie(t.app, mine.admin.email, TEST_PASSWORD);
    const email = `new-${Date.now()}@example.com`;
    const fresh = tokenOf((await invite(cookie, email, '新同事')).json<Invited>().link);
    const preview = await t.app.inject({
      method: 'POST',
      url: '/api/invitations/preview',
      payload: { token: fresh },
    });
    expect(preview.json()).toMatchObject({ email, tenantName: mine.tenant.name, role: 'sales_rep' });
    const accepted = await t.app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      payload: { token: fresh, password: 'a-new-password' },
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ user: { email, name: '新同事' } });
    expect(accepted.cookies.find((c) => c.name === 'kehu_session')).toBeDefined();

    // A password on the link never takes over an account that exists: sign in with it instead.
    const known = tokenOf((await invite(cookie, other.admin.email)).json<Invited>().link);
    const takeover = await t.app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      payload: { token: known, password: 'attacker-chosen' },
    });
    expect(takeover.statusCode).toBe(401);
    const stillOld = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: other.admin.email, password: TEST_PASSWORD },
    });
    expect(stillOld.statusCode).toBe(200);
  });

  it('lists pending invitations with their link, revokes them, and refuses tampered tokens', async () => {
    const mine = await makeTenant(t.database.db);
    const cookie = await signInCookie(t.app, mine.admin.email, TEST_PASSWORD);
    const created = (await invite(cookie, `list-${Date.now()}@example.com`)).json<Invited>();
    const list = await t.app.inject({ method: 'GET', url: '/api/invitations', headers: { cookie } });
    expect(list.json<{ items: Invited[] }>().items).toEqual([
      expect.objectContaining({ invitation: expect.objectContaining({ id: created.invitation.id }) }),
    ]);
    const tampered = `${tokenOf(created.link).slice(0, -2)}xx`;
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      payload: { token: tampered, password: 'whatever-long' },
    });
    expect(bad.statusCode).toBe(404);
    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/invitations/${created.invitation.id}`,
      headers: { cookie },
    });
    expect(revoked.statusCode).toBe(204);
    const after = await t.app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      payload: { token: tokenOf(created.link), password: 'whatever-long' },
    });
    expect(after.statusCode).toBe(404);
    const empty = await t.app.inject({ method: 'GET', url: '/api/invitations', headers: { cookie } });
    expect(empty.json<{ items: unknown[] }>().items).toEqual([]);
  });
});
