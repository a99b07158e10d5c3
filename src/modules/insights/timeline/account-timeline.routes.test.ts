import { beforeAll, describe, expect, it } from 'vitest';
import { makeApiKey, makeTenant, makeUser, TEST_PASSWORD } from '../../../../test/helpers/factories.js';
import { signInCookie, useTestApp } from '../../../../test/helpers/server.js';
import { newId } from '../../../platform/ids.js';
import { ensureTestPartition, linkAccount, seedEvents, seedPerson } from './timeline-seed.test-helper.js';
import type { TouchpointPage } from './timeline.contract.js';

const t = useTestApp();

type Problem = { code: string };
type Response = Awaited<ReturnType<typeof t.app.inject>>;
type Caller = (method: 'GET' | 'POST', url: string, payload?: object) => Promise<Response>;

/** A tenant with an admin and two sales reps, each rep owning one customer. */
async function salesTeam() {
  const { tenant, admin } = await makeTenant(t.database.db);
  const callerOf = async (email: string): Promise<Caller> => {
    const cookie = await signInCookie(t.app, email, TEST_PASSWORD);
    return (method, url, payload) =>
      t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  };
  const rep1 = await callerOf((await makeUser(t.database.db, tenant, 'sales_rep')).email);
  const rep2 = await callerOf((await makeUser(t.database.db, tenant, 'sales_rep')).email);
  const customerOf = async (call: Caller, name: string) =>
    (await call('POST', '/api/customers', { kind: 'business', name, externalId: `ext-${newId()}` })).json<{
      id: string;
      externalId: string;
    }>();
  const acme = await customerOf(rep1, `Acme ${newId()}`);
  const globex = await customerOf(rep2, `Globex ${newId()}`);
  return { tenant, admin: await callerOf(admin.email), rep1, rep2, acme, globex };
}

let team: Awaited<ReturnType<typeof salesTeam>>;
beforeAll(async () => {
  team = await salesTeam();
  await ensureTestPartition(t.database.db);
});

const idsOf = (response: { json<T>(): T }) => response.json<TouchpointPage>().items.map((i) => i.id);

describe('account and contact timelines over HTTP', () => {
  it("shows an account's events and those of the persons acting for it, each once", async () => {
    const { tenant, rep1, acme, globex } = team;
    const db = t.database.db;
    const buyer = await seedPerson(db, tenant.id, { userId: `u-${newId()}` });
    const mergedBuyer = await seedPerson(db, tenant.id, { mergedInto: buyer });
    const stranger = await seedPerson(db, tenant.id, {});
    await linkAccount(db, tenant.id, mergedBuyer, acme.id);
    const [named, own, both, merged] = await seedEvents(db, tenant.id, [
      { customerId: acme.id, type: 'group', event: null, timestamp: '2026-11-03T08:00:00Z' },
      { personId: buyer, timestamp: '2026-11-04T08:00:00Z' },
      { personId: buyer, customerId: acme.id, timestamp: '2026-11-05T08:00:00Z' },
      { personId: mergedBuyer, customerId: globex.id, timestamp: '2026-11-06T08:00:00Z', channel: 'app' },
    ]);
    await seedEvents(db, tenant.id, [
      { personId: stranger, timestamp: '2026-11-07T08:00:00Z' },
      { customerId: globex.id, timestamp: '2026-11-07T08:00:00Z' },
    ]);
    const response = await rep1('GET', `/api/customers/${acme.id}/events`);
    expect(response.statusCode).toBe(200);
    expect(idsOf(response)).toEqual([merged, both, own, named]);
    expect(idsOf(await rep1('GET', `/api/customers/${acme.id}/events?channel=web&limit=2`))).toEqual([
      both,
      own,
    ]);
    const first = await rep1('GET', `/api/customers/${acme.id}/events?limit=3`);
    const next = await rep1(
      'GET',
      `/api/customers/${acme.id}/events?limit=3&after=${first.json<TouchpointPage>().nextCursor}`,
    );
    expect([...idsOf(first), ...idsOf(next)]).toEqual([merged, both, own, named]);
    expect(next.json<TouchpointPage>().nextCursor).toBeNull();
  });

  it("hides another rep's customer, as the CRM does", async () => {
    const { rep1, rep2, admin, acme, globex } = team;
    const hidden = await rep2('GET', `/api/customers/${acme.id}/events`);
    expect([hidden.statusCode, hidden.json<Problem>().code]).toEqual([404, 'crm.customer.not_found']);
    expect((await rep1('GET', `/api/customers/${globex.id}/events`)).statusCode).toBe(404);
    expect((await admin('GET', `/api/customers/${acme.id}/events`)).statusCode).toBe(200);
    expect((await admin('GET', `/api/customers/${newId()}/events`)).statusCode).toBe(404);
    expect((await admin('GET', `/api/customers/not-a-uuid/events`)).statusCode).toBe(400);
    const picker = await makeApiKey(t.database.db, team.tenant.id, 'picker');
    for (const url of [`/api/customers/${acme.id}/events`, `/api/people/${newId()}/events`]) {
      const refused = await t.app.inject({
        method: 'GET',
        url,
        headers: { authorization: `Bearer ${picker}` },
      });
      expect(refused.statusCode, url).toBe(403);
    }
  });

  it("shows a CRM contact's events through the persons linked to it", async () => {
    const { tenant, rep1, rep2, acme } = team;
    const db = t.database.db;
    const made = await rep1('POST', '/api/people', {
      name: '李雷',
      accounts: [{ customerId: acme.id, role: 'decision_maker' }],
    });
    expect(made.statusCode).toBe(201);
    const contactId = made.json<{ id: string }>().id;
    const linked = await seedPerson(db, tenant.id, { crmPersonId: contactId });
    // Linked through a person since merged away: the survivor's events count too.
    const oldLinked = await seedPerson(db, tenant.id, { crmPersonId: contactId, mergedInto: linked });
    const [a, b] = await seedEvents(db, tenant.id, [
      { personId: oldLinked, timestamp: '2026-11-10T08:00:00Z' },
      { personId: linked, timestamp: '2026-11-11T08:00:00Z', type: 'identify', event: null },
    ]);
    const response = await rep1('GET', `/api/people/${contactId}/events`);
    expect(response.statusCode).toBe(200);
    expect(idsOf(response)).toEqual([b, a]);
    expect(idsOf(await rep1('GET', `/api/people/${contactId}/events?type=identify`))).toEqual([b]);
    expect((await rep2('GET', `/api/people/${contactId}/events`)).statusCode).toBe(404);
    expect((await rep1('GET', `/api/people/${newId()}/events`)).statusCode).toBe(404);
    const lonely = await rep1('POST', '/api/people', { name: 'No events' });
    const empty = await rep1('GET', `/api/people/${lonely.json<{ id: string }>().id}/events`);
    expect(empty.json<TouchpointPage>()).toEqual({ items: [], nextCursor: null });
  });
});

