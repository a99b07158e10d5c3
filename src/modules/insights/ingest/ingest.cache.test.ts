import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import type { Database, Db } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { listClusterMembers } from '../timeline/person-cluster.repository.js';
import { listEventsOfAccount, listEventsOfPersons } from '../timeline/timeline.repository.js';
import { ingestMessages } from './ingest.service.js';
import { fakeCrm, ingestDeps, ingestRuntimeOf, message, webSource } from './ingest.test-helper.js';

let database: Database;
let other: Database;
beforeAll(async () => {
  [database, other] = await Promise.all([createTestDatabase(), createTestDatabase()]);
});
afterAll(async () => Promise.all([database.close(), other.close()]));

const receivedAt = new Date('2026-03-02T00:00:00Z');

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return (await db.execute(query)).rows as T[];
}

const personOf = async (db: Db, tenantId: string, messageId: string) =>
  (
    await rows<{ person_id: string | null; customer_id: string | null }>(
      db,
      sql`select person_id, customer_id from events where tenant_id = ${tenantId} and message_id = ${messageId}`,
    )
  )[0];

const personCount = async (db: Db, tenantId: string) =>
  (
    await rows<{ n: number }>(db, sql`select count(*)::int as n from persons where tenant_id = ${tenantId}`)
  )[0]!.n;

