import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import * as repo from './source.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const tenantId = '0190c9a8-0000-7000-8000-0000000000aa';
const id = '0190c9a8-0000-7000-8000-0000000000bb';
const at = new Date('2026-03-01T00:00:00Z');
const row = { tenantId, id, name: 'Web', kind: 'web', createdAt: at, updatedAt: at };

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('source repository queries', () => {
  it('match source.repository.sql', async () => {
    const text = await snapshotRepository(database.pool, repo, [
      ['listSourceRows (system source left out)', (db) => repo.listSourceRows(db, tenantId)],
      ['findSourceRow', (db) => repo.findSourceRow(db, tenantId, id)],
      ['findSourceRowByName', (db) => repo.findSourceRowByName(db, tenantId, 'Web')],
      ['insertSourceRow (a taken name inserts nothing)', (db) => repo.insertSourceRow(db, row)],
      [
        'updateSourceRow (fields left out stay)',
        (db) => repo.updateSourceRow(db, tenantId, id, { name: 'Site', retentionDays: null, updatedAt: at }),
      ],
      ['replaceWriteKey', (db) => repo.replaceWriteKey(db, tenantId, id, 'wk_y', at)],
      ['findEnabledSourceByWriteKey (a known key)', (db) => repo.findEnabledSourceByWriteKey(db, 'wk_y')],
      ['listSourcesWithRetention (all tenants)', (db) => repo.listSourcesWithRetention(db)],
      ['bumpSourceVersion', (db) => repo.bumpSourceVersion(db)],
      ['readSourceVersion', (db) => repo.readSourceVersion(db)],
    ]);
    await expect(text).toMatchFileSnapshot('./source.repository.sql');
  });
});
