import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import * as repo from './event-partition.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('event partition queries', () => {
  it('match event-partition.repository.sql', async () => {
    const text = await snapshotRepository(database.pool, repo, [
      [
        'listExistingPartitions',
        (db) => repo.listExistingPartitions(db, ['events_2040_01', 'events_2040_02']),
      ],
      ['createMonthPartition', (db) => repo.createMonthPartition(db, { year: 2040, month: 1 })],
    ]);
    await expect(text).toMatchFileSnapshot('./event-partition.repository.sql');
  });
});
