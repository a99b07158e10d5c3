import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { captureSql } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import * as repo from './location.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const tenantId = '0190c9a8-0000-7000-8000-0000000000aa';
const id = '0190c9a8-0000-7000-8000-0000000000bb';
const otherId = '0190c9a8-0000-7000-8000-0000000000dd';
const warehouseId = '0190c9a8-0000-7000-8000-0000000000cc';
const at = new Date('2026-03-01T00:00:00Z');

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('location repository queries', () => {
  it('match location.repository.sql', async () => {
    const sql = captureSql(database.pool);
    const parts: string[] = [];
    await repo.ensureZoneRow(sql.db, { tenantId, id, warehouseId, code: 'A', createdAt: at });
    parts.push(sql.take('ensureZoneRow'));
    await repo.insertLocationRow(sql.db, { tenantId, id, warehouseId, code: 'A-01-01-1', createdAt: at });
    parts.push(sql.take('insertLocationRow (a taken code inserts nothing)'));
    await repo.updateLocationRow(sql.db, tenantId, id, { aisle: 1, pathRank: 1 });
    parts.push(sql.take('updateLocationRow'));
    await repo.listLocationRows(sql.db, tenantId, warehouseId, { kind: 'storage', q: 'A-0' });
    parts.push(sql.take('listLocationRows (kind and q)'));
    await repo.findLocationRowByCode(sql.db, tenantId, warehouseId, 'RECV');
    parts.push(sql.take('findLocationRowByCode'));
    await repo.setPathRanks(sql.db, tenantId, [{ id, pathRank: 5 }]);
    parts.push(sql.take('setPathRanks (one update per location)'));
    await repo.findLocationRowsByCodes(sql.db, tenantId, warehouseId, ['A-01-01-1', 'RECV']);
    parts.push(sql.take('findLocationRowsByCodes'));
    await repo.ensureZoneRows(sql.db, tenantId, warehouseId, [{ id, code: 'A' }], at);
    parts.push(sql.take('ensureZoneRows (one insert, one select)'));
    const placement = { zoneId: null, kind: 'storage', aisle: 1, block: 1, slot: 2, level: 1, pathRank: 101 };
    await repo.insertLocationRows(
      sql.db,
      tenantId,
      warehouseId,
      [{ id: otherId, code: 'A-01-02-1', ...placement }],
      at,
    );
    parts.push(sql.take('insertLocationRows (rows as one JSON parameter; taken codes insert nothing)'));
    await repo.updateLocationRows(sql.db, tenantId, [{ id, ...placement }]);
    parts.push(sql.take('updateLocationRows (rows as one JSON parameter; a dock keeps its kind)'));
    await expect(parts.join('\n')).toMatchFileSnapshot('./location.repository.sql');
  });
});
