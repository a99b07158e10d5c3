import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { ingestMessages } from './ingest.service.js';
import { ingestDeps, message, webSource } from './ingest.test-helper.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const deps = () => ingestDeps(database.db);
const receivedAt = new Date('2026-03-02T00:00:00Z');

async function tenant() {
  return (await makeTenant(database.db)).tenant.id;
}

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return (await database.db.execute(query)).rows as T[];
}

const eventsOf = (tenantId: string) =>
  rows<Record<string, unknown>>(
    sql`select * from events where tenant_id = ${tenantId} order by timestamp, message_id`,
  );

describe('ingestMessages: storing and deduplication', () => {
  it('stores each message once per source: a retried batch and a repeated id within a batch are duplicates', async () => {
    const source = webSource(await tenant());
    const a = message({ anonymousId: 'anon-1' });
    const b = message({ anonymousId: 'anon-1', event: 'Clicked' });
    expect(await ingestMessages(deps(), source, [a, b], receivedAt)).toEqual({ stored: 2, duplicates: 0 });
    expect(await ingestMessages(deps(), source, [a, b], receivedAt)).toEqual({ stored: 0, duplicates: 2 });
    const c = message({ anonymousId: 'anon-1' });
    const cAgain = { ...c, event: 'Changed meanwhile' };
    expect(await ingestMessages(deps(), source, [c, cAgain, a], receivedAt)).toEqual({
      stored: 1,
      duplicates: 2,
    });
    const stored = await eventsOf(source.tenantId);
    expect(stored.map((e) => [e.message_id, e.event])).toEqual(
      [
        [a.messageId, 'Viewed'],
        [b.messageId, 'Clicked'],
        [c.messageId, 'Viewed'],
      ].sort((x, y) => (x[0]! < y[0]! ? -1 : 1)),
    );
  });

  it('deduplicates per source: the same message id from another source is stored again', async () => {
    const tenantId = await tenant();
    const m = message({ anonymousId: 'anon-2' });
    await ingestMessages(deps(), webSource(tenantId), [m], receivedAt);
    expect(await ingestMessages(deps(), webSource(tenantId), [m], receivedAt)).toEqual({
      stored: 1,
      duplicates: 0,
    });
  });

  it('writes every column of the event row', async () => {
    const source = webSource(await tenant());
    const customerId = newId();
    const m = message({
      type: 'page',
      event: 'Pricing',
      userId: 'u-cols',
      anonymousId: 'a-cols',
      timestamp: new Date('2026-03-01T10:00:00.123Z'),
      originalTimestamp: new Date('2026-03-01T10:00:05Z'),
      sentAt: new Date('2026-03-01T10:00:06Z'),
      properties: { path: '/pricing', nested: { n: 1 }, text: '价格' },
      context: { ip: '127.0.0.1' },
      customerId,
    });
    await ingestMessages(deps(), source, [m], receivedAt);
    const [event] = await eventsOf(source.tenantId);
    const [person] = await rows<{ id: string }>(
      sql`select id from persons where tenant_id = ${source.tenantId}`,
    );
    expect(event).toMatchObject({
      source_id: source.sourceId,
      person_id: person!.id,
      customer_id: customerId,
      type: 'page',
      event: 'Pricing',
      channel: 'web',
      message_id: m.messageId,
      user_id: 'u-cols',
      anonymous_id: 'a-cols',
      group_id: null,
      properties: { path: '/pricing', nested: { n: 1 }, text: '价格' },
      traits: null,
      context: { ip: '127.0.0.1' },
    });
    expect(new Date(event!.timestamp as string).toISOString()).toBe('2026-03-01T10:00:00.123Z');
    expect(new Date(event!.received_at as string).toISOString()).toBe(receivedAt.toISOString());
    expect(new Date(event!.sent_at as string).toISOString()).toBe('2026-03-01T10:00:06.000Z');
    expect(new Date(event!.original_timestamp as string).toISOString()).toBe('2026-03-01T10:00:05.000Z');
  });

  it("takes the message's channel over the source's kind", async () => {
    const source = webSource(await tenant());
    await ingestMessages(deps(), source, [message({ userId: 'u-ch', channel: 'offline' })], receivedAt);
    await ingestMessages(deps(), { ...source, kind: 'app' }, [message({ userId: 'u-ch' })], receivedAt);
    expect((await eventsOf(source.tenantId)).map((e) => e.channel).sort()).toEqual(['app', 'offline']);
  });

  it('creates the month partitions a batch needs, an old year included', async () => {
    const source = webSource(await tenant());
    const times = [
      '1999-12-31T23:59:59.999Z',
      '2000-01-01T00:00:00Z',
      '2027-02-28T12:00:00Z',
      '2026-03-01T08:00:00Z',
    ];
    const result = await ingestMessages(
      deps(),
      source,
      times.map((t) => message({ anonymousId: 'a-part', timestamp: new Date(t) })),
      receivedAt,
    );
    expect(result.stored).toBe(4);
    // The partitions from the catalog, then each one's rows: counting by tableoid would see Citus's
    // shards, not the partitions.
    const names = await rows<{ name: string }>(sql`
      select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
      where i.inhparent = 'events'::regclass and c.relname in ('events_1999_12', 'events_2000_01', 'events_2027_02', 'events_2026_03')
      order by c.relname`);
    const partitions = [];
    for (const { name } of names) {
      const [count] = await rows<{ rows: number }>(
        sql`select count(*)::int as rows from ${sql.identifier(name)} where tenant_id = ${source.tenantId}`,
      );
      partitions.push({ name, rows: count!.rows });
    }
    expect(partitions).toEqual([
      { name: 'events_1999_12', rows: 1 },
      { name: 'events_2000_01', rows: 1 },
      { name: 'events_2026_03', rows: 1 },
      { name: 'events_2027_02', rows: 1 },
    ]);
  });

  it('leaves nothing behind when a batch fails: no message id is claimed, no person is made', async () => {
    const source = webSource(await tenant());
    const good = message({ anonymousId: 'a-fail' });
    const bad = message({ anonymousId: 'a-fail-2', customerId: 'not-a-uuid' });
    await expect(ingestMessages(deps(), source, [good, bad], receivedAt)).rejects.toThrow();
    expect(await rows(sql`select 1 from event_message_ids where tenant_id = ${source.tenantId}`)).toEqual([]);
    expect(await rows(sql`select 1 from persons where tenant_id = ${source.tenantId}`)).toEqual([]);
    expect(await rows(sql`select 1 from person_identities where tenant_id = ${source.tenantId}`)).toEqual([]);
    expect(await ingestMessages(deps(), source, [good], receivedAt)).toEqual({ stored: 1, duplicates: 0 });
  });

  it('answers zero for an empty batch', async () => {
    expect(await ingestMessages(deps(), webSource(await tenant()), [], receivedAt)).toEqual({
      stored: 0,
      duplicates: 0,
    });
  });

  it('keeps tenants apart: the same anonymous id in two tenants is two persons', async () => {
    const one = webSource(await tenant());
    const two = webSource(await tenant());
    await ingestMessages(deps(), one, [message({ anonymousId: 'shared-anon' })], receivedAt);
    await ingestMessages(deps(), two, [message({ anonymousId: 'shared-anon' })], receivedAt);
    const persons = await rows<{ tenant_id: string }>(sql`
      select distinct p.tenant_id from events e join persons p on p.tenant_id = e.tenant_id and p.id = e.person_id
      where e.tenant_id in (${one.tenantId}, ${two.tenantId})`);
    expect(persons).toHaveLength(2);
  });
});
