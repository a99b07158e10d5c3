import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/db.js';
import { testEngine } from '../../../test/helpers/engine.js';
import { snapshotRepository } from '../../../test/helpers/sql-capture.js';
import type { Database } from './database.js';
import { newId } from '../ids.js';
import * as repo from './tenant-removal.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const at = new Date('2026-03-01T08:00:00Z');

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('tenant removal queries', () => {
  it('match tenant-removal.repository.sql', async () => {
    const id = newId();
    const row = { id, requestedAt: at, requestedBy: null, dueAt: at, doneAt: null, finalExport: null };
    const text = await snapshotRepository(database.pool, repo, [
      ['upsertTenantRemoval', (db) => repo.upsertTenantRemoval(db, row)],
      ['findTenantRemoval', (db) => repo.findTenantRemoval(db, id)],
      ['listDueTenantRemovals', (db) => repo.listDueTenantRemovals(db, at)],
      ['markTenantRemovalDone', (db) => repo.markTenantRemovalDone(db, id, at, '/x')],
      ['deletePendingTenantRemoval', (db) => repo.deletePendingTenantRemoval(db, id)],
    ]);
    await expect(text).toMatchFileSnapshot('./tenant-removal.repository.sql');
    // Done removals are kept as record: neither cancelled nor re-scheduled.
    expect(await repo.findTenantRemoval(database.db, id)).toMatchObject({ doneAt: at, finalExport: '/x' });
  });
});
