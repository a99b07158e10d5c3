import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import * as repo from './allocation.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const tenantId = '0190c9a8-0000-7000-8000-0000000000aa';
const id = '0190c9a8-0000-7000-8000-0000000000bb';
const at = new Date('2026-03-01T00:00:00Z');

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('allocation repository queries', () => {
  it('match allocation.repository.sql', async () => {
    await expect(
      await snapshotRepository(database.pool, repo, [
        ['lockStockRows', (db) => db.transaction((tx) => repo.lockStockRows(tx, tenantId, id, [id]))],
        ['lockStockRowsById', (db) => db.transaction((tx) => repo.lockStockRowsById(tx, tenantId, [id]))],
        ['listCandidates', (db) => repo.listCandidates(db, tenantId, id, [id])],
        ['closeReservations', (db) => repo.closeReservations(db, tenantId, [id], 'picked', at)],
        [
          'storeAllocationOutcome (reservations, short lines and a run)',
          (db) =>
            repo.storeAllocationOutcome(db, tenantId, id, {
              reservations: [{ id, lineNo: 1, stockId: id, quantity: 2 }],
              lines: [{ lineNo: 1, quantity: 1, reason: 'no_stock' }],
              run: { id, result: { status: 'partially_allocated' }, actorUserId: null },
              status: 'partially_allocated',
              now: at,
            }),
        ],
        [
          'storeAllocationOutcome (status only)',
          (db) =>
            repo.storeAllocationOutcome(db, tenantId, id, {
              reservations: [],
              lines: [],
              run: null,
              status: 'backordered',
              now: at,
            }),
        ],
        ['releaseActiveReservations', (db) => repo.releaseActiveReservations(db, tenantId, id, at)],
        ['findDock (shipping)', (db) => repo.findDock(db, tenantId, id, 'shipping')],
        ['findDock (receiving)', (db) => repo.findDock(db, tenantId, id, 'receiving')],
      ]),
    ).toMatchFileSnapshot('./allocation.repository.sql');
  });
});
