import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { makeItem, makeLocation, makeWarehouse } from '../allocation/allocation-fixtures.test-helper.js';
import { recordMoves } from '../stock/ledger.service.js';
import { stock } from '../stock/stock.table.js';
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

describe('who weighed goods in', () => {
  it("is the user of the latest receipt of the row's own item into its location, not of another item", async () => {
    const t = newId();
    const wh = await makeWarehouse(database.db, t, 'WH1');
    const at = await makeLocation(database.db, t, wh.id, 'A-01-01-1');
    const fish = await makeItem(database.db, t, 'FISH', { catchWeight: true });
    const crab = await makeItem(database.db, t, 'CRAB', { catchWeight: true });
    const [fishReceiver, crabReceiver] = [newId(), newId()];
    const receive = (itemId: string, actorUserId: string, occurredAt: Date) =>
      database.db.transaction((tx) =>
        recordMoves(tx, t, [
          {
            warehouseId: wh.id,
            kind: 'receipt',
            itemId,
            lotId: null,
            toLocationId: at,
            quantity: 4,
            occurredAt,
            actorUserId,
          },
        ]),
      );
    await receive(fish, fishReceiver, new Date('2026-03-01T08:00:00Z'));
    // Later, another item goes into the same location by someone else.
    await receive(crab, crabReceiver, new Date('2026-03-02T08:00:00Z'));
    const rows = await database.db
      .select({ id: stock.id, itemId: stock.itemId })
      .from(stock)
      .where(eq(stock.tenantId, t));
    const weighIns = await repo.listWeighIns(
      database.db,
      t,
      rows.map((row) => row.id),
    );
    const receiverOf = (itemId: string) =>
      weighIns.find((row) => row.stockId === rows.find((r) => r.itemId === itemId)?.id)?.weighedInByUserId;
    expect(receiverOf(fish)).toBe(fishReceiver);
    expect(receiverOf(crab)).toBe(crabReceiver);
  });
});
