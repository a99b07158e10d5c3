import { describe, expect, it } from 'vitest';
import { makeTenant, makeUser, TEST_PASSWORD } from '../../../../test/helpers/factories.js';
import { signInCookie, useTestApp } from '../../../../test/helpers/server.js';
import { newId } from '../../../platform/ids.js';
import type { Committee, ContactPage, ContactWithAccounts } from './contact.contract.js';

const t = useTestApp();

type Problem = { code: string; errors?: { path: string; message: string }[] };

/** A signed-in admin with one business account, and a way to call the API as them. */
async function signedIn() {
  const { tenant, admin } = await makeTenant(t.database.db);
  const cookie = await signInCookie(t.app, admin.email, TEST_PASSWORD);
  const call = async (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
    headers = {},
  ) => t.app.inject({ method, url, headers: { cookie, ...headers }, ...(payload ? { payload } : {}) });
  const created = await call('POST', '/api/customers', { kind: 'business', name: `Acme ${newId()}` });
  const customerId = created.json<{ id: string }>().id;
  return { tenant, admin, call, customerId };
}

describe('people over HTTP', () => {
  it('creates a person with an account, finds, reads and edits them', async () => {
    const { call, customerId } = await signedIn();
    const created = await call('POST', '/api/people', {
      name: '陈静',
      phone: '+86 139 0013 9000',
      accounts: [
        { customerId, role: 'decision_maker', department: 'executive', influence: 5, isPrimary: true },
      ],
    });
    expect(created.statusCode).toBe(201);
    const person = created.json<ContactWithAccounts>();
    expect(person.accounts).toMatchObject([
      { customerId, role: 'decision_maker', stance: 'neutral', isPrimary: true },
    ]);

    const found = await call('GET', `/api/people?q=${encodeURIComponent('139-0013-9000')}`);
    expect(found.json<ContactPage>().items.map((p) => p.id)).toEqual([person.id]);
    const one = await call('GET', `/api/people/${person.id}`);
    expect(one.json()).toEqual(person);
    const patched = await call('PATCH', `/api/people/${person.id}`, { title: '总经理', phone: null });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ title: '总经理', phone: null });
    expect((await call('GET', `/api/people/${newId()}`)).json()).toMatchObject({
      code: 'crm.person.not_found',
    });
  });

  it('answers a repeated Idempotency-Key with the first person, and a taken external id with 409', async () => {
    const { call } = await signedIn();
    const headers = { 'idempotency-key': `k-${newId()}` };
    const first = await call('POST', '/api/people', { name: 'Once', externalId: 'sf-001' }, headers);
    const again = await call('POST', '/api/people', { name: 'Once', externalId: 'sf-001' }, headers);
    expect(again.statusCode).toBe(201);
    expect(again.json<ContactWithAccounts>().id).toBe(first.json<ContactWithAccounts>().id);
    const clash = await call('POST', '/api/people', { name: 'Twice', externalId: 'sf-001' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json<Problem>()).toMatchObject({
      code: 'crm.person.external_id_taken',
      errors: [{ path: 'externalId' }],
    });
  });

  it('names the failing field of a bad role, influence or account', async () => {
    const { call, customerId } = await signedIn();
    const paths = async (url: string, payload: object) => {
      const response = await call('POST', url, payload);
      return [
        response.statusCode,
        response.json<Problem>().code,
        response.json<Problem>().errors?.map((e) => e.path),
      ];
    };
    expect(await paths('/api/people', { name: 'X', accounts: [{ customerId, role: 'boss' }] })).toEqual([
      400,
      'request.invalid',
      ['accounts.0.role'],
    ]);
    const committee = `/api/customers/${customerId}/committee`;
    for (const influence of [0, 6, 2.5]) {
      expect(await paths(committee, { person: { name: 'X' }, role: 'user', influence })).toEqual([
        400,
        'request.invalid',
        ['influence'],
      ]);
    }
    expect(await paths(committee, { person: { name: 'X' }, role: 'user', stance: 'hostile' })).toEqual([
      400,
      'request.invalid',
      ['stance'],
    ]);
    expect(await paths(committee, { role: 'user' })).toEqual([400, 'request.invalid', ['personId']]);
    expect(await paths(committee, { personId: newId(), person: { name: 'X' }, role: 'user' })).toEqual([
      400,
      'request.invalid',
      ['personId'],
    ]);
    expect(
      await paths('/api/people', { name: '', accounts: [{ customerId: newId(), role: 'user' }] }),
    ).toEqual([400, 'request.invalid', ['name']]);
    expect(
      await paths('/api/people', { name: 'Y', accounts: [{ customerId: newId(), role: 'user' }] }),
    ).toEqual([400, 'crm.person.invalid', ['accounts.0.customerId']]);
    expect(
      await paths('/api/people', {
        name: 'Z',
        accounts: [
          { customerId, role: 'user' },
          { customerId, role: 'manager' },
        ],
      }),
    ).toEqual([400, 'request.invalid', ['accounts.1.customerId']]);
    expect(
      await paths(`/api/customers/${newId()}/committee`, { person: { name: 'X' }, role: 'user' }),
    ).toEqual([404, 'crm.customer.not_found', undefined]);
  });
});

