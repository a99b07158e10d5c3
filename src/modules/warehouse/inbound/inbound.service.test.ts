import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { fixedClock } from '../../../platform/clock.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { reservations } from '../stock/stock.table.js';
import { receipts } from '../stock/stock.table.js';
import { listMoves, listStock } from '../stock/stock.service.js';
import { adjustStock, putaway } from './inbound.service.js';
import { receive } from './receipt.service.js';
import { makeWarehouse } from './inbound.test-helper.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const clock = fixedClock('2026-03-01T08:00:00Z');

describe('receipts', () => {
  it('receives into RECV or straight to a location, creates lots once, and back-dates the moves', async () => {
    const { actor, deps, warehouse } = await makeWarehouse(database.db, clock);
    const lot = { lotNumber: 'L1', productionDate: '2026-01-10', expiryDate: '2026-07-10' };
    const receipt = await receive(deps, actor, warehouse.id, {
      supplierCode: 'SUP',
      reference: 'PO-1',
      receivedAt: '2026-02-01T09:00:00+08:00',
      lines: [
        { sku: 'MILK', quantity: 10, lot },
        { sku: 'MILK', quantity: 5, lot: { lotNumber: 'L1' }, putawayTo: 'A-01-02-1' },
        { sku: 'FISH', quantity: 3, weightKg: 4.5, putawayTo: 'A-02-01-1' },
      ],
    });
    expect(receipt).toMatchObject({ reference: 'PO-1', receivedAt: '2026-02-01T01:00:00.000Z', moves: 5 });
    const [header] = await database.db.select().from(receipts).where(eq(receipts.id, receipt.id));
    expect(header).toMatchObject({ supplierId: receipt.supplierId, reference: 'PO-1' });
    const stock = await listStock(deps, actor, { warehouseId: warehouse.id, includeEmpty: false, limit: 50 });
    expect(
      stock.items.map((r) => [r.locationCode, r.sku, r.lotNumber, r.onHand, r.weightKg, r.putawayAt]),
    ).toEqual([
      ['A-01-02-1', 'MILK', 'L1', 5, null, '2026-02-01T01:00:00.000Z'],
      ['A-02-01-1', 'FISH', null, 3, 4.5, '2026-02-01T01:00:00.000Z'],
      ['RECV', 'MILK', 'L1', 10, null, '2026-02-01T01:00:00.000Z'],
    ]);
    expect(stock.items[0]).toMatchObject({ expiryDate: '2026-07-10', reserved: 0, available: 5 });
    // An emptied catch-weight row starts over: its old weight does not linger.
    await adjustStock(deps, actor, warehouse.id, {
      location: 'A-02-01-1',
      sku: 'FISH',
      countedQuantity: 0,
      reason: 'lost',
    });
    await receive(deps, actor, warehouse.id, {
      lines: [{ sku: 'FISH', quantity: 2, weightKg: 3, putawayTo: 'A-02-01-1' }],
    });
    const fish = await listStock(deps, actor, {
      warehouseId: warehouse.id,
      itemId: stock.items[1]!.itemId,
      includeEmpty: false,
      limit: 5,
    });
    expect(fish.items).toMatchObject([{ onHand: 2, weightKg: 3, putawayAt: '2026-03-01T08:00:00.000Z' }]);
    const moves = (await listMoves(deps, actor, { warehouseId: warehouse.id, limit: 20 })).items.filter(
      (m) => m.receiptId === receipt.id,
    );
    expect(moves.map((m) => m.kind).sort()).toEqual(['putaway', 'putaway', 'receipt', 'receipt', 'receipt']);
    expect(moves.every((m) => m.occurredAt === '2026-02-01T01:00:00.000Z')).toBe(true);
  });

  it('names every bad line and changes nothing', async () => {
    const { actor, deps, warehouse } = await makeWarehouse(database.db, clock);
    const before = await database.db.select().from(receipts);
    await expect(
      receive(deps, actor, warehouse.id, {
        lines: [
          { sku: 'MILK', quantity: 1 },
          { sku: 'NOPE', quantity: 1 },
          { sku: 'FISH', quantity: 1 },
          { sku: 'MILK', quantity: 1, putawayTo: 'SHIP' },
        ],
      }),
    ).rejects.toMatchObject({
      code: 'warehouse.receipt.invalid',
      issues: [{ path: 'lines.1.sku' }, { path: 'lines.2.weightKg' }, { path: 'lines.3.putawayTo' }],
    });
    await receive(deps, actor, warehouse.id, {
      lines: [{ sku: 'MILK', quantity: 1, lot: { lotNumber: 'L1', expiryDate: '2026-05-01' } }],
    });
    await expect(
      receive(deps, actor, warehouse.id, {
        lines: [
          { sku: 'MILK', quantity: 7 },
          { sku: 'MILK', quantity: 1, lot: { lotNumber: 'L1', expiryDate: '2026-06-01' } },
        ],
      }),
    ).rejects.toMatchObject({ code: 'warehouse.lot.dates_conflict', issues: [{ path: 'lines.1.lot' }] });
    expect((await database.db.select().from(receipts)).length).toBe(before.length + 1);
    const stock = await listStock(deps, actor, { warehouseId: warehouse.id, includeEmpty: true, limit: 50 });
    expect(stock.items.map((r) => r.onHand)).toEqual([1]);
  });
});

