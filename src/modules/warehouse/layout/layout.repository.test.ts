import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { captureSql } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import * as repo from './layout.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const tenantId = '0190c9a8-0000-7000-8000-0000000000aa';
const warehouseId = '0190c9a8-0000-7000-8000-0000000000cc';
const at = new Date('2026-03-01T00:00:00Z');

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('layout repository queries', () => {
  it('match layout.repository.sql', async () => {
    const sql = captureSql(database.pool);
    const parts: string[] = [];
    await repo.insertWarehouseRow(sql.db, {
      tenantId,
      id: warehouseId,
      code: 'W',
      name: 'W',
      layout: {},
      createdAt: at,
      updatedAt: at,
    });
    parts.push(sql.take('insertWarehouseRow (a taken code inserts nothing)'));
    await repo.listWarehouseRows(sql.db, tenantId);
    parts.push(sql.take('listWarehouseRows'));
    await repo.findWarehouseRow(sql.db, tenantId, warehouseId);
    parts.push(sql.take('findWarehouseRow'));
    await repo.findWarehouseRowByCode(sql.db, tenantId, 'W');
    parts.push(sql.take('findWarehouseRowByCode'));
    await repo.updateWarehouseRow(sql.db, tenantId, warehouseId, { name: 'V', updatedAt: at });
    parts.push(sql.take('updateWarehouseRow (fields left out stay)'));
    await expect(parts.join('\n')).toMatchFileSnapshot('./layout.repository.sql');
  });
});