describe('ingestMessages: the identity cache', () => {
  it('stores events of known ids without identity resolution, on the person resolution gave them', async () => {
    const tenantId = (await makeTenant(database.db)).tenant.id;
    const source = webSource(tenantId);
    const deps = ingestDeps(database.db);
    const first = message({ type: 'identify', userId: 'u-c1', anonymousId: 'a-c1', traits: { plan: 'pro' } });
    await ingestMessages(deps, source, [first], receivedAt);
    const person = (await personOf(database.db, tenantId, first.messageId))!.person_id!;
    // Without the cache, resolution would now make a new person for these unknown ids.
    await database.db.execute(sql`delete from person_identities where tenant_id = ${tenantId}`);
    const tracks = [
      message({ userId: 'u-c1', anonymousId: 'a-c1' }),
      message({ type: 'page', anonymousId: 'a-c1' }),
      message({ type: 'screen', userId: 'u-c1' }),
    ];
    expect(await ingestMessages(deps, source, tracks, receivedAt)).toEqual({ stored: 3, duplicates: 0 });
    for (const track of tracks)
      expect((await personOf(database.db, tenantId, track.messageId))?.person_id).toBe(person);
    expect(await personCount(database.db, tenantId)).toBe(1);
    // A retried all-cached batch is all duplicates.
    expect(await ingestMessages(deps, source, tracks, receivedAt)).toEqual({ stored: 0, duplicates: 3 });
  });

  it('resolves messages that may change their person, or whose ids disagree, as before', async () => {
    const tenantId = (await makeTenant(database.db)).tenant.id;
    const source = webSource(tenantId);
    const deps = ingestDeps(database.db);
    await ingestMessages(
      deps,
      source,
      [message({ anonymousId: 'a-c2' }), message({ userId: 'u-c2' })],
      receivedAt,
    );
    expect(await personCount(database.db, tenantId)).toBe(2);
    // Both ids cached, on two persons: the track names both, so it merges them (resolution ran).
    const both = message({ userId: 'u-c2', anonymousId: 'a-c2' });
    await ingestMessages(deps, source, [both], receivedAt);
    const merged = await rows<{ id: string; merged_into: string | null }>(
      database.db,
      sql`select id, merged_into from persons where tenant_id = ${tenantId} order by merged_into nulls first`,
    );
    expect(merged.map((row) => row.merged_into === null)).toEqual([true, false]);
    const survivor = merged[0]!.id;
    expect((await personOf(database.db, tenantId, both.messageId))?.person_id).toBe(survivor);
    // The merge this process made sends the loser's cached anonymous id to the survivor.
    const later = message({ anonymousId: 'a-c2' });
    await ingestMessages(deps, source, [later], receivedAt);
    expect((await personOf(database.db, tenantId, later.messageId))?.person_id).toBe(survivor);
  });

  it('sets the account of a person with one account from the cache', async () => {
    const tenantId = (await makeTenant(database.db)).tenant.id;
    const source = webSource(tenantId);
    const crm = fakeCrm();
    const customerId = newId();
    crm.groups.set('g-c3', customerId);
    const deps = ingestDeps(database.db, crm.link);
    await ingestMessages(
      deps,
      source,
      [message({ type: 'group', anonymousId: 'a-c3', groupId: 'g-c3' })],
      receivedAt,
    );
    await database.db.execute(sql`delete from person_identities where tenant_id = ${tenantId}`);
    const track = message({ anonymousId: 'a-c3' });
    await ingestMessages(deps, source, [track], receivedAt);
    expect((await personOf(database.db, tenantId, track.messageId))?.customer_id).toBe(customerId);
  });

  it("shows events stored on a person another process merged away under the survivor's timelines", async () => {
    const tenantId = (await makeTenant(database.db)).tenant.id;
    const source = webSource(tenantId);
    const deps = ingestDeps(database.db);
    const customerId = newId();
    await ingestMessages(
      deps,
      source,
      [message({ anonymousId: 'a-c4' }), message({ userId: 'u-c4' })],
      receivedAt,
    );
    const [loser, survivor] = (await Promise.all(
      ['a-c4', 'u-c4'].map(
        async (value) =>
          (
            await rows<{ person_id: string }>(
              database.db,
              sql`select person_id from person_identities where tenant_id = ${tenantId} and value = ${value}`,
            )
          )[0]!.person_id,
      ),
    )) as [string, string];
    // Another process merges the anonymous person into the identified one, which joins an account.
    await database.db.execute(
      sql`update persons set merged_into = ${survivor} where tenant_id = ${tenantId} and id = ${loser}`,
    );
    await database.db.execute(
      sql`update person_identities set person_id = ${survivor} where tenant_id = ${tenantId} and person_id = ${loser}`,
    );
    await database.db
      .execute(sql`insert into person_accounts (tenant_id, person_id, customer_id, created_at, last_seen_at)
      values (${tenantId}, ${survivor}, ${customerId}, now(), now())`);
    const stale = message({ anonymousId: 'a-c4', event: 'Stale' });
    await ingestMessages(deps, source, [stale], receivedAt);
    // This process still knew the anonymous id as the loser's: the event keeps that person id ...
    expect((await personOf(database.db, tenantId, stale.messageId))?.person_id).toBe(loser);
    // ... and the survivor's timeline, and its account's, show it all the same.
    const members = await listClusterMembers(database.db, tenantId, { personIds: [survivor] });
    expect(members.map((member) => member.id).sort()).toEqual([loser, survivor].sort());
    const filter = { event: 'Stale', limit: 10 };
    const ids = members.map((member) => member.id);
    const timeline = await listEventsOfPersons(database.db, tenantId, ids, filter);
    expect(timeline.map((row) => row.messageId)).toEqual([stale.messageId]);
    const ofAccount = await listClusterMembers(database.db, tenantId, { customerId });
    const account = await listEventsOfAccount(
      database.db,
      tenantId,
      customerId,
      ofAccount.map((member) => member.id),
      filter,
    );
    expect(account.map((row) => row.messageId)).toEqual([stale.messageId]);
  });

  it('keeps one cache per database: ids known in one are resolved afresh in another', async () => {
    const tenantId = newId();
    const source = webSource(tenantId);
    const first = message({ anonymousId: 'a-c5' });
    await ingestMessages(ingestDeps(database.db), source, [first], receivedAt);
    expect(
      ingestRuntimeOf(database.db).identities.resolve(tenantId, message({ anonymousId: 'a-c5' })),
    ).toBeDefined();
    expect(
      ingestRuntimeOf(other.db).identities.resolve(tenantId, message({ anonymousId: 'a-c5' })),
    ).toBeUndefined();
    const second = message({ anonymousId: 'a-c5' });
    await ingestMessages(ingestDeps(other.db), source, [second], receivedAt);
    const stored = (await personOf(other.db, tenantId, second.messageId))!.person_id!;
    expect(await personCount(other.db, tenantId)).toBe(1);
    expect(stored).not.toBe((await personOf(database.db, tenantId, first.messageId))!.person_id);
    expect(
      await rows(other.db, sql`select id from persons where tenant_id = ${tenantId} and id = ${stored}`),
    ).toHaveLength(1);
  });
  it('forgets the cache when it names persons the database no longer has (reset under the process)', async () => {
    const tenantId = (await makeTenant(database.db)).tenant.id;
    const source = webSource(tenantId);
    const deps = ingestDeps(database.db);
    await ingestMessages(deps, source, [message({ anonymousId: 'a-c6' })], receivedAt);
    await database.db.execute(sql`delete from person_identities where tenant_id = ${tenantId}`);
    await database.db.execute(sql`delete from persons where tenant_id = ${tenantId}`);
    // Placed from the cache on the vanished person; widening its last seen finds it missing.
    const at = new Date('2026-03-20T00:00:00Z');
    await ingestMessages(deps, source, [message({ anonymousId: 'a-c6', timestamp: at })], receivedAt);
    const after = message({ anonymousId: 'a-c6' });
    await ingestMessages(deps, source, [after], receivedAt);
    const person = (await personOf(database.db, tenantId, after.messageId))!.person_id!;
    expect(
      await rows(database.db, sql`select id from persons where tenant_id = ${tenantId} and id = ${person}`),
    ).toHaveLength(1);
  });
});

