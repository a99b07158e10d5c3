import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import * as repo from './move.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const tenantId = '0190c9a8-0000-7000-8000-0000000000aa';
const id = '0190c9a8-0000-7000-8000-0000000000bb';
const at = new Date('2026-03-01T00:00:00Z');

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('move repository queries', () => {
  it('match move.repository.sql', async () => {
    const text = await snapshotRepository(database.pool, repo, [
      ['listMoveRows (first page)', (db) => repo.listMoveRows(db, tenantId, { limit: 101 })],
      [
        'listMoveRows (every filter and a cursor)',
        (db) =>
          repo.listMoveRows(db, tenantId, {
            warehouseId: id,
            itemId: id,
            kind: 'receipt',
            orderId: id,
            location: 'RECV',
            after: [at.toISOString(), id],
            limit: 101,
          }),
      ],
      ['listMoveRows (by id)', (db) => repo.listMoveRows(db, tenantId, { ids: [id], limit: 1 })],
      ['sumLedger', (db) => repo.sumLedger(db, tenantId, id)],
      ['listLedgerCodes', (db) => repo.listLedgerCodes(db, tenantId, id, { itemIds: [id], lotIds: [id] })],
      ['countMoves', (db) => repo.countMoves(db, tenantId, id)],
    ]);
    await expect(text).toMatchFileSnapshot('./move.repository.sql');
  });
});
