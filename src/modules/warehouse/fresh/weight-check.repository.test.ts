import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { captureSql } from '../../../../test/helpers/sql-capture.js';
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
    const sql = captureSql(database.pool);
    const parts: string[] = [];
    await repo.listWeighIns(sql.db, tenantId, [stockId]);
    parts.push(sql.take('listWeighIns'));
    await repo.listWeightCheckRows(sql.db, tenantId, { limit: 101 });
    parts.push(sql.take('listWeightCheckRows (all)'));
    await repo.listWeightCheckRows(sql.db, tenantId, {
      warehouseId: stockId,
      flagged: true,
      orderId,
      after: ['2026-03-03T08:00:00.000Z', stockId],
      limit: 51,
    });
    parts.push(sql.take('listWeightCheckRows (flagged, warehouse, order, after)'));
    await expect(parts.join('\n')).toMatchFileSnapshot('./weight-check.repository.sql');
  });
});