describe('the timeline of events sent through the Segment API', () => {
  it('shows what /v1/batch stored, under every id the person is known by', async () => {
    const { admin, acme } = team;
    const source = await admin('POST', '/api/sources', { name: `Site ${newId()}`, kind: 'web' });
    expect(source.statusCode).toBe(201);
    const writeKey = source.json<{ writeKey: string }>().writeKey;
    const [userId, anonymousId] = [`u-${newId()}`, `anon-${newId()}`];
    const batch = [
      { type: 'page', anonymousId, name: 'Pricing', timestamp: '2026-10-30T10:00:00Z' },
      {
        type: 'identify',
        anonymousId,
        userId,
        traits: { email: `Zed.${userId}@Example.com` },
        timestamp: '2026-10-31T10:00:00Z',
      },
      {
        type: 'track',
        userId,
        event: 'Signed Up',
        properties: { plan: 'pro' },
        timestamp: '2026-11-01T10:00:00Z',
      },
      { type: 'group', userId, groupId: acme.externalId, timestamp: '2026-11-02T10:00:00Z' },
    ];
    const sent = await t.app.inject({
      method: 'POST',
      url: '/v1/batch',
      headers: { authorization: `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}` },
      payload: { batch },
    });
    expect(sent.statusCode, sent.body).toBe(200);
    for (const ref of [userId, anonymousId, `zed.${userId}@example.com`]) {
      const page = (await admin('GET', `/api/persons/${ref}/events`)).json<TouchpointPage>();
      expect(
        page.items.map((i) => [i.type, i.event]),
        ref,
      ).toEqual([
        ['group', null],
        ['track', 'Signed Up'],
        ['identify', null],
        ['page', 'Pricing'],
      ]);
      expect(new Set(page.items.map((i) => i.personId)).size, ref).toBe(1);
      expect(page.items[1]!.properties).toEqual({ plan: 'pro' });
    }
    const account = (
      await admin('GET', `/api/customers/${acme.id}/events?type=group`)
    ).json<TouchpointPage>();
    expect(account.items.map((i) => i.userId)).toContain(userId);
  });
});
