import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { captureSql } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import * as repo from './stock.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const tenantId = '0190c9a8-0000-7000-8000-0000000000aa';
const id = '0190c9a8-0000-7000-8000-0000000000bb';
const at = new Date('2026-03-01T00:00:00Z');

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('stock repository queries', () => {
  it('match stock.repository.sql', async () => {
    const sql = captureSql(database.pool);
    const parts: string[] = [];
    await repo.listStockRows(sql.db, tenantId, { includeEmpty: false, limit: 101 });
    parts.push(sql.take('listStockRows (first page, empty rows left out)'));
    await repo.listStockRows(sql.db, tenantId, {
      warehouseId: id,
      itemId: id,
      q: 'milk',
      location: 'A-01',
      lot: 'L1',
      includeEmpty: true,
      after: ['W', 'A-01-01-1', 'MILK', '', id],
      limit: 101,
    });
    parts.push(sql.take('listStockRows (every filter and a cursor)'));
    await sql.db.transaction((tx) =>
      repo.lockStockRow(tx, tenantId, { locationId: id, itemId: id, lotId: null }),
    );
    parts.push(sql.take('lockStockRow (no lot)'));
    await repo.listStockAtLocation(sql.db, tenantId, id, id);
    parts.push(sql.take('listStockAtLocation'));
    await repo.insertReceiptRow(sql.db, { tenantId, id, warehouseId: id, receivedAt: at });
    parts.push(sql.take('insertReceiptRow'));
    await repo.deleteReceiptRow(sql.db, tenantId, id);
    parts.push(sql.take('deleteReceiptRow'));
    await repo.listStockWithReservations(sql.db, tenantId, id);
    parts.push(sql.take('listStockWithReservations'));
    await expect(parts.join('\n')).toMatchFileSnapshot('./stock.repository.sql');
  });
});
