import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { captureSql } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import * as repo from './catalog.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const tenantId = '0190c9a8-0000-7000-8000-0000000000aa';
const id = '0190c9a8-0000-7000-8000-0000000000bb';
const otherId = '0190c9a8-0000-7000-8000-0000000000dd';
const at = new Date('2026-03-01T00:00:00Z');

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('catalog repository queries', () => {
  it('match catalog.repository.sql', async () => {
    const sql = captureSql(database.pool);
    const parts: string[] = [];
    await repo.insertItemRow(sql.db, { tenantId, id, sku: 'S', name: 'N', createdAt: at, updatedAt: at });
    parts.push(sql.take('insertItemRow (a taken SKU inserts nothing)'));
    await repo.updateItemRow(sql.db, tenantId, id, { unit: '箱', updatedAt: at });
    parts.push(sql.take('updateItemRow (fields left out stay)'));
    await repo.findItemRow(sql.db, tenantId, id);
    parts.push(sql.take('findItemRow'));
    await repo.findItemRowsBySku(sql.db, tenantId, ['S', 'T']);
    parts.push(sql.take('findItemRowsBySku'));
    await repo.listItemRows(sql.db, tenantId, { q: 'milk', afterSku: 'A', limit: 51 });
    parts.push(sql.take('listItemRows (q and keyset)'));
    await repo.listLotRows(sql.db, tenantId, id);
    parts.push(sql.take('listLotRows'));
    await repo.findLotRow(sql.db, tenantId, id, 'L1');
    parts.push(sql.take('findLotRow'));
    await repo.insertLotRow(sql.db, { tenantId, id, itemId: id, lotNumber: 'L1', createdAt: at });
    parts.push(sql.take('insertLotRow (a known number inserts nothing)'));
    await repo.insertSupplierRow(sql.db, { tenantId, id, code: 'SUP', name: 'S', createdAt: at });
    parts.push(sql.take('insertSupplierRow'));
    await repo.listSupplierRows(sql.db, tenantId);
    parts.push(sql.take('listSupplierRows'));
    await repo.findSupplierRowByCode(sql.db, tenantId, 'SUP');
    parts.push(sql.take('findSupplierRowByCode'));
    await repo.insertItemRows(sql.db, tenantId, [{ id, sku: 'S', name: 'N', unit: '箱' }], at);
    parts.push(sql.take('insertItemRows (rows as one JSON parameter; taken SKUs insert nothing)'));
    await repo.updateItemRowsGiven(sql.db, tenantId, [{ id, barcode: '690' }], at);
    parts.push(sql.take('updateItemRowsGiven (rows as one JSON parameter; fields left out stay)'));
    await repo.findLotRowsByNumbers(sql.db, tenantId, [{ itemId: id, lotNumber: 'L1' }]);
    parts.push(sql.take('findLotRowsByNumbers'));
    await repo.insertLotRows(sql.db, tenantId, [{ id: otherId, itemId: id, lotNumber: 'L2' }], at);
    parts.push(sql.take('insertLotRows (rows as one JSON parameter; known numbers insert nothing)'));
    await repo.findSupplierRowsByCodes(sql.db, tenantId, ['SUP', 'X']);
    parts.push(sql.take('findSupplierRowsByCodes'));
    await expect(parts.join('\n')).toMatchFileSnapshot('./catalog.repository.sql');
  });
});
