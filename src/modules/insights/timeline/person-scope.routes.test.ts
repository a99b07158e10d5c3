import { beforeAll, describe, expect, it } from 'vitest';
import { makeTenant, makeUser, TEST_PASSWORD } from '../../../../test/helpers/factories.js';
import { signInCookie, useTestApp } from '../../../../test/helpers/server.js';
import { newId } from '../../../platform/ids.js';
import { linkAccount, seedPerson } from './timeline-seed.test-helper.js';
import type { PersonPage } from './timeline.contract.js';

const t = useTestApp();

type Response = Awaited<ReturnType<typeof t.app.inject>>;
type Caller = (method: 'GET' | 'POST', url: string, payload?: object) => Promise<Response>;

/**
 * Two reps, each owning one account, and persons: one acting for each account (through a `group`
 * link or as the account's CRM contact), one merged into rep 2's, one pooled, one linked to nothing.
 */
async function scopedPersons() {
  const { tenant, admin } = await makeTenant(t.database.db);
  const db = t.database.db;
  const callerOf = async (email: string): Promise<Caller> => {
    const cookie = await signInCookie(t.app, email, TEST_PASSWORD);
    return (method, url, payload) =>
      t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  };
  const rep1 = await callerOf((await makeUser(db, tenant, 'sales_rep')).email);
  const rep2 = await callerOf((await makeUser(db, tenant, 'sales_rep')).email);
  const customerOf = async (call: Caller, name: string) =>
    (await call('POST', '/api/customers', { kind: 'business', name })).json<{ id: string }>().id;
  const acme = await customerOf(rep1, `Acme ${newId()}`);
  const globex = await customerOf(rep2, `Globex ${newId()}`);
  const contact = await rep2('POST', '/api/people', {
    name: 'Gia',
    accounts: [{ customerId: globex, role: 'user' }],
  });
  const gia = contact.json<{ id: string }>().id;
  const seen = (day: number) => `2026-11-${String(day).padStart(2, '0')}T00:00:00Z`;
  const acmeBuyer = await seedPerson(db, tenant.id, { userId: 'u-acme', lastSeenAt: seen(10) });
  const globexBuyer = await seedPerson(db, tenant.id, { userId: 'u-globex', lastSeenAt: seen(9) });
  const giaPerson = await seedPerson(db, tenant.id, {
    userId: 'u-gia',
    traits: { email: 'gia@globex.test' },
    crmPersonId: gia,
    lastSeenAt: seen(8),
  });
  const stranger = await seedPerson(db, tenant.id, { anonymousIds: ['anon-x'], lastSeenAt: seen(7) });
  const mergedAway = await seedPerson(db, tenant.id, {
    anonymousIds: ['anon-merged'],
    mergedInto: giaPerson,
    lastSeenAt: seen(6),
  });
  await linkAccount(db, tenant.id, acmeBuyer, acme, 'acme');
  await linkAccount(db, tenant.id, globexBuyer, globex, 'globex');
  return {
    admin: await callerOf(admin.email),
    rep1,
    rep2,
    acmeBuyer,
    globexBuyer,
    giaPerson,
    stranger,
    mergedAway,
  };
}

let world: Awaited<ReturnType<typeof scopedPersons>>;
beforeAll(async () => {
  world = await scopedPersons();
});

/** Every person id of the list, walking pages of `limit`. */
async function listAll(call: Caller, query = ''): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 20; page++) {
    const cursor: string = after ? `&after=${encodeURIComponent(after)}` : '';
    const response = await call('GET', `/api/persons?limit=1${query}${cursor}`);
    expect(response.statusCode).toBe(200);
    const body = response.json<PersonPage>();
    expect(body.items.length).toBeLessThanOrEqual(1);
    ids.push(...body.items.map((item) => item.id));
    after = body.nextCursor;
    if (!after) break;
  }
  return ids;
}

const routesOf = (ref: string) => [
  `/api/persons/${encodeURIComponent(ref)}`,
  `/api/persons/${encodeURIComponent(ref)}/events`,
  `/api/persons/${encodeURIComponent(ref)}/trait-changes`,
];

describe('persons within the CRM scope', () => {
  it('answers 404 on every person route for a person acting for an account the actor cannot see', async () => {
    const { rep1, globexBuyer, giaPerson, mergedAway } = world;
    for (const ref of [globexBuyer, 'u-globex', giaPerson, 'u-gia', mergedAway, 'anon-merged']) {
      for (const url of routesOf(ref)) {
        const response = await rep1('GET', url);
        expect(response.statusCode, url).toBe(404);
        expect(response.json<{ code: string }>().code, url).toBe('insights.person.not_found');
      }
    }
  });

  it('shows the persons of visible accounts and those linked to none', async () => {
    const { rep1, rep2, acmeBuyer, globexBuyer, giaPerson, stranger, mergedAway } = world;
    for (const ref of [acmeBuyer, 'u-acme', stranger, 'anon-x']) {
      for (const url of routesOf(ref)) expect((await rep1('GET', url)).statusCode, url).toBe(200);
    }
    for (const ref of [globexBuyer, giaPerson, mergedAway, stranger]) {
      for (const url of routesOf(ref)) expect((await rep2('GET', url)).statusCode, url).toBe(200);
    }
    expect((await rep2('GET', `/api/persons/${acmeBuyer}`)).statusCode).toBe(404);
  });

  it('leaves hidden persons out of the list and search, with exact paging', async () => {
    const { admin, rep1, rep2, acmeBuyer, globexBuyer, giaPerson, stranger } = world;
    expect(await listAll(rep1)).toEqual([acmeBuyer, stranger]);
    expect(await listAll(rep2)).toEqual([globexBuyer, giaPerson, stranger]);
    expect(await listAll(admin)).toEqual([acmeBuyer, globexBuyer, giaPerson, stranger]);
    expect(await listAll(rep1, '&q=u-')).toEqual([acmeBuyer]);
    expect(await listAll(rep1, '&q=gia')).toEqual([]);
    expect(await listAll(rep1, '&q=anon-merged')).toEqual([]);
    expect(await listAll(rep2, '&q=anon-merged')).toEqual([giaPerson]);
  });

  it('lets scope `all` see everyone', async () => {
    const { admin, acmeBuyer, globexBuyer, giaPerson } = world;
    for (const ref of [acmeBuyer, globexBuyer, giaPerson]) {
      for (const url of routesOf(ref)) expect((await admin('GET', url)).statusCode, url).toBe(200);
    }
  });

  it('shows a person again once its account moves into the pool', async () => {
    const { rep1, rep2, globexBuyer } = world;
    const before = await rep1('GET', `/api/persons/${globexBuyer}`);
    expect(before.statusCode).toBe(404);
    const globex = (await rep2('GET', `/api/persons/${globexBuyer}`)).json<{
      accounts: { customerId: string }[];
    }>().accounts[0]!.customerId;
    const released = await rep2('POST', `/api/customers/${globex}/release`, { reason: 'test' });
    expect(released.statusCode).toBeLessThan(300);
    expect((await rep1('GET', `/api/persons/${globexBuyer}`)).statusCode).toBe(200);
  });
});
