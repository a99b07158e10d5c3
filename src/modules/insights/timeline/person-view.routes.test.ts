import { beforeAll, describe, expect, it } from 'vitest';
import { makeApiKey, makeTenant } from '../../../../test/helpers/factories.js';
import { useTestApp } from '../../../../test/helpers/server.js';
import { newId } from '../../../platform/ids.js';
import { linkAccount, seedPerson, seedTraitChange } from './timeline-seed.test-helper.js';
import type { Person, PersonPage, TraitChangeList } from './timeline.contract.js';

const t = useTestApp();

type Problem = { code: string; errors?: { path: string }[] };

/** A tenant with Ann (Mia merged into her), Anna, Bert and Cy, seen on different days. */
async function persons() {
  const { tenant } = await makeTenant(t.database.db);
  const db = t.database.db;
  const [acme, globex] = [newId(), newId()];
  const ann = await seedPerson(db, tenant.id, {
    userId: 'u-ann',
    anonymousIds: ['anon-ann'],
    emails: ['ann@example.com'],
    traits: { name: 'Ann Lee', email: 'Ann@Example.com', plan: 'pro' },
    crmPersonId: newId(),
    lastSeenAt: '2026-11-20T00:00:00Z',
  });
  const mia = await seedPerson(db, tenant.id, {
    anonymousIds: ['anon-mia_1'],
    mergedInto: ann,
    traits: { name: 'Mia' },
    lastSeenAt: '2026-11-25T00:00:00Z',
  });
  const anna = await seedPerson(db, tenant.id, {
    userId: 'u-anna',
    traits: { name: 'Anna' },
    lastSeenAt: '2026-11-19T00:00:00Z',
  });
  const bert = await seedPerson(db, tenant.id, {
    anonymousIds: ['anon-bert'],
    traits: { email: 'bert@globex.test' },
    lastSeenAt: '2026-11-19T00:00:00Z',
  });
  const cy = await seedPerson(db, tenant.id, { lastSeenAt: '2026-11-01T00:00:00Z' });
  await linkAccount(db, tenant.id, ann, acme, 'acme');
  await linkAccount(db, tenant.id, mia, acme, null);
  await linkAccount(db, tenant.id, mia, globex, 'globex');
  await seedTraitChange(db, tenant.id, ann, {
    trait: 'plan',
    oldValue: 'free',
    newValue: 'pro',
    changedAt: '2026-11-20T00:00:00Z',
  });
  await seedTraitChange(db, tenant.id, mia, {
    trait: 'name',
    oldValue: null,
    newValue: 'Mia',
    changedAt: '2026-11-03T00:00:00Z',
  });
  await seedTraitChange(db, tenant.id, ann, {
    trait: 'tags',
    oldValue: ['a'],
    newValue: { vip: true },
    changedAt: '2026-11-10T00:00:00Z',
  });
  const key = await makeApiKey(db, tenant.id, 'marketer');
  const call = (url: string) =>
    t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${key}` } });
  return { tenant, ann, mia, anna, bert, cy, acme, globex, call };
}

let world: Awaited<ReturnType<typeof persons>>;
beforeAll(async () => {
  world = await persons();
});

describe('persons over HTTP', () => {
  it('shows a person with its ids, accounts and merged persons, however it is named', async () => {
    const { ann, mia, acme, globex, call } = world;
    for (const ref of [ann, mia, 'u-ann', 'anon-mia_1', 'ANN@example.com']) {
      const response = await call(`/api/persons/${encodeURIComponent(ref)}`);
      expect(response.statusCode, ref).toBe(200);
      expect(response.json<Person>(), ref).toEqual({
        id: ann,
        userId: 'u-ann',
        traits: { name: 'Ann Lee', email: 'Ann@Example.com', plan: 'pro' },
        crmPersonId: expect.any(String),
        identities: [
          { kind: 'anonymous_id', value: 'anon-ann' },
          { kind: 'anonymous_id', value: 'anon-mia_1' },
          { kind: 'email', value: 'ann@example.com' },
          { kind: 'user_id', value: 'u-ann' },
        ],
        accounts: [
          { customerId: acme, groupId: 'acme' },
          { customerId: globex, groupId: 'globex' },
        ],
        mergedPersonIds: [mia],
        firstSeenAt: '2026-11-01T00:00:00.000Z',
        lastSeenAt: '2026-11-20T00:00:00.000Z',
      });
    }
    const unknown = await call(`/api/persons/${newId()}`);
    expect([unknown.statusCode, unknown.json<Problem>().code]).toEqual([404, 'insights.person.not_found']);
  });

  it('lists persons last seen first, merged ones left out, page by page', async () => {
    const { ann, anna, bert, cy, call } = world;
    const all = (await call('/api/persons')).json<PersonPage>();
    expect(all.items.map((p) => p.id)).toEqual([ann, ...[anna, bert].sort().reverse(), cy]);
    expect(all.nextCursor).toBeNull();
    expect(all.items[0]!.accounts).toHaveLength(2);
    const seen: string[] = [];
    let after = '';
    for (let page = 0; page < 10; page++) {
      const response = (await call(`/api/persons?limit=1${after}`)).json<PersonPage>();
      seen.push(...response.items.map((p) => p.id));
      if (!response.nextCursor) break;
      after = `&after=${response.nextCursor}`;
    }
    expect(seen).toEqual(all.items.map((p) => p.id));
  });

  it('searches by the prefix of a userId, any id, the name or the email', async () => {
    const { ann, anna, bert, call } = world;
    const search = async (q: string) =>
      (await call(`/api/persons?q=${encodeURIComponent(q)}`)).json<PersonPage>().items.map((p) => p.id);
    expect(await search('u-ann')).toEqual([ann, anna]);
    expect(await search('u-anna')).toEqual([anna]);
    expect(await search('ANN L')).toEqual([ann]);
    expect(await search('anon-mia_')).toEqual([ann]);
    expect(await search('bert@')).toEqual([bert]);
    expect(await search('anon-b')).toEqual([bert]);
    // Wildcards are literal, and a prefix must be a prefix.
    expect(await search('anon-%')).toEqual([]);
    expect(await search('anon-mia%')).toEqual([]);
    expect(await search('nn')).toEqual([]);
  });

  it("lists a person's trait changes newest first, merged persons' included", async () => {
    const { call } = world;
    const response = await call('/api/persons/u-ann/trait-changes');
    expect(response.json<TraitChangeList>().items).toEqual([
      expect.objectContaining({
        trait: 'plan',
        oldValue: 'free',
        newValue: 'pro',
        changedAt: '2026-11-20T00:00:00.000Z',
      }),
      expect.objectContaining({ trait: 'tags', oldValue: ['a'], newValue: { vip: true } }),
      expect.objectContaining({
        trait: 'name',
        oldValue: null,
        newValue: 'Mia',
        messageId: expect.any(String),
      }),
    ]);
    expect((await call('/api/persons/u-nobody/trait-changes')).statusCode).toBe(404);
  });

  it("keeps one tenant's persons from another", async () => {
    const { ann } = world;
    const other = await makeTenant(t.database.db);
    const key = await makeApiKey(t.database.db, other.tenant.id, 'admin');
    const as = (url: string) =>
      t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${key}` } });
    for (const url of [`/api/persons/${ann}`, '/api/persons/u-ann', `/api/persons/${ann}/trait-changes`]) {
      expect((await as(url)).statusCode, url).toBe(404);
    }
    expect((await as('/api/persons')).json<PersonPage>().items).toEqual([]);
    expect((await as('/api/persons?q=u-ann')).json<PersonPage>().items).toEqual([]);
  });

  it('validates the list query', async () => {
    const { call } = world;
    for (const query of ['limit=0', 'limit=501', 'after=zzz']) {
      expect((await call(`/api/persons?${query}`)).statusCode, query).toBe(400);
    }
  });
});
