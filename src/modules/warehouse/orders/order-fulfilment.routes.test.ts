import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/helpers/server.js';
import { createCustomer } from '../../crm/index.js';
import { systemClock } from '../../../platform/clock.js';
import { domainEvents } from '../../../platform/events/domain-event.table.js';
import type { AllocationResult } from '../allocation/allocation.contract.js';
import { findReservationDrift } from '../allocation/allocation-fixtures.test-helper.js';
import type { MovePage } from '../stock/stock.contract.js';
import { stock, stockMoves } from '../stock/stock.table.js';
import type { OutboundOrderDetail } from './order.contract.js';
import { makeOrderWorld } from './order-world.test-helper.js';

const ctx = useTestApp();
const world = () => makeOrderWorld(ctx);

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
    // The ledger names the order by its reference, moves without an order by nothing.
    const ledger = (await get(`/api/stock-moves?orderId=${order.id}&limit=50`)).json<MovePage>();
    expect(ledger.items.length).toBeGreaterThan(0);
    expect(new Set(ledger.items.map((m) => m.orderRef))).toEqual(new Set([order.externalRef]));
    const all = (await get('/api/stock-moves?limit=200')).json<MovePage>().items;
    const withoutOrder = all.filter((m) => m.orderId === null);
    expect(withoutOrder.length).toBeGreaterThan(0);
    expect(withoutOrder.every((m) => m.orderRef === null)).toBe(true);
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
      lines: [
        { quantity: 14, allocated: 0, picked: 14, shipped: 14 },
        { quantity: 2, allocated: 0, picked: 2, shipped: 2 },
      ],
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
