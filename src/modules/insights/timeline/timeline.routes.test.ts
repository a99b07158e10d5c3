import { beforeAll, describe, expect, it } from 'vitest';
import { makeApiKey, makeTenant } from '../../../../test/helpers/factories.js';
import { useTestApp } from '../../../../test/helpers/server.js';
import { newId } from '../../../platform/ids.js';
import { ensureTestPartition, seedEvents, seedPerson, type EventSeed } from './timeline-seed.test-helper.js';
import type { TouchpointPage } from './timeline.contract.js';

const t = useTestApp();

type Problem = { code: string; errors?: { path: string }[] };
type Call = (url: string) => Promise<{ statusCode: number; json<T>(): T }>;

/** A tenant with Alice (two persons merged into her, one through the other), Bob, and their events. */
async function aliceAndBob() {
  const { tenant } = await makeTenant(t.database.db);
  const db = t.database.db;
  await ensureTestPartition(db);
  const alice = await seedPerson(db, tenant.id, {
    userId: 'u-alice',
    anonymousIds: ['anon-a1'],
    emails: ['alice@example.com'],
  });
  const merged = await seedPerson(db, tenant.id, { anonymousIds: ['anon-m1'], mergedInto: alice });
  const mergedTwice = await seedPerson(db, tenant.id, { anonymousIds: ['anon-m2'], mergedInto: merged });
  const bob = await seedPerson(db, tenant.id, { userId: 'u-bob' });
  // Ties on purpose: five events share one instant, two differ by a microsecond.
  const seeds: EventSeed[] = [
    ...Array.from({ length: 20 }, (_, i) => ({
      personId: alice,
      event: i % 2 ? 'Viewed' : 'Signed Up',
      type: i % 5 === 0 ? 'page' : 'track',
      channel: i % 4 === 0 ? 'app' : 'web',
      timestamp: `2026-11-0${1 + (i % 9)}T08:00:00Z`,
    })),
    ...Array.from({ length: 5 }, () => ({ personId: merged, timestamp: '2026-11-05T09:00:00Z' })),
    { personId: merged, timestamp: '2026-11-05T09:00:00.000001Z' },
    { personId: mergedTwice, timestamp: '2026-11-05T09:00:00.000002Z', channel: 'offline' },
    { personId: mergedTwice, timestamp: '2026-11-30T23:59:59.999999Z' },
  ];
  const ids = await seedEvents(db, tenant.id, seeds);
  const bobs = Array.from({ length: 60 }, (_, i) => ({
    personId: bob,
    timestamp: `2026-11-05T09:${pad(i)}:00Z`,
  }));
  await seedEvents(db, tenant.id, bobs);
  const expected = seeds
    .map((seed, i) => ({ id: ids[i]!, ...seed }))
    .sort((a, b) => compare(micros(b.timestamp), micros(a.timestamp)) || compare(b.id, a.id));
  const key = await makeApiKey(db, tenant.id, 'admin');
  const call: Call = (url) =>
    t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${key}` } });
  return { tenant, alice, merged, mergedTwice, bob, expected, call };
}

const pad = (n: number) => String(n).padStart(2, '0');
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** An ISO time to the microsecond, so that text order is time order. */
const micros = (iso: string) => (iso.includes('.') ? iso : iso.replace('Z', '.000000Z'));

let world: Awaited<ReturnType<typeof aliceAndBob>>;
beforeAll(async () => {
  world = await aliceAndBob();
});

const idsOf = (page: TouchpointPage) => page.items.map((item) => item.id);

/** Every page of a timeline, `limit` at a time, following nextCursor. */
async function allPages(call: Call, url: string, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const sep = url.includes('?') ? '&' : '?';
    const response = await call(`${url}${sep}limit=${limit}${after ? `&after=${after}` : ''}`);
    expect(response.statusCode).toBe(200);
    const page = response.json<TouchpointPage>();
    expect(page.items.length).toBeLessThanOrEqual(limit);
    ids.push(...idsOf(page));
    after = page.nextCursor;
    if (after === null) return ids;
  }
  throw new Error('the cursor never ended');
}

describe('a person timeline over HTTP', () => {
  it('names the person by id, userId, anonymousId or email, merged persons included', async () => {
    const { alice, merged, mergedTwice, expected, call } = world;
    const all = expected.map((e) => e.id);
    for (const ref of [alice, 'u-alice', 'anon-a1', 'ALICE@Example.com', merged, mergedTwice, 'anon-m2']) {
      const response = await call(`/api/persons/${encodeURIComponent(ref)}/events?limit=500`);
      expect(response.statusCode, ref).toBe(200);
      expect(idsOf(response.json<TouchpointPage>()), ref).toEqual(all);
    }
  });

  it('answers each touchpoint in the contract shape, newest first', async () => {
    const { alice, mergedTwice, call } = world;
    const page = (await call(`/api/persons/u-alice/events?limit=2`)).json<TouchpointPage>();
    expect(page.items[0]).toMatchObject({
      type: 'track',
      event: 'Viewed',
      channel: 'web',
      timestamp: '2026-11-30T23:59:59.999Z',
      receivedAt: '2026-11-30T23:59:59.999Z',
      properties: {},
      traits: null,
      personId: mergedTwice,
      customerId: null,
    });
    expect(page.items[0]!.messageId).toBe(`m-${page.items[0]!.id}`);
    expect(page.items[1]!.personId).toBe(alice);
    expect(page.nextCursor).toEqual(expect.any(String));
  });

  it('filters by event name, type and channel', async () => {
    const { expected, call } = world;
    const cases: [string, (e: (typeof expected)[number]) => boolean][] = [
      ['event=Signed%20Up', (e) => e.event === 'Signed Up'],
      ['type=page', (e) => e.type === 'page'],
      ['channel=app', (e) => e.channel === 'app'],
      ['channel=offline', (e) => e.channel === 'offline'],
      [
        'event=Viewed&type=track&channel=web',
        (e) => e.event !== 'Signed Up' && e.type !== 'page' && e.channel !== 'app' && e.channel !== 'offline',
      ],
      ['event=Nothing', () => false],
    ];
    for (const [query, keep] of cases) {
      const page = (await call(`/api/persons/u-alice/events?${query}&limit=500`)).json<TouchpointPage>();
      const want = expected.filter(keep).map((e) => e.id);
      expect(idsOf(page), query).toEqual(want);
      if (query !== 'event=Nothing') expect(want.length, query).toBeGreaterThan(0);
    }
  });

  it('pages through ties and microseconds without gaps or duplicates', async () => {
    const { expected, call } = world;
    for (const limit of [1, 2, 3, 7, 28]) {
      expect(await allPages(call, '/api/persons/u-alice/events', limit), `limit ${limit}`).toEqual(
        expected.map((e) => e.id),
      );
    }
    expect(await allPages(call, '/api/persons/u-alice/events?channel=web', 4)).toEqual(
      expected.filter((e) => (e.channel ?? 'web') === 'web').map((e) => e.id),
    );
  });

  it('answers 50 by default and takes 1 to 500', async () => {
    const { call } = world;
    const byDefault = (await call('/api/persons/u-bob/events')).json<TouchpointPage>();
    expect([byDefault.items.length, typeof byDefault.nextCursor]).toEqual([50, 'string']);
    expect((await call('/api/persons/u-bob/events?limit=500')).json<TouchpointPage>().items).toHaveLength(60);
    expect((await call('/api/persons/u-bob/events?limit=1')).json<TouchpointPage>().items).toHaveLength(1);
    for (const limit of ['0', '501', '-1', '1.5', 'x']) {
      const response = await call(`/api/persons/u-alice/events?limit=${limit}`);
      expect(response.statusCode, limit).toBe(400);
      expect(
        response.json<Problem>().errors?.map((e) => e.path),
        limit,
      ).toEqual(['limit']);
    }
    expect((await call('/api/persons/u-alice/events?limit=500')).statusCode).toBe(200);
    expect((await call('/api/persons/u-alice/events?type=fax')).statusCode).toBe(400);
  });

  it('refuses a cursor it did not hand out', async () => {
    const { call } = world;
    const forged = Buffer.from(JSON.stringify(['2026-11-05T09:00:00Z', newId()])).toString('base64url');
    for (const after of ['nonsense', forged, Buffer.from('[1,2]').toString('base64url')]) {
      const response = await call(`/api/persons/u-alice/events?after=${after}`);
      expect(response.statusCode, after).toBe(400);
      expect(response.json<Problem>()).toMatchObject({
        code: 'insights.timeline.cursor_invalid',
        errors: [{ path: 'after' }],
      });
    }
  });

  it('answers 404 for an unknown person, and for another tenant', async () => {
    const { alice, call } = world;
    for (const ref of [newId(), 'nobody', 'u-alic', 'bob@example.com']) {
      const response = await call(`/api/persons/${ref}/events`);
      expect(response.statusCode, ref).toBe(404);
      expect(response.json<Problem>().code).toBe('insights.person.not_found');
    }
    const other = await makeTenant(t.database.db);
    const key = await makeApiKey(t.database.db, other.tenant.id, 'admin');
    for (const ref of [alice, 'u-alice', 'anon-a1', 'alice@example.com']) {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/persons/${ref}/events`,
        headers: { authorization: `Bearer ${key}` },
      });
      expect(response.statusCode, ref).toBe(404);
    }
  });

  it('keeps each person to its own events', async () => {
    const { bob, call } = world;
    const page = (await call('/api/persons/u-bob/events?limit=500')).json<TouchpointPage>();
    expect(new Set(page.items.map((i) => i.personId))).toEqual(new Set([bob]));
    expect(page.items).toHaveLength(60);
  });

  it('needs touchpoints.read', async () => {
    const { tenant, call } = world;
    const picker = await makeApiKey(t.database.db, tenant.id, 'picker');
    const service = await makeApiKey(t.database.db, tenant.id, 'service_agent');
    for (const url of ['/api/persons/u-alice/events', '/api/persons/u-alice', '/api/persons']) {
      const as = (key: string) =>
        t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${key}` } });
      const refused = await as(picker);
      expect(refused.statusCode, url).toBe(403);
      expect(refused.json<Problem>().code).toBe('auth.forbidden');
      expect((await as(service)).statusCode, url).toBe(200);
    }
    expect((await call('/api/persons/u-alice/events')).statusCode).toBe(200);
  });
});
