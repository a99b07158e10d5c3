import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { KEPT_EVENT_PROPERTIES } from './privacy.contract.js';
import * as repo from './privacy.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const at = new Date('2026-03-01T08:00:00Z');

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('privacy queries', () => {
  it('match privacy.repository.sql', async () => {
    const { tenant } = await makeTenant(database.db);
    const t = tenant.id;
    const ids = [newId(), newId()];
    const text = await snapshotRepository(database.pool, repo, [
      ['listPersonIdsOfContact', (db) => repo.listPersonIdsOfContact(db, t, newId())],
      ['listPersonRecords', (db) => repo.listPersonRecords(db, t, ids)],
      ['listIdentityRecords', (db) => repo.listIdentityRecords(db, t, ids)],
      ['listTraitChangeRecords', (db) => repo.listTraitChangeRecords(db, t, ids)],
      ['listAccountRecords', (db) => repo.listAccountRecords(db, t, ids)],
      ['listEventRecords', (db) => repo.listEventRecords(db, t, ids)],
      ['anonymiseEvents', (db) => repo.anonymiseEvents(db, t, ids, KEPT_EVENT_PROPERTIES)],
      ['deleteIdentityRecords', (db) => repo.deleteIdentityRecords(db, t, ids)],
      ['erasePersonFields', (db) => repo.erasePersonFields(db, t, ids, at)],
    ]);
    await expect(text).toMatchFileSnapshot('./privacy.repository.sql');
  });
});
