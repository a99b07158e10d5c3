import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import * as repo from './weight-check.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const tenantId = '0190c9a8-0000-7000-8000-0000000000aa';
const stockId = '0190c9a8-0000-7000-8000-0000000000bb';
const orderId = '0190c9a8-0000-7000-8000-0000000000cc';

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('weight check repository queries', () => {
  it('match weight-check.repository.sql', async () => {
    const at = new Date('2026-03-03T08:00:00.000Z');
    const check = {
      tenantId,
      id: stockId,
      warehouseId: stockId,
      orderId,
      lineNo: 1,
      itemId: stockId,
      lotId: null,
      stockId,
      quantity: 2,
      weighedInKg: 2.5,
      weighedOutKg: 2.4,
      days: 1.5,
      lossRatio: 0.04,
      allowedRatio: 0.05,
      overTolerance: false,
      weighedInAt: at,
      weighedOutAt: at,
    };
    await expect(
      await snapshotRepository(database.pool, repo, [
        ['listWeighIns', (db) => repo.listWeighIns(db, tenantId, [stockId])],
        ['insertWeightChecks', (db) => repo.insertWeightChecks(db, [check])],
        ['listWeightCheckRows (all)', (db) => repo.listWeightCheckRows(db, tenantId, { limit: 101 })],
        [
          'listWeightCheckRows (flagged, warehouse, order, after)',
          (db) =>
            repo.listWeightCheckRows(db, tenantId, {
              warehouseId: stockId,
              flagged: true,
              orderId,
              after: ['2026-03-03T08:00:00.000Z', stockId],
              limit: 51,
            }),
        ],
      ]),
    ).toMatchFileSnapshot('./weight-check.repository.sql');
  });
});
