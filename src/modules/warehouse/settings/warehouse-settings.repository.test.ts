import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import * as repo from './warehouse-settings.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const tenantId = '0190c9a8-0000-7000-8000-0000000000aa';
const id = '0190c9a8-0000-7000-8000-0000000000bb';
const at = new Date('2026-03-01T00:00:00Z');

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('warehouse settings repository queries', () => {
  it('match warehouse-settings.repository.sql', async () => {
    await expect(
      await snapshotRepository(database.pool, repo, [
        ['findWarehouseSettings', (db) => repo.findWarehouseSettings(db, tenantId)],
        ['saveWarehouseSettings', (db) => repo.saveWarehouseSettings(db, id, { lossTolerance: 0.05 }, at)],
      ]),
    ).toMatchFileSnapshot('./warehouse-settings.repository.sql');
  });
});
