import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { makeUser, TEST_PASSWORD } from '../../../../test/helpers/factories.js';
import { signInCookie, useTestApp } from '../../../../test/helpers/server.js';
import type { OrderBatchReport, OutboundOrderDetail } from './order.contract.js';
import { makeOrderWorld } from './order-world.test-helper.js';

const ctx = useTestApp();
const world = () => makeOrderWorld(ctx);

/** A valid order of the world (requisition of SKU-A from WH1). */
const order = (externalRef: string, extra: object = {}) => ({
  warehouse: 'WH1',
  source: 'erp',
  externalRef,
  type: 'requisition',
  lines: [
    { sku: 'SKU-A', quantity: 2 },
    { sku: 'FISH', quantity: 1 },
  ],
  ...extra,
});

/** Orders and lines stored for the tenant. */
async function census(tenantId: string): Promise<{ orders: number; lines: number }> {
  const result = await ctx.database.db.execute<{ orders: number; lines: number }>(
    sql`select (select count(*)::int from outbound_orders where tenant_id = ${tenantId}) as orders,
      (select count(*)::int from outbound_order_lines where tenant_id = ${tenantId}) as lines`,
  );
  return result.rows[0]!;
}

const statuses = (report: OrderBatchReport) => report.results.map((r) => r.status);

