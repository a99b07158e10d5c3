import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeApiKey, makeTenant } from './helpers/factories.js';
import { useTestApp } from './helpers/server.js';

// Personal-information requests end to end, over HTTP only: touchpoints through the Segment API,
// CRM contacts and follow-ups through the CRM API, then export and erase (issue 15).

const t = useTestApp();

type Json = Record<string, unknown>;

async function world() {
  const { tenant } = await makeTenant(t.database.db);
  const [adminKey, repKey] = [
    await makeApiKey(t.database.db, tenant.id, 'admin'),
    await makeApiKey(t.database.db, tenant.id, 'sales_rep'),
  ];
  const api = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, key = adminKey) => {
    const reply = await t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${key}` },
      ...(payload ? { payload } : {}),
    });
    return reply;
  };
  const ok = async <T = Json>(method: 'GET' | 'POST' | 'PUT', url: string, payload?: object): Promise<T> => {
    const reply = await api(method, url, payload);
    expect(reply.statusCode, `${method} ${url}: ${reply.body}`).toBeLessThan(300);
    return reply.json<T>();
  };
  const source = await ok<{ writeKey: string }>('POST', '/api/sources', { name: 'Web', kind: 'web' });
  const send = async (batch: object[]) => {
    const reply = await t.app.inject({
      method: 'POST',
      url: '/v1/batch',
      headers: { authorization: `Basic ${Buffer.from(`${source.writeKey}:`).toString('base64')}` },
      payload: { batch },
    });
    expect(reply.statusCode, reply.body).toBe(200);
  };
  const acme = await ok<{ id: string }>('POST', '/api/customers', {
    kind: 'business',
    name: 'Acme Trading',
    allowDuplicate: true,
  });
  const contact = (name: string, email: string) =>
    ok<{ id: string }>('POST', '/api/people', {
      name,
      email,
      phone: email.startsWith('ann') ? '13800138000' : '13900139000',
      accounts: [{ customerId: acme.id, role: 'decision_maker' }],
    });
  const [ann, bob] = [
    await contact('Ann Lee', 'ann@example.com'),
    await contact('Bob Ma', 'bob@example.com'),
  ];
  await ok('POST', `/api/customers/${acme.id}/follow-ups`, {
    channel: 'call',
    note: 'Ann wants a demo',
    personId: ann.id,
  });
  await ok('POST', `/api/customers/${acme.id}/follow-ups`, {
    channel: 'visit',
    note: 'Bob asked for prices',
    personId: bob.id,
  });
  await send([
    {
      type: 'identify',
      userId: 'u-ann',
      anonymousId: 'a-ann',
      messageId: 'm1',
      traits: { email: 'ann@example.com', name: 'Ann Lee' },
    },
    {
      type: 'track',
      userId: 'u-ann',
      event: 'Order Completed',
      messageId: 'm2',
      properties: { revenue: 120, address: 'Ann Street 1' },
    },
    {
      type: 'identify',
      userId: 'u-bob',
      messageId: 'm3',
      traits: { email: 'bob@example.com', name: 'Bob Ma' },
    },
    { type: 'track', userId: 'u-bob', event: 'Viewed', messageId: 'm4' },
  ]);
  const count = async (query: ReturnType<typeof sql>) =>
    Number((await t.database.db.execute<{ n: string }>(query)).rows[0]!.n);
  const events = () => count(sql`select count(*) as n from events where tenant_id = ${tenant.id}`);
  return { tenant, api, ok, send, ann, bob, acme, repKey, events, count };
}

let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  w = await world();
});

describe('person export', () => {
  it("holds the person's profile, identities, events and CRM records, and nothing of another person", async () => {
    const reply = await w.api('GET', '/api/persons/u-ann/export');
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.headers['content-disposition']).toMatch(/^attachment; filename="person-[0-9a-f-]+\.json"$/);
    const file = reply.json<
      Json & {
        events: Json[];
        identities: Json[];
        crm: { contact: Json; followUps: Json[]; committeeSeats: Json[] }[];
      }
    >();
    expect(file['format']).toBe('kehu.person-export.v1');
    expect(file.events.map((e) => e['messageId'])).toEqual(['m1', 'm2']);
    expect(file.identities.map((i) => `${String(i['kind'])}:${String(i['value'])}`)).toEqual(
      expect.arrayContaining(['user_id:u-ann', 'anonymous_id:a-ann']),
    );
    expect(file.crm).toHaveLength(1);
    expect(file.crm[0]!.contact).toMatchObject({ id: w.ann.id, name: 'Ann Lee', email: 'ann@example.com' });
    expect(file.crm[0]!.committeeSeats).toEqual([
      expect.objectContaining({ customerId: w.acme.id, role: 'decision_maker' }),
    ]);
    expect(file.crm[0]!.followUps.map((f) => f['note'])).toEqual(['Ann wants a demo']);
    for (const other of ['u-bob', 'Bob', 'bob@example.com', w.bob.id, 'm3', 'm4', 'prices']) {
      expect(reply.body, other).not.toContain(other);
    }
  });

  it('answers the same subject for the CRM contact id, 404 for nobody, 403 without privacy.manage', async () => {
    const byPerson = (await w.ok<{ subject: Json }>('GET', '/api/persons/ann@example.com/export')).subject;
    const byContact = (await w.ok<{ subject: Json }>('GET', `/api/persons/${w.ann.id}/export`)).subject;
    expect(byContact['personIds']).toEqual(byPerson['personIds']);
    expect(byContact['crmPersonIds']).toEqual([w.ann.id]);
    const nobody = await w.api('GET', '/api/persons/u-nobody/export');
    expect(nobody.statusCode).toBe(404);
    expect(nobody.json()).toMatchObject({ code: 'insights.privacy.subject_not_found' });
    const rep = await w.api('GET', '/api/persons/u-ann/export', undefined, w.repKey);
    expect(rep.statusCode).toBe(403);
    expect((await w.api('POST', '/api/persons/u-ann/erase', undefined, w.repKey)).statusCode).toBe(403);
    expect((await w.api('GET', '/api/suppressions', undefined, w.repKey)).statusCode).toBe(403);
  });
});

describe('consents', () => {
  it('records grants and withdrawals per purpose with source and time; the newest is in force and exported', async () => {
    const url = `/api/consents/${w.ann.id}`;
    const none = await w.ok<{ current: Json; history: Json[] }>('GET', url);
    expect(none).toMatchObject({ current: { marketing: null, analytics: null }, history: [] });
    await w.ok('PUT', `${url}/marketing`, {
      status: 'granted',
      source: 'web-form',
      at: '2026-01-01T00:00:00Z',
    });
    await w.ok('PUT', `${url}/analytics`, {
      status: 'granted',
      source: 'web-form',
      at: '2026-01-01T00:00:00Z',
    });
    const state = await w.ok<{ current: Record<string, Json | null>; history: Json[] }>(
      'PUT',
      `${url}/marketing`,
      {
        status: 'withdrawn',
        source: 'call',
      },
    );
    expect(state.current['marketing']).toMatchObject({ status: 'withdrawn', source: 'call' });
    expect(state.current['analytics']).toMatchObject({ status: 'granted', source: 'web-form' });
    expect(state.history).toHaveLength(3);
    const bad = await w.api('PUT', `${url}/sales`, { status: 'granted', source: 'x' });
    expect(bad.statusCode).toBe(400);
    const noSource = await w.api('PUT', `${url}/marketing`, { status: 'granted' });
    expect(noSource.statusCode).toBe(400);
    expect((await w.api('GET', url, undefined, w.repKey)).statusCode).toBe(403);
    const file = await w.ok<{ consents: Json[] }>('GET', '/api/persons/u-ann/export');
    expect(file.consents.map((c) => `${String(c['purpose'])}:${String(c['status'])}`)).toEqual([
      'marketing:granted',
      'analytics:granted',
      'marketing:withdrawn',
    ]);
    const bob = await w.ok<{ consents: Json[] }>('GET', '/api/persons/u-bob/export');
    expect(bob.consents).toEqual([]);
  });
});

describe('person erase', () => {
  it('erases personal fields, keeps anonymised events, suppresses the identities and drops re-sent events', async () => {
    const before = await w.events();
    const erased = await w.ok<Json>('POST', `/api/persons/u-ann/erase`);
    expect(erased).toMatchObject({ eventsAnonymised: 2, contactsErased: 1 });
    expect(erased['identitiesSuppressed']).toBeGreaterThanOrEqual(3); // user id, anonymous id, email
    expect(await w.events()).toBe(before);
    // The person is no longer known by its ids; by its person id it is an anonymised shell.
    expect((await w.api('GET', '/api/persons/u-ann')).statusCode).toBe(404);
    const personId = (erased['subject'] as { personIds: string[] }).personIds[0]!;
    const file = await w.ok<{
      persons: Json[];
      events: Json[];
      identities: Json[];
      crm: { contact: Json }[];
    }>('GET', `/api/persons/${personId}/export`);
    expect(file.identities).toEqual([]);
    expect(file.persons[0]).toMatchObject({ traits: {}, userId: null, emailKey: null });
    expect(
      file.events.map((e) => [
        e['type'],
        e['event'],
        e['userId'],
        e['anonymousId'],
        e['traits'],
        e['properties'],
      ]),
    ).toEqual([
      ['identify', null, null, null, null, {}],
      ['track', 'Order Completed', null, null, null, { revenue: 120 }],
    ]);
    expect(file.crm[0]!.contact).toMatchObject({
      name: '(erased)',
      email: null,
      phone: null,
      emailKey: null,
    });
    // Re-sent touchpoints of the erased identities are dropped and counted; others still arrive.
    await w.send([
      { type: 'track', userId: 'u-ann', event: 'Viewed', messageId: 'm5' },
      { type: 'page', anonymousId: 'a-ann', name: 'Home', messageId: 'm6' },
      { type: 'identify', userId: 'u-new', messageId: 'm7', traits: { email: 'ANN@example.com' } },
      { type: 'track', userId: 'u-bob', event: 'Viewed', messageId: 'm8' },
    ]);
    expect(await w.events()).toBe(before + 1);
    const list = await w.ok<{ items: Json[]; droppedTotal: number }>('GET', '/api/suppressions');
    expect(list.droppedTotal).toBe(3);
    expect(JSON.stringify(list)).not.toContain('u-ann');
    expect(list.items.every((item) => /^[0-9a-f]{64}$/.test(String(item['valueHash'])))).toBe(true);
    // Bob is untouched.
    const bob = await w.ok<{ events: Json[]; crm: { contact: Json }[] }>('GET', '/api/persons/u-bob/export');
    expect(bob.events.map((e) => e['messageId'])).toEqual(['m3', 'm4', 'm8']);
    expect(bob.crm[0]!.contact).toMatchObject({ name: 'Bob Ma', email: 'bob@example.com' });
  });

  it('records an audit entry for each export and erase', async () => {
    const log = await w.ok<{ items: { action: string }[] }>('GET', '/api/audit-log?limit=100');
    const actions = log.items.map((item) => item.action);
    expect(actions.filter((a) => a === 'privacy.person_erased')).toHaveLength(1);
    expect(actions.filter((a) => a === 'privacy.consent_withdrawn')).toHaveLength(1);
    expect(actions.filter((a) => a === 'privacy.person_exported').length).toBeGreaterThanOrEqual(4);
  });
});

describe('tenant export over HTTP', () => {
  it("answers every table of the caller's tenant with a manifest of row counts; admins only", async () => {
    const reply = await w.api('POST', '/api/tenant/export');
    expect(reply.statusCode, reply.body).toBe(200);
    const doc = reply.json<{
      manifest: { tenantId: string; tables: Record<string, { rows: number }> };
      tables: Record<string, Json[]>;
    }>();
    expect(doc.manifest.tenantId).toBe(w.tenant.id);
    expect(doc.tables['tenants']!.map((row) => row['id'])).toEqual([w.tenant.id]);
    expect(doc.manifest.tables['events']!.rows).toBe(await w.events());
    for (const [table, rows] of Object.entries(doc.tables)) {
      expect(rows.length, table).toBe(doc.manifest.tables[table]!.rows);
      if (table !== 'tenants' && table !== 'users')
        expect(
          rows.every((row) => row['tenant_id'] === w.tenant.id),
          table,
        ).toBe(true);
    }
    expect((await w.api('POST', '/api/tenant/export', undefined, w.repKey)).statusCode).toBe(403);
  });
});
