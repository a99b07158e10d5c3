import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTenant, makeUser, TEST_PASSWORD } from '../../../../test/helpers/factories.js';
import { createTestApp, signInCookie } from '../../../../test/helpers/server.js';
import { fixedClock } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import {
  makeItem,
  makeOrder,
  makeSupplier,
  makeWarehouse,
} from '../documents/document-fixtures.test-helper.js';
import { recordMoves } from '../stock/ledger.service.js';
import { receipts } from '../stock/stock.table.js';
import type { ScorecardList, SupplierScorecard } from './scorecard.contract.js';

// 2026-03-15 12:00 in Shanghai.
const clock = fixedClock('2026-03-15T04:00:00Z');
let app: Awaited<ReturnType<typeof createTestApp>>;

beforeAll(async () => {
  app = await createTestApp({ clock });
});
afterAll(async () => app.close());

/** A tenant's warehouse and item, and helpers to receive from and return to suppliers at given times. */
async function tenantWithWarehouse(db: Db) {
  const { tenant, admin } = await makeTenant(db);
  const warehouse = await makeWarehouse(db, tenant.id, { locations: { 'A-01-01-1': 1 } });
  const item = await makeItem(db, tenant.id, { sku: 'MILK-1L', name: '有机牛奶' });
  const receive = async (supplierId: string, at: string, quantities: number[]) => {
    const receiptId = newId();
    await db.insert(receipts).values({
      tenantId: tenant.id,
      id: receiptId,
      warehouseId: warehouse.id,
      supplierId,
      receivedAt: new Date(at),
    });
    await recordMoves(
      db,
      tenant.id,
      quantities.map((quantity) => ({
        warehouseId: warehouse.id,
        kind: 'receipt' as const,
        itemId: item,
        lotId: null,
        toLocationId: warehouse.locationIds.get('RECV')!,
        quantity,
        receiptId,
        occurredAt: new Date(at),
      })),
    );
  };
  const giveBack = async (
    supplierId: string,
    at: string,
    reason: string,
    quantities: number[],
    status = 'pending',
  ) =>
    makeOrder(
      db,
      tenant.id,
      {
        warehouseId: warehouse.id,
        type: 'return_to_supplier',
        returnReason: reason,
        supplierId,
        status,
        pushedAt: new Date(at),
        priority: 'low',
      },
      quantities.map((quantity) => ({ itemId: item, quantity })),
    );
  const cookie = await signInCookie(app.app, admin.email, TEST_PASSWORD);
  const call = (method: 'GET' | 'PATCH', url: string, payload?: object, as = cookie) =>
    app.app.inject({ method, url, headers: { cookie: as }, ...(payload ? { payload } : {}) });
  return { tenant, cookie, receive, giveBack, call };
}

let a: Awaited<ReturnType<typeof tenantWithWarehouse>>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  const db = app.database.db;
  a = await tenantWithWarehouse(db);
  ids.dairy = await makeSupplier(db, a.tenant.id, 'SUP-DAIRY', '光明乳业');
  ids.fruit = await makeSupplier(db, a.tenant.id, 'SUP-FRUIT', '果园');
  ids.idle = await makeSupplier(db, a.tenant.id, 'SUP-IDLE', '闲置');
  ids.onlyReturns = await makeSupplier(db, a.tenant.id, 'SUP-RET', '只退货');
  // Dairy: 00:30 on 1 January in Shanghai is still 31 December in UTC, and counts for January.
  await a.receive(ids.dairy, '2025-12-31T16:30:00Z', [10]);
  await a.receive(ids.dairy, '2026-01-10T02:00:00Z', [60, 40]);
  await a.receive(ids.dairy, '2026-03-02T02:00:00Z', [50]);
  await a.giveBack(ids.dairy, '2025-11-20T02:00:00Z', 'over_delivery', [4]);
  await a.giveBack(ids.dairy, '2026-01-20T02:00:00Z', 'defective', [3, 1]);
  await a.giveBack(ids.dairy, '2026-02-05T02:00:00Z', 'expired', [2]);
  await a.giveBack(ids.dairy, '2026-03-03T02:00:00Z', 'wrong_goods', [5], 'shipped');
  await a.giveBack(ids.dairy, '2026-03-04T02:00:00Z', 'defective', [50], 'cancelled');
  // Fruit: everything in February.
  await a.receive(ids.fruit, '2026-02-01T02:00:00Z', [20]);
  await a.giveBack(ids.fruit, '2026-02-10T02:00:00Z', 'over_delivery', [10]);
  // Returns without receipts.
  await a.giveBack(ids.onlyReturns, '2026-01-05T02:00:00Z', 'other', [2]);
  // Idle: received and returned long ago only.
  await a.receive(ids.idle, '2025-06-01T02:00:00Z', [5]);
});

