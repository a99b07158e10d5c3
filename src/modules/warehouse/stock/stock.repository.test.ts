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
    await repo.listMoveRows(sql.db, tenantId, { limit: 101 });
    parts.push(sql.take('listMoveRows (first page)'));
    await repo.listMoveRows(sql.db, tenantId, {
      warehouseId: id,
      itemId: id,
      kind: 'receipt',
      orderId: id,
      location: 'RECV',
      after: [at.toISOString(), id],
      limit: 101,
    });
    parts.push(sql.take('listMoveRows (every filter and a cursor)'));
    await repo.listMoveRows(sql.db, tenantId, { ids: [id], limit: 1 });
    parts.push(sql.take('listMoveRows (by id)'));
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
    await repo.sumLedger(sql.db, tenantId, id);
    parts.push(sql.take('sumLedger'));
    await repo.listStockWithReservations(sql.db, tenantId, id);
    parts.push(sql.take('listStockWithReservations'));
    await repo.listLedgerCodes(sql.db, tenantId, id, { itemIds: [id], lotIds: [id] });
    parts.push(sql.take('listLedgerCodes'));
    await repo.countMoves(sql.db, tenantId, id);
    parts.push(sql.take('countMoves'));
    await expect(parts.join('\n')).toMatchFileSnapshot('./stock.repository.sql');
  });
});
