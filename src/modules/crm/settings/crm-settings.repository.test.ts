import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import * as repo from './crm-settings.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const at = new Date('2026-01-01T00:00:00Z');

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('CRM settings queries', () => {
  it('match crm-settings.repository.sql', async () => {
    const { tenant } = await makeTenant(database.db);
    const text = await snapshotRepository(database.pool, repo, [
      ['findCrmSettings', (db) => repo.findCrmSettings(db, tenant.id)],
      ['saveCrmSettings (insert or replace)', (db) => repo.saveCrmSettings(db, tenant.id, { a: 1 }, at)],
    ]);
    await expect(text).toMatchFileSnapshot('./crm-settings.repository.sql');
  });
});