describe('putaway and adjustments', () => {
  it('puts away the only lot at RECV, refuses non-storage targets and too much', async () => {
    const { actor, deps, warehouse } = await makeWarehouse(database.db, clock);
    await receive(deps, actor, warehouse.id, {
      lines: [{ sku: 'MILK', quantity: 8, lot: { lotNumber: 'L1' } }],
    });
    const move = await putaway(deps, actor, warehouse.id, {
      sku: 'MILK',
      from: 'RECV',
      to: 'A-01-01-1',
      quantity: 5,
    });
    expect(move).toMatchObject({
      kind: 'putaway',
      fromLocationCode: 'RECV',
      toLocationCode: 'A-01-01-1',
      lotNumber: 'L1',
      quantity: 5,
    });
    await expect(
      putaway(deps, actor, warehouse.id, { sku: 'MILK', from: 'RECV', to: 'SHIP', quantity: 1 }),
    ).rejects.toMatchObject({
      issues: [{ path: 'to' }],
    });
    await expect(
      putaway(deps, actor, warehouse.id, { sku: 'MILK', from: 'RECV', to: 'A-09', quantity: 1 }),
    ).rejects.toMatchObject({
      code: 'warehouse.location.not_found',
      issues: [{ path: 'to' }],
    });
    await expect(
      putaway(deps, actor, warehouse.id, {
        sku: 'MILK',
        lotNumber: 'L1',
        from: 'RECV',
        to: 'A-01-02-1',
        quantity: 4,
      }),
    ).rejects.toMatchObject({ code: 'warehouse.stock.insufficient' });
  });

  it('turns a count into one adjustment move and refuses to count below reservations', async () => {
    const { actor, deps, warehouse } = await makeWarehouse(database.db, clock);
    await receive(deps, actor, warehouse.id, {
      lines: [{ sku: 'MILK', quantity: 10, lot: { lotNumber: 'L1' }, putawayTo: 'A-01-01-1' }],
    });
    const count = (countedQuantity: number) =>
      adjustStock(deps, actor, warehouse.id, {
        location: 'A-01-01-1',
        sku: 'MILK',
        lotNumber: 'L1',
        countedQuantity,
        reason: 'cycle_count',
        note: 'shelf check',
      });
    const loss = await count(7);
    expect(loss).toMatchObject({ before: 10, after: 7 });
    expect(await count(7)).toEqual({ before: 7, after: 7, moveId: null });
    const gain = await count(9);
    const moves = await listMoves(deps, actor, { warehouseId: warehouse.id, kind: 'adjustment', limit: 10 });
    expect(
      moves.items.map((m) => [m.id, m.fromLocationCode, m.toLocationCode, m.quantity, m.reason, m.note]),
    ).toEqual(
      expect.arrayContaining([
        [loss.moveId, 'A-01-01-1', null, 3, 'cycle_count', 'shelf check'],
        [gain.moveId, null, 'A-01-01-1', 2, 'cycle_count', 'shelf check'],
      ]),
    );
    const [row] = (
      await listStock(deps, actor, {
        warehouseId: warehouse.id,
        location: 'A-01',
        includeEmpty: false,
        limit: 5,
      })
    ).items;
    const orderId = newId();
    await database.db.insert(reservations).values({
      tenantId: actor.tenantId,
      id: newId(),
      orderId,
      lineNo: 1,
      stockId: row!.id,
      quantity: 6,
      status: 'active',
      createdAt: clock.now(),
    });
    const reserved = (
      await listStock(deps, actor, {
        warehouseId: warehouse.id,
        location: 'A-01',
        includeEmpty: false,
        limit: 5,
      })
    ).items[0];
    expect(reserved).toMatchObject({ onHand: 9, reserved: 6, available: 3 });
    await expect(count(5)).rejects.toMatchObject({
      code: 'warehouse.stock.reserved',
      details: { orders: [{ orderId, quantity: 6 }] },
    });
    expect(await count(6)).toMatchObject({ before: 9, after: 6 });
    await expect(
      putaway(deps, actor, warehouse.id, { sku: 'MILK', from: 'A-01-01-1', to: 'A-01-02-1', quantity: 1 }),
    ).rejects.toMatchObject({ code: 'warehouse.stock.reserved' });
  });
});
