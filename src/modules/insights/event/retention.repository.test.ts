import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import * as repo from './retention.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const source = {
  tenantId: '0190c9a8-0000-7000-8000-0000000000aa',
  id: '0190c9a8-0000-7000-8000-0000000000bb',
};
const at = new Date('2026-03-01T00:00:00Z');

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('retention repository queries', () => {
  it('match retention.repository.sql', async () => {
    const text = await snapshotRepository(database.pool, repo, [
      ['deleteEventsBefore (one chunk)', (db) => repo.deleteEventsBefore(db, source, at, 5000)],
      ['listTenantsWithMessageIdsBefore (all tenants)', (db) => repo.listTenantsWithMessageIdsBefore(db, at)],
      [
        'purgeMessageIdsBefore (one tenant, offline sources kept)',
        (db) => repo.purgeMessageIdsBefore(db, source.tenantId, at, 5000),
      ],
      ['purgeSourceMessageIdsBefore', (db) => repo.purgeSourceMessageIdsBefore(db, source, at, 5000)],
    ]);
    await expect(text).toMatchFileSnapshot('./retention.repository.sql');
  });
});
