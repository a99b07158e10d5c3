import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { makeTenant, makeUser, TEST_PASSWORD } from '../../../../test/helpers/factories.js';
import { signInCookie, useTestApp } from '../../../../test/helpers/server.js';
import { createCustomer } from '../../crm/index.js';
import { systemClock } from '../../../platform/clock.js';
import { domainEvents } from '../../../platform/events/domain-event.table.js';
import type { AllocationResult } from '../allocation/allocation.contract.js';
import {
  findReservationDrift,
  makeItem,
  makeLocation,
  makeLot,
  makeSupplier,
  makeWarehouse,
  putStock,
} from '../allocation/allocation-fixtures.test-helper.js';
import { stock, stockMoves } from '../stock/stock.table.js';
import type { OrderPage, OutboundOrderDetail } from './order.contract.js';

type Problem = { code: string; errors: { path: string }[] };

const ctx = useTestApp();

/** A tenant with an admin session, warehouse WH1 (+ WH2) and stock of SKU-A (20 units, two lots) and FISH. */
async function world() {
  const db = ctx.database.db;
  const { tenant, admin } = await makeTenant(db);
  const cookie = await signInCookie(ctx.app, admin.email, TEST_PASSWORD);
  const t = tenant.id;
  const wh = await makeWarehouse(db, t, 'WH1');
  const wh2 = await makeWarehouse(db, t, 'WH2');
  const supplierId = await makeSupplier(db, t, 'SUP1');
  const a1 = await makeLocation(db, t, wh.id, 'A-01-01-1', { pathRank: 1 });
  const a2 = await makeLocation(db, t, wh.id, 'A-02-01-1', { pathRank: 2 });
  const itemA = await makeItem(db, t, 'SKU-A', { supplierId });
  const fish = await makeItem(db, t, 'FISH', { catchWeight: true });
  const lot1 = await makeLot(db, t, itemA, 'L1', { productionDate: '2026-01-01' });
  const lot2 = await makeLot(db, t, itemA, 'L2', { productionDate: '2026-01-02' });
  await putStock(db, t, { warehouseId: wh.id, locationId: a1, itemId: itemA, lotId: lot1, quantity: 12 });
  await putStock(db, t, { warehouseId: wh.id, locationId: a2, itemId: itemA, lotId: lot2, quantity: 8 });
  await putStock(db, t, { warehouseId: wh.id, locationId: a2, itemId: fish, quantity: 5 });
  const post = (url: string, payload?: object, headers: Record<string, string> = {}) =>
    ctx.app.inject({ method: 'POST', url, headers: { cookie, ...headers }, ...(payload ? { payload } : {}) });
  const get = (url: string, as = cookie) => ctx.app.inject({ url, headers: { cookie: as } });
  let n = 0;
  const push = async (payload: object = {}) => {
    const response = await post('/api/outbound-orders', {
      warehouse: 'WH1',
      externalRef: `SO-${n++}`,
      type: 'requisition',
      lines: [{ sku: 'SKU-A', quantity: 3 }],
      ...payload,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<OutboundOrderDetail>();
  };
  return { tenant, admin, cookie, t, wh, wh2, itemA, fish, post, get, push };
}

describe('pushing orders', () => {
  it('is idempotent by Idempotency-Key and by source + external reference', async () => {
    const { post } = await world();
    const body = {
      warehouse: 'WH1',
      source: 'erp',
      externalRef: 'ERP-1',
      type: 'sales',
      lines: [{ sku: 'SKU-A', quantity: 1 }],
    };
    const first = await post('/api/outbound-orders', body, { 'idempotency-key': 'k-1' });
    expect(first.statusCode).toBe(201);
    const replay = await post('/api/outbound-orders', body, { 'idempotency-key': 'k-1' });
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const again = await post('/api/outbound-orders', { ...body, priority: 'urgent' });
    expect(again.statusCode).toBe(200);
    expect(again.json<OutboundOrderDetail>()).toMatchObject({
      id: first.json<OutboundOrderDetail>().id,
      priority: 'normal',
    });
    const otherSource = await post('/api/outbound-orders', { ...body, source: 'shop' });
    expect(otherSource.statusCode).toBe(201);
    // Racing pushes of one pair: the unique index lets one in, the others answer it.
    const racing = await Promise.all(
      [1, 2, 3].map(() => post('/api/outbound-orders', { ...body, externalRef: 'ERP-2' })),
    );
    expect(racing.map((r) => r.statusCode).sort()).toEqual([200, 200, 201]);
    expect(new Set(racing.map((r) => r.json<OutboundOrderDetail>().id)).size).toBe(1);
  });

  it('rejects orders that break their type rules, naming the fields', async () => {
    const { post } = await world();
    const order = (payload: object) =>
      post('/api/outbound-orders', {
        warehouse: 'WH1',
        externalRef: 'X',
        type: 'sales',
        lines: [{ sku: 'SKU-A', quantity: 1 }],
        ...payload,
      });
    const paths = async (payload: object) => {
      const response = await order(payload);
      expect(response.statusCode).toBe(400);
      return response
        .json<Problem>()
        .errors.map((e) => e.path)
        .sort();
    };
    expect(
      await paths({
        lines: [
          { sku: 'SKU-A', quantity: 1 },
          { sku: 'NOPE', quantity: 1 },
        ],
      }),
    ).toEqual(['lines.1.sku']);
    expect(await paths({ lines: [{ sku: 'SKU-A', quantity: 1, lotNumber: 'L9' }] })).toEqual([
      'lines.0.lotNumber',
    ]);
    expect(await paths({ type: 'return_to_supplier', lines: [{ sku: 'FISH', quantity: 1 }] })).toEqual([
      'returnReason',
      'supplierCode',
    ]);
    expect(
      await paths({ type: 'return_to_supplier', returnReason: 'defective', supplierCode: 'NOPE' }),
    ).toEqual(['supplierCode']);
    expect(await paths({ type: 'transfer', targetWarehouse: 'WH1' })).toEqual(['targetWarehouse']);
    expect(await paths({ type: 'transfer' })).toEqual(['targetWarehouse']);
    expect(await paths({ returnReason: 'expired' })).toEqual(['returnReason']);
    expect(await paths({ warehouse: 'NOPE' })).toEqual(['warehouse']);
    const unknown = await order({ customerId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.json()).toMatchObject({
      code: 'warehouse.order.unknown_customer',
      errors: [{ path: 'customerId' }],
    });
    const returned = await order({ type: 'return_to_supplier', returnReason: 'defective' });
    expect(returned.statusCode).toBe(201);
    expect(returned.json<OutboundOrderDetail>().supplierId).not.toBeNull();
    const transfer = await order({ type: 'transfer', targetWarehouse: 'WH2', externalRef: 'T1' });
    expect(transfer.statusCode).toBe(201);
  });

  it('lists the pool urgent first, then by push time, with filters and cursors', async () => {
    const { push, get } = await world();
    const late = await push({
      priority: 'normal',
      pushedAt: '2026-03-01T10:00:00Z',
      carrier: 'SF',
      destination: { province: '浙江' },
    });
    const early = await push({
      priority: 'normal',
      pushedAt: '2026-03-01T08:00:00Z',
      carrier: 'JD',
      destination: { province: '江苏' },
    });
    const urgent = await push({ priority: 'urgent', pushedAt: '2026-03-02T08:00:00Z', externalRef: 'URG-1' });
    const low = await push({ priority: 'low', pushedAt: '2026-02-01T08:00:00Z', type: 'scrap' });
    const ids = (page: OrderPage) => page.items.map((o) => o.id);
    const all = (await get('/api/outbound-orders')).json<OrderPage>();
    expect(ids(all)).toEqual([urgent.id, early.id, late.id, low.id]);
    expect(all.items[0]).toMatchObject({ lineCount: 1, quantity: 3, warehouseCode: 'WH1' });
    const first = (await get('/api/outbound-orders?limit=3')).json<OrderPage>();
    const rest = (await get(`/api/outbound-orders?limit=3&after=${first.nextCursor}`)).json<OrderPage>();
    expect([...ids(first), ...ids(rest)]).toEqual(ids(all));
    expect(rest.nextCursor).toBeNull();
    expect(ids((await get('/api/outbound-orders?carrier=SF')).json())).toEqual([late.id]);
    expect(ids((await get(`/api/outbound-orders?province=${encodeURIComponent('江苏')}`)).json())).toEqual([
      early.id,
    ]);
    expect(ids((await get('/api/outbound-orders?type=scrap')).json())).toEqual([low.id]);
    expect(ids((await get('/api/outbound-orders?priority=urgent')).json())).toEqual([urgent.id]);
    expect(ids((await get('/api/outbound-orders?q=urg')).json())).toEqual([urgent.id]);
    expect((await get('/api/outbound-orders?after=garbage')).json()).toMatchObject({
      code: 'warehouse.order.cursor_invalid',
    });
  });
});

describe('allocating, cancelling and shipping', () => {
  it('cancel releases the reservations through the ledger; a shipped order cannot be cancelled', async () => {
    const { push, post, get, t } = await world();
    const order = await push({ lines: [{ sku: 'SKU-A', quantity: 15 }] });
    const allocated = await post(`/api/outbound-orders/${order.id}/allocate`);
    expect(allocated.json<AllocationResult>()).toMatchObject({
      status: 'allocated',
      lines: [{ allocated: 15 }],
    });
    const detail = (await get(`/api/outbound-orders/${order.id}`)).json<OutboundOrderDetail>();
    expect(detail.lines[0]).toMatchObject({ allocated: 15, shortQuantity: 0 });
    expect(detail.reservations.map((r) => [r.locationCode, r.lotNumber, r.quantity])).toEqual([
      ['A-01-01-1', 'L1', 12],
      ['A-02-01-1', 'L2', 3],
    ]);
    const cancelled = await post(`/api/outbound-orders/${order.id}/cancel`);
    expect(cancelled.json<OutboundOrderDetail>()).toMatchObject({
      status: 'cancelled',
      reservations: [],
      lines: [{ allocated: 0 }],
    });
    const releases = await ctx.database.db
      .select()
      .from(stockMoves)
      .where(
        and(eq(stockMoves.tenantId, t), eq(stockMoves.orderId, order.id), eq(stockMoves.reason, 'cancel')),
      );
    expect(releases.map((m) => m.quantity).sort()).toEqual([-12, -3]);
    expect(await findReservationDrift(ctx.database.db, t)).toEqual([]);
    const again = await post(`/api/outbound-orders/${order.id}/allocate`);
    expect(again.statusCode, again.body).toBe(409);
    const other = await push();
    await post(`/api/outbound-orders/${other.id}/allocate`);
    expect((await post(`/api/outbound-orders/${other.id}/ship`, {})).statusCode).toBe(200);
    const refused = await post(`/api/outbound-orders/${other.id}/cancel`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'warehouse.order.shipped' });
  });

  it('re-allocation releases the old reservations first and keeps the history', async () => {
    const { push, post, get, t } = await world();
    const order = await push({ lines: [{ sku: 'SKU-A', quantity: 25 }] });
    const first = (await post(`/api/outbound-orders/${order.id}/allocate`)).json<AllocationResult>();
    expect(first).toMatchObject({
      status: 'partially_allocated',
      lines: [{ allocated: 20, short: 5, shortReason: 'insufficient' }],
    });
    const second = (await post(`/api/outbound-orders/${order.id}/allocate`)).json<AllocationResult>();
    expect(second.lines[0]).toMatchObject({ allocated: 20 });
    const detail = (await get(`/api/outbound-orders/${order.id}`)).json<OutboundOrderDetail>();
    expect(detail.reservations.reduce((sum, r) => sum + r.quantity, 0)).toBe(20);
    expect(detail).toMatchObject({
      status: 'partially_allocated',
      lines: [{ allocated: 20, shortQuantity: 5, shortReason: 'insufficient' }],
    });
    expect(
      (await get(`/api/outbound-orders/${order.id}/allocations`)).json<{ items: unknown[] }>().items,
    ).toHaveLength(2);
    expect(await findReservationDrift(ctx.database.db, t)).toEqual([]);
    // A second order now finds everything reserved; the pool run tops up the partial order too.
    const starved = await push();
    const pool = await post('/api/outbound-orders/allocate', {});
    expect(pool.json()).toMatchObject({
      results: [
        { orderId: order.id, status: 'partially_allocated', error: null },
        { orderId: starved.id, status: 'backordered', error: null },
      ],
    });
    const result = (await get(`/api/outbound-orders/${starved.id}`)).json<OutboundOrderDetail>();
    expect(result.lines[0]).toMatchObject({ shortReason: 'reserved_by_other_orders' });
    expect(await findReservationDrift(ctx.database.db, t)).toEqual([]);
    // A pool run stores a backordered order's result only when it changed; asking for it always stores.
    const runsOf = async (id: string) =>
      (await get(`/api/outbound-orders/${id}/allocations`)).json<{ items: unknown[] }>().items.length;
    expect(await runsOf(starved.id)).toBe(1);
    await post('/api/outbound-orders/allocate', {});
    expect(await runsOf(starved.id)).toBe(1);
    expect(await runsOf(order.id)).toBe(4);
    await post(`/api/outbound-orders/${starved.id}/allocate`);
    expect(await runsOf(starved.id)).toBe(2);
    expect(await findReservationDrift(ctx.database.db, t)).toEqual([]);
  });

  it('ships with pick and shipment moves, weights catch-weight lines and publishes the event', async () => {
    const { push, post, t, wh, admin } = await world();
    const customer = await createCustomer({ db: ctx.database.db, clock: systemClock }, admin.actor, {
      kind: 'business',
      name: '杭州医院',
    });
    const order = await push({
      type: 'sales',
      customerId: customer.id,
      carrier: 'SF',
      lines: [
        { sku: 'SKU-A', quantity: 14 },
        { sku: 'FISH', quantity: 2 },
      ],
    });
    await post(`/api/outbound-orders/${order.id}/allocate`);
    const unweighed = await post(`/api/outbound-orders/${order.id}/ship`, {});
    expect(unweighed.statusCode).toBe(400);
    expect(unweighed.json()).toMatchObject({
      code: 'warehouse.order.weight_required',
      errors: [{ path: 'weights' }],
    });
    const shipped = await post(`/api/outbound-orders/${order.id}/ship`, {
      weights: [{ lineNo: 2, weightKg: 3.25 }],
    });
    expect(shipped.statusCode, shipped.body).toBe(200);
    expect(shipped.json<OutboundOrderDetail>()).toMatchObject({
      status: 'shipped',
      lines: [{ allocated: 0 }, { allocated: 0 }],
    });
    expect(shipped.json<OutboundOrderDetail>().reservations.every((r) => r.status === 'picked')).toBe(true);
    const moves = await ctx.database.db
      .select()
      .from(stockMoves)
      .where(and(eq(stockMoves.tenantId, t), eq(stockMoves.orderId, order.id)));
    const sum = (kind: string, reason?: string) =>
      moves
        .filter((m) => m.kind === kind && (reason === undefined || m.reason === reason))
        .reduce((s, m) => s + m.quantity, 0);
    expect(sum('pick')).toBe(16);
    expect(sum('shipment')).toBe(16);
    expect(sum('allocation', 'pick')).toBe(-16);
    expect(sum('allocation')).toBe(0);
    expect(moves.find((m) => m.kind === 'shipment' && m.orderLineNo === 2)?.weightKg).toBe(3.25);
    const rows = await ctx.database.db
      .select()
      .from(stock)
      .where(and(eq(stock.tenantId, t), eq(stock.warehouseId, wh.id)));
    expect(rows.reduce((s, r) => s + r.onHand, 0)).toBe(20 + 5 - 16);
    expect(rows.find((r) => r.locationId === wh.shipId)?.onHand ?? 0).toBe(0);
    expect(await findReservationDrift(ctx.database.db, t)).toEqual([]);
    const [event] = await ctx.database.db
      .select()
      .from(domainEvents)
      .where(and(eq(domainEvents.tenantId, t), eq(domainEvents.type, 'warehouse.order.shipped')));
    expect(event).toMatchObject({
      customerId: customer.id,
      payload: {
        orderId: order.id,
        type: 'sales',
        carrier: 'SF',
        lines: [
          { sku: 'SKU-A', quantity: 14 },
          { sku: 'FISH', quantity: 2 },
        ],
      },
    });
    expect((await post(`/api/outbound-orders/${order.id}/ship`, {})).statusCode).toBe(409);
  });

  it('receives a transfer at the target warehouse', async () => {
    const { push, post, t, wh2 } = await world();
    const order = await push({
      type: 'transfer',
      targetWarehouse: 'WH2',
      lines: [{ sku: 'SKU-A', quantity: 5 }],
    });
    await post(`/api/outbound-orders/${order.id}/allocate`);
    expect((await post(`/api/outbound-orders/${order.id}/ship`, {})).statusCode).toBe(200);
    const rows = await ctx.database.db
      .select()
      .from(stock)
      .where(and(eq(stock.tenantId, t), eq(stock.warehouseId, wh2.id)));
    expect(rows.map((r) => [r.locationId, r.onHand])).toEqual([[wh2.recvId, 5]]);
  });
});

describe('access', () => {
  it('lets a picker read but not write, and hides other tenants', async () => {
    const { tenant, push, post, get } = await world();
    const order = await push();
    const picker = await makeUser(ctx.database.db, tenant, 'picker');
    const pickerCookie = await signInCookie(ctx.app, picker.email, TEST_PASSWORD);
    expect((await get(`/api/outbound-orders/${order.id}`, pickerCookie)).statusCode).toBe(200);
    for (const url of [
      '/api/outbound-orders',
      `/api/outbound-orders/${order.id}/allocate`,
      `/api/outbound-orders/${order.id}/cancel`,
    ]) {
      const denied = await ctx.app.inject({
        method: 'POST',
        url,
        headers: { cookie: pickerCookie },
        payload: {
          warehouse: 'WH1',
          externalRef: 'P',
          type: 'scrap',
          lines: [{ sku: 'SKU-A', quantity: 1 }],
        },
      });
      expect(denied.statusCode, url).toBe(403);
    }
    const other = await makeTenant(ctx.database.db);
    const otherCookie = await signInCookie(ctx.app, other.admin.email, TEST_PASSWORD);
    expect((await get(`/api/outbound-orders/${order.id}`, otherCookie)).statusCode).toBe(404);
    const foreign = await ctx.app.inject({
      method: 'POST',
      url: `/api/outbound-orders/${order.id}/allocate`,
      headers: { cookie: otherCookie },
    });
    expect(foreign.statusCode).toBe(404);
    expect((await get('/api/outbound-orders', otherCookie)).json<OrderPage>().items).toEqual([]);
    void post;
  });

  it('keeps customer lot rules: managers write, pickers read, unknown customers are 404', async () => {
    const { tenant, admin, cookie, get } = await world();
    const customer = await createCustomer({ db: ctx.database.db, clock: systemClock }, admin.actor, {
      kind: 'government',
      name: '市第一医院',
    });
    const url = `/api/warehouse/customer-rules/${customer.id}`;
    expect((await get(url)).json()).toEqual({ customerId: customer.id, singleLotPerLine: false });
    const put = (as: string, target = url) =>
      ctx.app.inject({
        method: 'PUT',
        url: target,
        headers: { cookie: as },
        payload: { singleLotPerLine: true },
      });
    expect((await put(cookie)).json()).toEqual({ customerId: customer.id, singleLotPerLine: true });
    const picker = await makeUser(ctx.database.db, tenant, 'picker');
    const pickerCookie = await signInCookie(ctx.app, picker.email, TEST_PASSWORD);
    expect((await get(url, pickerCookie)).json()).toMatchObject({ singleLotPerLine: true });
    expect((await put(pickerCookie)).statusCode).toBe(403);
    expect(
      (await put(cookie, '/api/warehouse/customer-rules/00000000-0000-4000-8000-000000000000')).statusCode,
    ).toBe(404);
  });

  it('applies the customer lot rule: one lot per line', async () => {
    const { admin, cookie, push, post } = await world();
    const customer = await createCustomer({ db: ctx.database.db, clock: systemClock }, admin.actor, {
      kind: 'business',
      name: '医院二',
    });
    await ctx.app.inject({
      method: 'PUT',
      url: `/api/warehouse/customer-rules/${customer.id}`,
      headers: { cookie },
      payload: { singleLotPerLine: true },
    });
    const order = await push({
      type: 'sales',
      customerId: customer.id,
      lines: [
        { sku: 'SKU-A', quantity: 10 },
        { sku: 'SKU-A', quantity: 9 },
      ],
    });
    const result = (await post(`/api/outbound-orders/${order.id}/allocate`)).json<AllocationResult>();
    expect(result).toMatchObject({ singleLotPerLine: true, status: 'partially_allocated' });
    expect(result.lines[0]).toMatchObject({ allocated: 10 });
    expect(
      new Set(result.lines[0]!.candidates.filter((c) => c.decision === 'chosen').map((c) => c.lotNumber)),
    ).toEqual(new Set(['L1']));
    expect(result.lines[1]).toMatchObject({ allocated: 0, shortReason: 'no_single_lot' });
  });
});
