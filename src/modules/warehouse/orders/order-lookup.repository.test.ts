import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import * as repo from './order-lookup.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const tenantId = '0190c9a8-0000-7000-8000-0000000000aa';
const id = '0190c9a8-0000-7000-8000-0000000000bb';
const at = new Date('2026-03-01T00:00:00Z');

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('order lookup repository queries', () => {
  it('match order-lookup.repository.sql', async () => {
    await expect(
      await snapshotRepository(database.pool, repo, [
        ['findWarehouseRef (by code)', (db) => repo.findWarehouseRef(db, tenantId, { code: 'W1' })],
        ['findWarehouseRef (by id)', (db) => repo.findWarehouseRef(db, tenantId, { id })],
        ['listWarehousesByCode', (db) => repo.listWarehousesByCode(db, tenantId, ['W1', 'W2'])],
        ['listWarehouseCodes', (db) => repo.listWarehouseCodes(db, tenantId, [id])],
        ['listItemsBySku', (db) => repo.listItemsBySku(db, tenantId, ['MILK'])],
        ['listLotsOfItems', (db) => repo.listLotsOfItems(db, tenantId, [id])],
        ['listSuppliersByCode', (db) => repo.listSuppliersByCode(db, tenantId, ['SUP'])],
        ['findCustomerLotRule', (db) => repo.findCustomerLotRule(db, tenantId, id)],
        ['saveCustomerLotRule', (db) => repo.saveCustomerLotRule(db, tenantId, id, true, at)],
      ]),
    ).toMatchFileSnapshot('./order-lookup.repository.sql');
  });
});
