import { describe, expect, it } from 'vitest';
import { makeTenant, TEST_PASSWORD } from '../../../../test/helpers/factories.js';
import { signInCookie, useTestApp } from '../../../../test/helpers/server.js';
import type { Warehouse } from '../layout/layout.contract.js';
import type { MovePage, StockPage } from '../stock/stock.contract.js';

const ctx = useTestApp();

async function stockedWarehouse() {
  const { admin } = await makeTenant(ctx.database.db);
  const cookie = await signInCookie(ctx.app, admin.email, TEST_PASSWORD);
  const post = (url: string, payload?: object, headers: Record<string, string> = {}) =>
    ctx.app.inject({ method: 'POST', url, headers: { cookie, ...headers }, payload });
  const warehouse = (await post('/api/warehouses', { code: 'WH', name: 'WH' })).json<Warehouse>();
  for (const code of ['A-01-01-1', 'A-01-02-1', 'A-02-01-1'])
    await post(`/api/warehouses/${warehouse.id}/locations`, { code });
  await post('/api/items', { sku: 'MILK', name: '牛奶' });
  await post('/api/items', { sku: 'EGG', name: '鸡蛋' });
  return { cookie, post, warehouse };
}

describe('inbound and stock routes', () => {
  it('receives (idempotently), puts away, counts, and shows stock and the ledger page by page', async () => {
    const { cookie, post, warehouse } = await stockedWarehouse();
    const base = `/api/warehouses/${warehouse.id}`;
    const body = {
      reference: 'PO-7',
      lines: [
        { sku: 'MILK', quantity: 10, lot: { lotNumber: 'L1', expiryDate: '2026-09-01' } },
        { sku: 'EGG', quantity: 4, putawayTo: 'A-02-01-1' },
      ],
    };
    const receipt = await post(`${base}/receipts`, body, { 'idempotency-key': 'r-1' });
    expect(receipt.statusCode).toBe(201);
    expect(receipt.json()).toMatchObject({ reference: 'PO-7', moves: 3 });
    const replay = await post(`${base}/receipts`, body, { 'idempotency-key': 'r-1' });
    expect(replay.json()).toEqual(receipt.json());
    const bad = await post(`${base}/receipts`, { lines: [{ sku: 'NOPE', quantity: 1 }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      code: 'warehouse.receipt.invalid',
      errors: [{ path: 'lines.0.sku' }],
    });
    const moved = await post(`${base}/putaways`, { sku: 'MILK', to: 'A-01-01-1', quantity: 6 });
    expect(moved.statusCode).toBe(201);
    expect(moved.json()).toMatchObject({ kind: 'putaway', fromLocationCode: 'RECV', lotNumber: 'L1' });
    const counted = await post(`${base}/adjustments`, {
      location: 'A-01-01-1',
      sku: 'MILK',
      lotNumber: 'L1',
      countedQuantity: 5,
      reason: 'damaged',
    });
    expect(counted.statusCode).toBe(200);
    expect(counted.json()).toMatchObject({ before: 6, after: 5 });

    const first = await ctx.app.inject({
      url: `/api/stock?warehouseId=${warehouse.id}&limit=2`,
      headers: { cookie },
    });
    const page = first.json<StockPage>();
    expect(page.items.map((r) => [r.locationCode, r.sku, r.onHand, r.available])).toEqual([
      ['A-01-01-1', 'MILK', 5, 5],
      ['A-02-01-1', 'EGG', 4, 4],
    ]);
    const rest = await ctx.app.inject({
      url: `/api/stock?warehouseId=${warehouse.id}&limit=2&after=${page.nextCursor}`,
      headers: { cookie },
    });
    expect(rest.json()).toMatchObject({ items: [{ locationCode: 'RECV', onHand: 4 }], nextCursor: null });
    const byLot = await ctx.app.inject({ url: '/api/stock?lot=L1&q=milk', headers: { cookie } });
    expect(byLot.json<StockPage>().items).toHaveLength(2);

    const moves = await ctx.app.inject({
      url: `/api/stock-moves?warehouseId=${warehouse.id}&limit=3`,
      headers: { cookie },
    });
    const movePage = moves.json<MovePage>();
    expect(movePage.items[0]).toMatchObject({
      kind: 'adjustment',
      reason: 'damaged',
      fromLocationCode: 'A-01-01-1',
    });
    const older = await ctx.app.inject({
      url: `/api/stock-moves?warehouseId=${warehouse.id}&limit=3&after=${movePage.nextCursor}`,
      headers: { cookie },
    });
    const all = [...movePage.items, ...older.json<MovePage>().items];
    expect(all.map((m) => m.kind)).toHaveLength(5);
    expect(new Set(all.map((m) => m.id)).size).toBe(5);
    const at = await ctx.app.inject({ url: '/api/stock-moves?location=A-02-01-1', headers: { cookie } });
    expect(at.json<MovePage>().items.map((m) => m.kind)).toEqual(['putaway']);
    const badCursor = await ctx.app.inject({ url: '/api/stock?after=nope', headers: { cookie } });
    expect(badCursor.json()).toMatchObject({ code: 'warehouse.stock.cursor_invalid' });

    const rebuild = await post(`${base}/stock/rebuild?repair=false`);
    expect(rebuild.json()).toMatchObject({
      moves: 5,
      differences: [],
      reservationDifferences: 0,
      repaired: false,
    });
  });
});