describe('supplier scorecard API', () => {
  it('scores each supplier per month and overall with the default weights, worst first', async () => {
    const response = await a.call('GET', '/api/suppliers/scorecard?months=3');
    expect(response.statusCode).toBe(200);
    const list = response.json<ScorecardList>();
    expect(list).toMatchObject({
      from: '2026-01',
      to: '2026-03',
      weights: { wrong_goods: 1, defective: 1.5, expired: 1, over_delivery: 0.5, other: 0.5 },
    });
    expect(list.items.map((card) => card.code)).toEqual(['SUP-RET', 'SUP-FRUIT', 'SUP-DAIRY']);
    const dairy = list.items[2]!;
    expect(dairy).toMatchObject({
      supplierId: ids.dairy,
      name: '光明乳业',
      receivedQuantity: 160,
      returnedQuantity: 11,
      byReason: { defective: 4, expired: 2, wrong_goods: 5 },
      weightedReturns: 13,
    });
    expect(dairy.score).toBeCloseTo(100 - (100 * 13) / 160, 2);
    expect(dairy.months).toEqual([
      {
        month: '2026-01',
        receivedQuantity: 110,
        returnedQuantity: 4,
        byReason: { defective: 4 },
        weightedReturns: 6,
        score: 94.55,
      },
      {
        month: '2026-02',
        receivedQuantity: 0,
        returnedQuantity: 2,
        byReason: { expired: 2 },
        weightedReturns: 2,
        score: null,
      },
      {
        month: '2026-03',
        receivedQuantity: 50,
        returnedQuantity: 5,
        byReason: { wrong_goods: 5 },
        weightedReturns: 5,
        score: 90,
      },
    ]);
    expect(list.items[1]).toMatchObject({ receivedQuantity: 20, weightedReturns: 5, score: 75 });
    expect(list.items[0]).toMatchObject({ receivedQuantity: 0, returnedQuantity: 2, score: null });
  });

  it('gives a continuous six-month trend by default, empty months as zeros', async () => {
    const dairy = (await a.call('GET', `/api/suppliers/${ids.dairy}/scorecard`)).json<SupplierScorecard>();
    expect(dairy.months.map((month) => month.month)).toEqual([
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    expect(dairy.months[0]).toEqual({
      month: '2025-10',
      receivedQuantity: 0,
      returnedQuantity: 0,
      byReason: {},
      weightedReturns: 0,
      score: null,
    });
    expect(dairy.months[1]).toMatchObject({ returnedQuantity: 4, byReason: { over_delivery: 4 } });
    expect(dairy.months[2]!.receivedQuantity).toBe(0);
    expect(dairy).toMatchObject({ returnedQuantity: 15, weightedReturns: 15, receivedQuantity: 160 });
    // Suppliers without activity in the window are left out of the list, but can be asked for.
    const list = (await a.call('GET', '/api/suppliers/scorecard')).json<ScorecardList>();
    expect(list.items.map((card) => card.code)).not.toContain('SUP-IDLE');
    const idle = (
      await a.call('GET', `/api/suppliers/${ids.idle}/scorecard?months=2`)
    ).json<SupplierScorecard>();
    expect(idle).toMatchObject({ receivedQuantity: 0, returnedQuantity: 0, score: null });
    expect(idle.months).toHaveLength(2);
    const longer = (
      await a.call('GET', `/api/suppliers/${ids.idle}/scorecard?months=12`)
    ).json<SupplierScorecard>();
    expect(longer).toMatchObject({ receivedQuantity: 5, score: 100 });
  });

  it('changes the scores when the tenant changes its reason weights', async () => {
    const patched = await a.call('PATCH', '/api/warehouse/settings', {
      returnReasonWeights: { defective: 3, over_delivery: 2 },
    });
    expect(patched.statusCode).toBe(200);
    try {
      const list = (await a.call('GET', '/api/suppliers/scorecard?months=3')).json<ScorecardList>();
      expect(list.weights).toMatchObject({ defective: 3, over_delivery: 2 });
      // Fruit 100 − 100 × 20 / 20 = 0 is now the worst scored supplier.
      expect(list.items.map((card) => [card.code, card.score])).toEqual([
        ['SUP-RET', null],
        ['SUP-FRUIT', 0],
        ['SUP-DAIRY', expect.closeTo(100 - (100 * 19) / 160, 2)],
      ]);
      const dairy = list.items[2]!;
      expect(dairy.weightedReturns).toBe(19);
      expect(dairy.months[0]!.score).toBeCloseTo(100 - (100 * 12) / 110, 2);
    } finally {
      await a.call('PATCH', '/api/warehouse/settings', {
        returnReasonWeights: { defective: 1.5, over_delivery: 0.5 },
      });
    }
  });

  it('keeps tenants apart, answers 404 for unknown suppliers and 400 for bad months', async () => {
    const b = await tenantWithWarehouse(app.database.db);
    const theirs = await makeSupplier(app.database.db, b.tenant.id, 'SUP-DAIRY', '别家乳业');
    await b.receive(theirs, '2026-03-01T02:00:00Z', [7]);
    await b.giveBack(theirs, '2026-03-05T02:00:00Z', 'defective', [7]);
    const listB = (await b.call('GET', '/api/suppliers/scorecard')).json<ScorecardList>();
    expect(listB.items).toHaveLength(1);
    expect(listB.items[0]).toMatchObject({ supplierId: theirs, receivedQuantity: 7, score: 0 });
    const listA = (await a.call('GET', '/api/suppliers/scorecard')).json<ScorecardList>();
    expect(listA.items.map((card) => card.supplierId)).not.toContain(theirs);
    expect(listA.items.find((card) => card.code === 'SUP-DAIRY')!.receivedQuantity).toBe(160);
    const crossed = await b.call('GET', `/api/suppliers/${ids.dairy}/scorecard`);
    expect(crossed.statusCode).toBe(404);
    expect(crossed.json()).toMatchObject({ code: 'warehouse.supplier.not_found' });
    expect((await a.call('GET', `/api/suppliers/${newId()}/scorecard`)).statusCode).toBe(404);
    for (const months of ['0', '37', 'x', '1.5']) {
      expect((await a.call('GET', `/api/suppliers/scorecard?months=${months}`)).statusCode).toBe(400);
    }
  });

  it('lets pickers read scorecards and refuses roles without warehouse.read', async () => {
    const picker = await makeUser(app.database.db, a.tenant, 'picker');
    const pickerCookie = await signInCookie(app.app, picker.email, TEST_PASSWORD);
    expect((await a.call('GET', '/api/suppliers/scorecard', undefined, pickerCookie)).statusCode).toBe(200);
    const rep = await makeUser(app.database.db, a.tenant, 'sales_rep');
    const repCookie = await signInCookie(app.app, rep.email, TEST_PASSWORD);
    expect((await a.call('GET', '/api/suppliers/scorecard', undefined, repCookie)).statusCode).toBe(403);
  });
});