describe('committees over HTTP', () => {
  it('adds, changes and removes members and reports the missing roles', async () => {
    const { call, customerId } = await signedIn();
    const url = `/api/customers/${customerId}/committee`;
    const empty = await call('GET', url);
    expect(empty.json<Committee>()).toMatchObject({
      members: [],
      missingRoles: ['decision_maker', 'manager', 'user', 'procurement'],
      decisionMakerKnown: false,
    });
    const added = await call('POST', url, {
      person: { name: '刘洋', title: 'IT 主管' },
      role: 'user',
      isPrimary: true,
    });
    expect(added.statusCode).toBe(201);
    const personId = added.json<Committee>().members[0]!.person.id;
    const again = await call('POST', url, { personId, role: 'manager' });
    expect(again.statusCode).toBe(409);
    expect(again.json<Problem>().code).toBe('crm.committee.already_member');
    const changed = await call('PATCH', `${url}/${personId}`, {
      role: 'decision_maker',
      stance: 'supporter',
    });
    expect(changed.json<Committee>()).toMatchObject({
      coverage: { decision_maker: 1, user: 0 },
      missingRoles: ['manager', 'user', 'procurement'],
      decisionMakerKnown: true,
      members: [{ role: 'decision_maker', stance: 'supporter', isPrimary: true, person: { name: '刘洋' } }],
    });
    expect((await call('PATCH', `${url}/${personId}`, {})).statusCode).toBe(400);
    const removed = await call('DELETE', `${url}/${personId}`);
    expect(removed.statusCode).toBe(204);
    expect((await call('DELETE', `${url}/${personId}`)).json<Problem>().code).toBe(
      'crm.committee.not_member',
    );
  });

  it("answers 404 for another rep's account, read and write alike", async () => {
    const { tenant, customerId } = await signedIn();
    const rep = await makeUser(t.database.db, tenant, 'sales_rep');
    const cookie = await signInCookie(t.app, rep.email, TEST_PASSWORD);
    const url = `/api/customers/${customerId}/committee`;
    const read = await t.app.inject({ method: 'GET', url, headers: { cookie } });
    const write = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie },
      payload: { person: { name: 'X' }, role: 'user' },
    });
    expect([read.statusCode, write.statusCode]).toEqual([404, 404]);
  });
});

describe('OpenAPI', () => {
  type Schema = { properties?: Record<string, Schema>; items?: Schema; enum?: string[]; required?: string[] };
  type Operation = {
    tags?: string[];
    requestBody?: { content: Record<string, { schema: Schema }> };
    responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
  };

  it('describes the people and committee endpoints with their shapes', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json<{
      paths: Record<string, Record<string, Operation>>;
    }>();
    expect(Object.keys(doc.paths['/api/people']!).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/api/people/{id}']!).sort()).toEqual(['get', 'patch']);
    expect(Object.keys(doc.paths['/api/customers/{id}/committee']!).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/api/customers/{id}/committee/{personId}']!).sort()).toEqual([
      'delete',
      'patch',
    ]);

    const committee =
      doc.paths['/api/customers/{id}/committee']!.get!.responses['200']!.content!['application/json']!.schema;
    expect(Object.keys(committee.properties!).sort()).toEqual([
      'coverage',
      'customerId',
      'decisionMakerKnown',
      'members',
      'missingRoles',
    ]);
    expect(committee.properties!.missingRoles!.items!.enum).toEqual([
      'decision_maker',
      'manager',
      'user',
      'procurement',
    ]);
    const member = committee.properties!.members!.items!;
    expect(member.properties!.role!.enum).toEqual([
      'decision_maker',
      'manager',
      'user',
      'procurement',
      'other',
    ]);
    expect(member.properties!.stance!.enum).toEqual(['supporter', 'neutral', 'opponent']);
    expect(Object.keys(member.properties!.person!.properties!)).toContain('phone');

    const create = doc.paths['/api/people']!.post!.requestBody!.content['application/json']!.schema;
    expect(create.required).toEqual(['name']);
    const account = create.properties!.accounts!.items!;
    expect(account.required).toEqual(['role', 'customerId']);
    expect(account.properties!.department!.enum).toEqual([
      'technical',
      'finance',
      'compliance',
      'business',
      'executive',
      'other',
    ]);
    const add =
      doc.paths['/api/customers/{id}/committee']!.post!.requestBody!.content['application/json']!.schema;
    expect(Object.keys(add.properties!)).toEqual(
      expect.arrayContaining(['personId', 'person', 'role', 'influence', 'isPrimary']),
    );
  });
});