describe('ingestMessages: first and last seen', () => {
  const seenOf = async (tenantId: string) =>
    rows<{ first: string; last: string }>(
      database.db,
      sql`select to_char(first_seen_at at time zone 'UTC', 'YYYY-MM-DD') as first,
        to_char(last_seen_at at time zone 'UTC', 'YYYY-MM-DD') as last from persons where tenant_id = ${tenantId}`,
    );

  it('widens them before ingestMessages returns when no other batch runs, cached persons too', async () => {
    const tenantId = (await makeTenant(database.db)).tenant.id;
    const source = webSource(tenantId);
    const deps = ingestDeps(database.db);
    await ingestMessages(deps, source, [message({ anonymousId: 'a-s1' })], receivedAt);
    expect(await seenOf(tenantId)).toEqual([{ first: '2026-03-01', last: '2026-03-01' }]);
    const at = (day: string) => new Date(`2026-03-${day}T10:00:00Z`);
    await ingestMessages(
      deps,
      source,
      [
        message({ anonymousId: 'a-s1', timestamp: at('05') }),
        message({ anonymousId: 'a-s1', timestamp: at('03') }),
      ],
      receivedAt,
    );
    expect(await seenOf(tenantId)).toEqual([{ first: '2026-03-01', last: '2026-03-05' }]);
    await ingestMessages(
      deps,
      source,
      [message({ anonymousId: 'a-s1', timestamp: new Date('2026-02-20T00:00:00Z') })],
      receivedAt,
    );
    expect(await seenOf(tenantId)).toEqual([{ first: '2026-02-20', last: '2026-03-05' }]);
    // Inside the known range: nothing to write, nothing moves.
    await ingestMessages(deps, source, [message({ anonymousId: 'a-s1', timestamp: at('02') })], receivedAt);
    expect(await seenOf(tenantId)).toEqual([{ first: '2026-02-20', last: '2026-03-05' }]);
  });

  it('widens them for concurrent batches too, once the last one ends', async () => {
    const tenantId = (await makeTenant(database.db)).tenant.id;
    const source = webSource(tenantId);
    const deps = ingestDeps(database.db);
    await ingestMessages(deps, source, [message({ anonymousId: 'a-s2' })], receivedAt);
    await Promise.all(
      ['10', '12', '11'].map((day) =>
        ingestMessages(
          deps,
          source,
          [message({ anonymousId: 'a-s2', timestamp: new Date(`2026-03-${day}T00:00:00Z`) })],
          receivedAt,
        ),
      ),
    );
    expect(await seenOf(tenantId)).toEqual([{ first: '2026-03-01', last: '2026-03-12' }]);
  });
});
