import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/db.js';
import { testEngine } from '../../../test/helpers/engine.js';
import { captureSql } from '../../../test/helpers/sql-capture.js';
import type { Database } from '../db/database.js';
import { newId } from '../ids.js';
import { findDomainEventCursor, findReplayStart, saveDomainEventCursor } from './domain-event-cursor.js';
import { publishDomainEvent, readDomainEvents, type DomainEvent } from './domain-event.js';
import { domainEventCursors } from './domain-event.table.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

const event = (tenantId: string, type = 'crm.deal.won') => ({
  tenantId,
  type,
  occurredAt: new Date('2026-01-05T08:00:00.000Z'),
  customerId: newId(),
  payload: { dealState: 'won', note: '签约' },
});

/** Every event of one tenant, read in pages of `limit`. */
async function readTenant(tenantId: string, limit: number): Promise<DomainEvent[]> {
  const out: DomainEvent[] = [];
  let after: DomainEvent['key'] | undefined;
  for (;;) {
    const page = await readDomainEvents(database.db, { after, limit });
    out.push(...page.filter((e) => e.tenantId === tenantId));
    if (page.length < limit) return out;
    after = page[page.length - 1]!.key;
  }
}

describe('publishDomainEvent', () => {
  it('publishes with the transaction: a rollback publishes nothing', async () => {
    const tenantId = newId();
    await expect(
      database.db.transaction(async (tx) => {
        await publishDomainEvent(tx, event(tenantId));
        throw new Error('change refused');
      }),
    ).rejects.toThrow('change refused');
    expect(await readTenant(tenantId, 100)).toEqual([]);

    const id = await database.db.transaction((tx) => publishDomainEvent(tx, event(tenantId)));
    const [read] = await readTenant(tenantId, 100);
    expect(read).toMatchObject({
      id,
      tenantId,
      type: 'crm.deal.won',
      occurredAt: new Date('2026-01-05T08:00:00.000Z'),
      crmPersonId: null,
      actorUserId: null,
      payload: { dealState: 'won', note: '签约' },
    });
  });
});

describe('readDomainEvents', () => {
  it('pages through events of one transaction (same created_at) without repeats or gaps', async () => {
    const tenantId = newId();
    const ids = await database.db.transaction(async (tx) => {
      const out: string[] = [];
      for (let i = 0; i < 5; i++) out.push(await publishDomainEvent(tx, event(tenantId, `crm.test.e${i}`)));
      return out;
    });
    const read = await readTenant(tenantId, 2);
    expect(read.map((e) => e.id).sort()).toEqual([...ids].sort());
    expect(new Set(read.map((e) => e.key.createdAt)).size).toBe(1);
    // Microseconds survive in the key (a Date would have lost them and reread the same rows).
    expect(read[0]!.key.createdAt).toMatch(/\d{2}:\d{2}:\d{2}(\.\d+)?[+-]\d{2}/);
  });

  it('reads from `since` on, inclusive', async () => {
    const tenantId = newId();
    await database.db.transaction((tx) => publishDomainEvent(tx, event(tenantId)));
    const [first] = await readTenant(tenantId, 1000);
    const later = await readDomainEvents(database.db, { since: first!.key.createdAt, limit: 1000 });
    expect(later.map((e) => e.id)).toContain(first!.id);
    const none = await readDomainEvents(database.db, { after: later[later.length - 1]!.key, limit: 10 });
    expect(none).toEqual([]);
  });
});

describe('domain event cursors', () => {
  it('moves forward only and replays an overlap before the position', async () => {
    const consumer = `test.${newId()}`;
    expect(await findDomainEventCursor(database.db, consumer)).toBeUndefined();
    expect(await findReplayStart(database.db, consumer, 300_000)).toBeUndefined();

    const savedAt = new Date('2026-01-05T08:01:00Z');
    await saveDomainEventCursor(database.db, consumer, '2026-01-05 08:00:00.123456+00', savedAt);
    await saveDomainEventCursor(database.db, consumer, '2026-01-05 07:00:00+00', savedAt);
    const position = await findDomainEventCursor(database.db, consumer);
    expect(new Date(position!).toISOString()).toBe('2026-01-05T08:00:00.123Z');
    expect(position).toContain('.123456');

    const since = await findReplayStart(database.db, consumer, 300_000);
    expect(new Date(since!).toISOString()).toBe('2026-01-05T07:55:00.123Z');
    await saveDomainEventCursor(
      database.db,
      consumer,
      '2026-01-05 09:00:00+00',
      new Date('2026-01-05T09:01:00Z'),
    );
    expect(new Date((await findDomainEventCursor(database.db, consumer))!).toISOString()).toBe(
      '2026-01-05T09:00:00.000Z',
    );
    // The save time is the caller's clock, not the database's.
    const saved = await database.db
      .select({ updatedAt: domainEventCursors.updatedAt })
      .from(domainEventCursors)
      .where(eq(domainEventCursors.consumer, consumer));
    expect(saved).toEqual([{ updatedAt: new Date('2026-01-05T09:01:00Z') }]);
  });
});

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('outbox queries', () => {
  it('match domain-event.sql', async () => {
    const sql = captureSql(database.pool);
    const parts: string[] = [];
    const tenantId = newId();
    await publishDomainEvent(sql.db, event(tenantId));
    parts.push(sql.take('publishDomainEvent'));
    await readDomainEvents(sql.db, { limit: 500 });
    parts.push(sql.take('readDomainEvents (all tenants) from the start'));
    const key = { createdAt: '2026-01-05 08:00:00.123456+00', tenantId, id: newId() };
    await readDomainEvents(sql.db, { since: '2026-01-05 07:55:00.123456+00', after: key, limit: 500 });
    parts.push(sql.take('readDomainEvents (all tenants) since, after a key'));
    await findDomainEventCursor(sql.db, 'snapshot');
    parts.push(sql.take('findDomainEventCursor'));
    await findReplayStart(sql.db, 'snapshot', 300_000);
    parts.push(sql.take('findReplayStart'));
    await saveDomainEventCursor(sql.db, 'snapshot', key.createdAt, new Date('2026-01-05T08:01:00Z'));
    parts.push(sql.take('saveDomainEventCursor'));
    await expect(parts.join('\n')).toMatchFileSnapshot('./domain-event.sql');
  });
});
