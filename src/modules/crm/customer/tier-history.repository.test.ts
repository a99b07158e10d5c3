import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import * as repo from './tier-history.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const at = new Date('2026-01-01T00:00:00Z');

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('tier history queries', () => {
  it('match tier-history.repository.sql', async () => {
    const { tenant } = await makeTenant(database.db);
    const t = tenant.id;
    const change = {
      customerId: newId(),
      dimension: 'intent',
      fromTier: null,
      toTier: 'A',
      source: 'import',
      reason: 'r',
      changedByUserId: null,
      changedAt: at,
    };
    const cursor = { at, id: newId() };
    const text = await snapshotRepository(database.pool, repo, [
      ['insertTierChanges', (db) => repo.insertTierChanges(db, t, [change])],
      ['insertTierChangesInBulk (one JSON parameter)', (db) => repo.insertTierChangesInBulk(db, t, [change])],
      ['listTierChanges', (db) => repo.listTierChanges(db, t, newId())],
      [
        'listTierChangesAfter (after a cursor)',
        (db) => repo.listTierChangesAfter(db, t, newId(), cursor, 51),
      ],
      ['repointTierChanges', (db) => repo.repointTierChanges(db, t, newId(), [newId(), newId()])],
    ]);
    await expect(text).toMatchFileSnapshot('./tier-history.repository.sql');
  });
});
