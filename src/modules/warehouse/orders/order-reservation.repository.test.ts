import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import * as repo from './order-reservation.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const tenantId = '0190c9a8-0000-7000-8000-0000000000aa';
const id = '0190c9a8-0000-7000-8000-0000000000bb';

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('order reservation repository queries', () => {
  it('match order-reservation.repository.sql', async () => {
    await expect(
      await snapshotRepository(database.pool, repo, [
        ['listReservations (all)', (db) => repo.listReservations(db, tenantId, id)],
        ['listReservations (active)', (db) => repo.listReservations(db, tenantId, id, ['active'])],
        ['listAllocationRuns', (db) => repo.listAllocationRuns(db, tenantId, id)],
        ['findLatestAllocationRun', (db) => repo.findLatestAllocationRun(db, tenantId, id)],
        ['listActiveReservations', (db) => repo.listActiveReservations(db, tenantId, id)],
      ]),
    ).toMatchFileSnapshot('./order-reservation.repository.sql');
  });
});
