import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { captureSql } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { eventMessageIds } from '../event/event.table.js';
import { listSeenMessageIds } from './domain-touchpoint.repository.js';

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
    const seen = await listSeenMessageIds(database.db, tenantId, sourceId, ['m1', 'm2', 'm3', 'm4']);
    expect([...seen]).toEqual(['m1']);
    expect(await listSeenMessageIds(database.db, tenantId, sourceId, [])).toEqual(new Set());
  });
});

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('domain touchpoint queries', () => {
  it('match domain-touchpoint.repository.sql', async () => {
    const sql = captureSql(database.pool);
    await listSeenMessageIds(sql.db, newId(), newId(), ['a', 'b']);
    await expect(sql.take('listSeenMessageIds')).toMatchFileSnapshot('./domain-touchpoint.repository.sql');
  });
});
