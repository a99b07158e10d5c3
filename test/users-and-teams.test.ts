import { describe, expect, it } from 'vitest';
import { makeTeam, makeTenant, makeUser, TEST_PASSWORD } from './helpers/factories.js';
import { signInCookie, useTestApp } from './helpers/server.js';

const t = useTestApp();

const call = (method: 'GET' | 'PATCH' | 'DELETE' | 'POST', url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

describe('managing users', () => {
  it('changes role, scope and teams, and the new scope applies at once', async () => {
    const { tenant, admin } = await makeTenant(t.database.db);
    const cookie = await signInCookie(t.app, admin.email, TEST_PASSWORD);
    const team = await makeTeam(t.database.db, admin.actor);
    const rep = await makeUser(t.database.db, tenant, 'sales_rep');
    const colleague = await makeUser(t.database.db, tenant, 'sales_rep', { teamIds: [team.id] });
    const repCookie = await signInCookie(t.app, rep.email, TEST_PASSWORD);
    await call('POST', '/api/customers', await signInCookie(t.app, colleague.email, TEST_PASSWORD), {
      kind: 'consumer',
      name: '同事的客户',
    });
    const before = await call('GET', '/api/customers', repCookie);
    expect(before.json<{ items: unknown[] }>().items).toEqual([]);

    const patched = await call('PATCH', `/api/users/${rep.id}`, cookie, {
      scope: 'team',
      teamIds: [team.id],
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ role: 'sales_rep', scope: 'team', teamIds: [team.id] });
    const after = await call('GET', '/api/customers', repCookie);
    expect(after.json<{ items: { name: string }[] }>().items.map((c) => c.name)).toEqual(['同事的客户']);

    const reset = await call('PATCH', `/api/users/${rep.id}`, cookie, { role: 'sales_manager', scope: null });
    expect(reset.json()).toMatchObject({ role: 'sales_manager', scope: 'team' });
    expect((await call('PATCH', `/api/users/${rep.id}`, cookie, {})).statusCode).toBe(400);
  });

  it('keeps the last admin and refuses self-removal', async () => {
    const { tenant, admin } = await makeTenant(t.database.db);
    const cookie = await signInCookie(t.app, admin.email, TEST_PASSWORD);
    const demote = await call('PATCH', `/api/users/${admin.id}`, cookie, { role: 'sales_rep' });
    expect(demote.statusCode).toBe(409);
    expect(demote.json()).toMatchObject({ code: 'auth.user.last_admin' });
    const self = await call('DELETE', `/api/users/${admin.id}`, cookie);
    expect(self.json()).toMatchObject({ code: 'auth.user.remove_self' });
    const second = await makeUser(t.database.db, tenant, 'admin');
    expect((await call('PATCH', `/api/users/${admin.id}`, cookie, { role: 'marketer' })).statusCode).toBe(
      200,
    );
    const secondCookie = await signInCookie(t.app, second.email, TEST_PASSWORD);
    expect((await call('DELETE', `/api/users/${admin.id}`, secondCookie)).statusCode).toBe(204);
  });

  it('removes a user from the tenant: their session there ends and they leave the list', async () => {
    const { tenant, admin } = await makeTenant(t.database.db);
    const cookie = await signInCookie(t.app, admin.email, TEST_PASSWORD);
    const leaver = await makeUser(t.database.db, tenant, 'marketer');
    const leaverCookie = await signInCookie(t.app, leaver.email, TEST_PASSWORD);
    expect((await call('GET', '/api/me', leaverCookie)).statusCode).toBe(200);
    expect((await call('DELETE', `/api/users/${leaver.id}`, cookie)).statusCode).toBe(204);
    expect((await call('GET', '/api/me', leaverCookie)).statusCode).toBe(401);
    const users = await call('GET', '/api/users', cookie);
    expect(users.json<{ items: { id: string }[] }>().items.map((u) => u.id)).not.toContain(leaver.id);
    expect((await call('DELETE', `/api/users/${leaver.id}`, cookie)).statusCode).toBe(404);
  });
});

describe('managing teams', () => {
  it('renames a team and replaces its members; a taken name is a conflict', async () => {
    const { tenant, admin } = await makeTenant(t.database.db);
    const cookie = await signInCookie(t.app, admin.email, TEST_PASSWORD);
    const a = await makeUser(t.database.db, tenant, 'sales_rep');
    const b = await makeUser(t.database.db, tenant, 'sales_rep');
    const team = await makeTeam(t.database.db, admin.actor, [a.id]);
    const other = await makeTeam(t.database.db, admin.actor);
    const renamed = await call('PATCH', `/api/teams/${team.id}`, cookie, {
      name: '华南销售',
      memberIds: [b.id],
    });
    expect(renamed.json()).toEqual({ id: team.id, name: '华南销售', memberIds: [b.id] });
    const taken = await call('PATCH', `/api/teams/${other.id}`, cookie, { name: '华南销售' });
    expect(taken.statusCode).toBe(409);
    const stranger = await makeTenant(t.database.db);
    const bad = await call('PATCH', `/api/teams/${team.id}`, cookie, { memberIds: [stranger.admin.id] });
    expect(bad.statusCode).toBe(404);
    const teams = await call('GET', '/api/teams', cookie);
    expect(
      teams.json<{ items: { id: string; memberIds: string[] }[] }>().items.find((t) => t.id === team.id)
        ?.memberIds,
    ).toEqual([b.id]);
  });
});
