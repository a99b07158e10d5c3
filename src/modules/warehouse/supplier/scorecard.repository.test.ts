import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { captureSql } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import * as repo from './scorecard.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const tenantId = '0190c9a8-0000-7000-8000-0000000000aa';
const supplierId = '0190c9a8-0000-7000-8000-0000000000bb';
const window = { from: new Date('2025-12-31T16:00:00Z'), to: new Date('2026-03-31T16:00:00Z') };

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('scorecard repository queries', () => {
  it('match scorecard.repository.sql', async () => {
    const sql = captureSql(database.pool);
    const parts: string[] = [];
    await repo.sumReturns(sql.db, tenantId, window);
    parts.push(sql.take('sumReturns (all suppliers)'));
    await repo.sumReturns(sql.db, tenantId, window, supplierId);
    parts.push(sql.take('sumReturns (one supplier)'));
    await repo.sumReceipts(sql.db, tenantId, window);
    parts.push(sql.take('sumReceipts (all suppliers)'));
    await repo.sumReceipts(sql.db, tenantId, window, supplierId);
    parts.push(sql.take('sumReceipts (one supplier)'));
    await repo.listSupplierRows(sql.db, tenantId, [supplierId]);
    parts.push(sql.take('listSupplierRows'));
    await expect(parts.join('\n')).toMatchFileSnapshot('./scorecard.repository.sql');
  });
});