describe('pushing orders in a batch', () => {
  it('creates every order of an all-new batch with its lines, in input order', async () => {
    const { t, post, get } = await world();
    const orders = Array.from({ length: 50 }, (_, i) => order(`B-${i}`));
    const response = await post('/api/outbound-orders/batch', { orders });
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json<OrderBatchReport>();
    expect(report).toMatchObject({ created: 50, existing: 0, rejected: 0 });
    expect(report.results.map((r) => [r.index, r.source, r.externalRef])).toEqual(
      orders.map((o, i) => [i, 'erp', o.externalRef]),
    );
    expect(await census(t)).toEqual({ orders: 50, lines: 100 });
    const stored = (await get(`/api/outbound-orders/${report.results[7]!.id}`)).json<OutboundOrderDetail>();
    expect(stored).toMatchObject({
      externalRef: 'B-7',
      source: 'erp',
      status: 'pending',
      type: 'requisition',
    });
    expect(stored.lines.map((l) => [l.lineNo, l.sku, l.quantity])).toEqual([
      [1, 'SKU-A', 2],
      [2, 'FISH', 1],
    ]);
  });

  it('answers new, already pushed and rejected orders one by one; rejected ones store nothing', async () => {
    const { t, post, push } = await world();
    const pushed = await push({ source: 'erp', externalRef: 'OLD-1' });
    const orders = [
      order('NEW-1'),
      // Already pushed: the stored order answers, whatever this copy says.
      order('OLD-1', { priority: 'urgent' }),
      order('BAD-SKU', { lines: [{ sku: 'NOPE', quantity: 1 }] }),
      order('BAD-TYPE', { type: 'teleport' }),
      order('BAD-CUSTOMER', { type: 'sales', customerId: '00000000-0000-4000-8000-000000000000' }),
      order('BAD-LOT', { lines: [{ sku: 'SKU-A', quantity: 1, lotNumber: 'L9' }] }),
      order('TRANSFER', { type: 'transfer', targetWarehouse: 'WH2' }),
      order('RETURN', {
        type: 'return_to_supplier',
        returnReason: 'defective',
        lines: [{ sku: 'SKU-A', quantity: 1, lotNumber: 'L1' }],
      }),
      'not an order',
      order('NEW-2', { source: undefined }),
    ];
    const before = await census(t);
    const response = await post('/api/outbound-orders/batch', { orders });
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json<OrderBatchReport>();
    expect(statuses(report)).toEqual([
      'created',
      'existing',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'created',
      'created',
      'rejected',
      'created',
    ]);
    expect(report).toMatchObject({ created: 4, existing: 1, rejected: 5 });
    expect(report.results[1]).toMatchObject({ id: pushed.id, externalRef: 'OLD-1' });
    const errors = report.results.map((r) => r.error && [r.error.code, r.error.fields.map((f) => f.path)]);
    expect(errors).toEqual([
      undefined,
      undefined,
      ['warehouse.order.invalid', ['lines.0.sku']],
      ['request.invalid', ['type']],
      ['warehouse.order.unknown_customer', ['customerId']],
      ['warehouse.order.invalid', ['lines.0.lotNumber']],
      undefined,
      undefined,
      ['request.invalid', ['order']],
      undefined,
    ]);
    expect(report.results[8]).toMatchObject({ source: null, externalRef: null });
    expect(report.results[9]).toMatchObject({ source: 'api', externalRef: 'NEW-2' });
    // Four orders of two, two, two and one lines; nothing of the rejected ones.
    expect(await census(t)).toEqual({ orders: before.orders + 4, lines: before.lines + 7 });
  });

  it('creates a pair sent twice in one batch once: the later copy is existing with the same id', async () => {
    const { t, post } = await world();
    const report = (
      await post('/api/outbound-orders/batch', {
        orders: [
          order('TWICE-0', { lines: [{ sku: 'NOPE', quantity: 1 }] }),
          order('TWICE-1'),
          order('TWICE-0'),
          order('TWICE-1', { priority: 'urgent' }),
          order('TWICE-0'),
        ],
      })
    ).json<OrderBatchReport>();
    // As if pushed one by one: the first TWICE-0 breaks a rule, so the second one is created.
    expect(statuses(report)).toEqual(['rejected', 'created', 'created', 'existing', 'existing']);
    expect(report.results[3]!.id).toBe(report.results[1]!.id);
    expect(report.results[4]!.id).toBe(report.results[2]!.id);
    expect(await census(t)).toEqual({ orders: 2, lines: 4 });
  });

  it('stores nothing twice when a batch is retried, with or without an Idempotency-Key', async () => {
    const { t, post } = await world();
    const orders = Array.from({ length: 20 }, (_, i) => order(`R-${i}`));
    const first = await post('/api/outbound-orders/batch', { orders }, { 'idempotency-key': 'batch-1' });
    expect(first.json<OrderBatchReport>().created).toBe(20);
    const after = await census(t);
    expect(after).toEqual({ orders: 20, lines: 40 });
    const replay = await post('/api/outbound-orders/batch', { orders }, { 'idempotency-key': 'batch-1' });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(first.json());
    const retried = (await post('/api/outbound-orders/batch', { orders })).json<OrderBatchReport>();
    expect(retried).toMatchObject({ created: 0, existing: 20, rejected: 0 });
    expect(retried.results.map((r) => r.id)).toEqual(first.json<OrderBatchReport>().results.map((r) => r.id));
    expect(await census(t)).toEqual(after);
  });

  it('refuses a malformed envelope as a whole, naming orders', async () => {
    const { t, post } = await world();
    const tooMany = Array.from({ length: 1001 }, (_, i) =>
      order(`X-${i}`, { lines: [{ sku: 'SKU-A', quantity: 1 }] }),
    );
    for (const body of [{ orders: tooMany }, { orders: [] }, { orders: 'x' }, {}]) {
      const response = await post('/api/outbound-orders/batch', body);
      expect(response.statusCode).toBe(400);
      expect(response.json<{ code: string; errors: { path: string }[] }>()).toMatchObject({
        code: 'request.invalid',
        errors: [{ path: 'orders' }],
      });
    }
    expect(await census(t)).toEqual({ orders: 0, lines: 0 });
  });

  it('rejects only the order that carries hostile text, naming its field', async () => {
    const { t, post } = await world();
    const response = await post('/api/outbound-orders/batch', {
      orders: [
        order('H-1'),
        order('H-2', { note: 'x\u0000y' }),
        order('H-3'),
        order('H-4', { destination: { city: 'bad \ud800 city' } }),
        order('H-5', { carrier: 'x'.repeat(1024 * 1024) }),
        order('H-6\u0000'),
      ],
    });
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json<OrderBatchReport>();
    expect(statuses(report)).toEqual(['created', 'rejected', 'created', 'rejected', 'rejected', 'rejected']);
    const faults = report.results.map((r) => r.error && [r.error.code, r.error.fields.map((f) => f.path)]);
    expect(faults.slice(1)).toEqual([
      ['request.invalid_text', ['note']],
      undefined,
      ['request.invalid_text', ['destination.city']],
      ['request.text_too_long', ['carrier']],
      ['request.invalid_text', ['externalRef']],
    ]);
    // The hostile reference is not echoed back.
    expect(report.results[5]).toMatchObject({ externalRef: null, source: 'erp' });
    expect(await census(t)).toEqual({ orders: 2, lines: 4 });
  });

  it('needs warehouse.orders, and records one audit entry with the counts', async () => {
    const { tenant, post, get } = await world();
    const picker = await makeUser(ctx.database.db, tenant, 'picker');
    const pickerCookie = await signInCookie(ctx.app, picker.email, TEST_PASSWORD);
    const denied = await ctx.app.inject({
      method: 'POST',
      url: '/api/outbound-orders/batch',
      headers: { cookie: pickerCookie },
      payload: { orders: [order('P-1')] },
    });
    expect(denied.statusCode).toBe(403);
    expect(await census(tenant.id)).toEqual({ orders: 0, lines: 0 });
    await post('/api/outbound-orders/batch', {
      orders: [order('A-1'), order('A-1'), order('A-2', { type: 'x' })],
    });
    const log = (await get('/api/audit-log?action=warehouse.orders.batch_pushed')).json<{
      items: { details: Record<string, unknown> }[];
    }>();
    expect(log.items.map((e) => e.details)).toEqual([{ created: 1, existing: 1, rejected: 1 }]);
  });

  it('stores each order once when two identical batches race', async () => {
    const { t, post } = await world();
    const orders = Array.from({ length: 100 }, (_, i) => order(`RACE-${i}`));
    const reversed = [...orders].reverse();
    const reports = (
      await Promise.all([
        post('/api/outbound-orders/batch', { orders }),
        post('/api/outbound-orders/batch', { orders }),
        post('/api/outbound-orders/batch', { orders: reversed }),
      ])
    ).map((r) => {
      expect(r.statusCode, r.body).toBe(200);
      return r.json<OrderBatchReport>();
    });
    expect(reports.reduce((sum, r) => sum + r.created, 0)).toBe(100);
    expect(reports.reduce((sum, r) => sum + r.existing, 0)).toBe(200);
    const idsOf = (r: OrderBatchReport) => new Map(r.results.map((x) => [x.externalRef, x.id]));
    expect(idsOf(reports[1]!)).toEqual(idsOf(reports[0]!));
    expect(idsOf(reports[2]!)).toEqual(idsOf(reports[0]!));
    expect(await census(t)).toEqual({ orders: 100, lines: 200 });
  });
});
