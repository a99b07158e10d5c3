import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import * as repo from './ledger.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const tenantId = '0190c9a8-0000-7000-8000-0000000000aa';
const id = '0190c9a8-0000-7000-8000-0000000000bb';
const at = new Date('2026-03-01T00:00:00Z');

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('ledger repository queries', () => {
  it('match ledger.repository.sql', async () => {
    const change = {
      key: `${id}|${id}|`,
      warehouseId: id,
      locationId: id,
      itemId: id,
      lotId: null,
      quantity: 2,
      weightKg: null,
      grams: 0,
      weighed: 0,
      summable: true,
      firstAt: at,
      lastAt: at,
    };
    const move = {
      warehouseId: id,
      kind: 'receipt' as const,
      itemId: id,
      lotId: null,
      toLocationId: id,
      quantity: 2,
      occurredAt: at,
    };
    const row = { warehouseId: id, locationId: id, itemId: id, lotId: null, onHand: 2, putawayAt: at };
    await expect(
      await snapshotRepository(database.pool, repo, [
        ['insertMoves', (db) => repo.insertMoves(db, tenantId, [move], [id])],
        ['putIntoRows', (db) => repo.putIntoRows(db, tenantId, [change])],
        ['takeFromRows', (db) => repo.takeFromRows(db, tenantId, [change])],
        ['listOnHandOfRows', (db) => repo.listOnHandOfRows(db, tenantId, [change])],
        ['setOnHandFromLedger', (db) => repo.setOnHandFromLedger(db, tenantId, [row])],
      ]),
    ).toMatchFileSnapshot('./ledger.repository.sql');
  });
});
