import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import * as repo from './contact-privacy.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const at = new Date('2026-03-01T08:00:00Z');

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('contact privacy queries', () => {
  it('match contact-privacy.repository.sql', async () => {
    const { tenant } = await makeTenant(database.db);
    const id = newId();
    const text = await snapshotRepository(database.pool, repo, [
      ['findContactRecord', (db) => repo.findContactRecord(db, tenant.id, id)],
      ['listSeatsOfContact', (db) => repo.listSeatsOfContact(db, tenant.id, id)],
      ['eraseContactFields', (db) => repo.eraseContactFields(db, tenant.id, id, '(erased)', at)],
    ]);
    await expect(text).toMatchFileSnapshot('./contact-privacy.repository.sql');
  });
});
