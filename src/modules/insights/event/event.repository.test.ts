import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import type { NewEventRow } from './event.contract.js';
import * as repo from './event.repository.js';
import { eventMessageIds } from './event.table.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

describe('listSeenMessageIds', () => {
  it('answers the ids this source stored, not those of another source or tenant', async () => {
    const [tenantId, sourceId, otherSource] = [newId(), newId(), newId()];
    const receivedAt = new Date();
    await database.db.insert(eventMessageIds).values([
      { tenantId, sourceId, messageId: 'm1', receivedAt },
      { tenantId, sourceId: otherSource, messageId: 'm2', receivedAt },
      { tenantId: newId(), sourceId, messageId: 'm3', receivedAt },
    ]);
    const seen = await repo.listSeenMessageIds(database.db, tenantId, sourceId, ['m1', 'm2', 'm3', 'm4']);
    expect([...seen]).toEqual(['m1']);
    expect(await repo.listSeenMessageIds(database.db, tenantId, sourceId, [])).toEqual(new Set());
  });
});

const batch = {
  tenantId: '0190c9a8-0000-7000-8000-0000000000aa',
  sourceId: '0190c9a8-0000-7000-8000-0000000000bb',
  receivedAt: new Date('2026-03-01T00:00:00Z'),
};
const row: NewEventRow = {
  id: '0190c9a8-0000-7000-8000-0000000000cc',
  personId: null,
  customerId: null,
  type: 'track',
  event: 'Viewed',
  channel: 'web',
  messageId: 'm-1',
  userId: null,
  anonymousId: 'a-1',
  groupId: null,
  timestamp: new Date('2026-03-01T00:00:00Z'),
  sentAt: null,
  originalTimestamp: null,
  properties: { plan: 'pro' },
  traits: null,
  context: null,
};

// The SQL is the same on both engines: snapshot it once, in the PGlite project. The insert builder
// is recorded by running what it builds (a rejected statement is recorded all the same).
describe.skipIf(testEngine() !== 'pglite')('event repository queries', () => {
  it('match event.repository.sql', async () => {
    const text = await snapshotRepository(database.pool, repo, [
      [
        // Run inside a stand-in for the CTE of claimed ids it reads (claimAndInsert's `claimed`).
        'insertEventsSql (claimed rows only, under a claimed CTE)',
        (db) =>
          db
            .execute(
              sql`with claimed as (select 'm-1'::text as message_id) ${repo.insertEventsSql(batch, [row], 'claimed')!.sql}`,
            )
            .catch(() => undefined),
      ],
      ['listSeenMessageIds', (db) => repo.listSeenMessageIds(db, batch.tenantId, batch.sourceId, ['a', 'b'])],
    ]);
    await expect(text).toMatchFileSnapshot('./event.repository.sql');
  });
});
