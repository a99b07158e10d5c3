import { describe, expect, it } from 'vitest';
import { makeTenant, makeUser, TEST_PASSWORD } from '../../../../test/helpers/factories.js';
import { signInCookie, useTestApp } from '../../../../test/helpers/server.js';
import { createCustomer } from '../../crm/index.js';
import { systemClock } from '../../../platform/clock.js';
import type { AllocationResult } from '../allocation/allocation.contract.js';
import type { OrderPage, OutboundOrderDetail } from './order.contract.js';
import { makeOrderWorld, type Problem } from './order-world.test-helper.js';

const ctx = useTestApp();
const world = () => makeOrderWorld(ctx);

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
