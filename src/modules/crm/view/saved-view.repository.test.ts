import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import * as repo from './saved-view.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const at = new Date('2026-01-01T00:00:00Z');

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('saved view queries', () => {
  it('match saved-view.repository.sql', async () => {
    const { admin } = await makeTenant(database.db);
    const actor = admin.actor;
    const view = {
      id: newId(),
      userId: admin.id,
      name: 'Mine',
      filters: { kind: 'business' },
      shared: false,
    };
    const text = await snapshotRepository(database.pool, repo, [
      ['listSavedViewRows (a user: own and shared)', (db) => repo.listSavedViewRows(db, actor, admin.id)],
      ['listSavedViewRows (no user: shared only)', (db) => repo.listSavedViewRows(db, actor, null)],
      ['insertSavedView', (db) => repo.insertSavedView(db, actor, { ...view, createdAt: at })],
      ['deleteSavedViewRow', (db) => repo.deleteSavedViewRow(db, actor, admin.id, newId())],
    ]);
    await expect(text).toMatchFileSnapshot('./saved-view.repository.sql');
  });
});
