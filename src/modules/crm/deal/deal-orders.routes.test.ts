import { describe, expect, it } from 'vitest';
import { makeUser, TEST_PASSWORD } from '../../../../test/helpers/factories.js';
import { signInCookie, useTestApp } from '../../../../test/helpers/server.js';
import type { Product } from '../catalog/catalog.contract.js';
import type { Deal } from './deal.contract.js';
import { salesWorld, type Problem } from './deal-world.test-helper.js';

const t = useTestApp();

type Orders = {
  items: {
    id: string;
    externalRef: string;
    type: string;
    origin: string;
    status: string;
    customerId: string;
  }[];
};

/** A world with a warehouse, a stocked and a service product, and a business customer. */
async function stockedWorld() {
  const world = await salesWorld(t);
  const sku = await world.withWarehouse();
  const router = await world.json<Product>('POST', '/api/products', {
    name: 'Router',
    kind: 'stocked',
    sku,
    price: { amount: 1999, currency: 'CNY' },
  });
  const customerId = await world.customer();
  const deal = await world.json<Deal>('POST', '/api/deals', {
    customerId,
    name: 'Routers',
    lines: [{ productId: router.id, quantity: 4 }],
  });
  const dealOrders = async () =>
    (await world.json<Orders>('GET', '/api/outbound-orders?origin=deal')).items.filter(
      (o) => o.externalRef === deal.id,
    );
  return { ...world, sku, router, customerId, deal, dealOrders };
}

describe('won deals and the warehouse', () => {
  it('puts one sales order into the pool however often the deal is won again', async () => {
    const { json, deal, customerId, dealOrders } = await stockedWorld();
    const won = await json<Deal>('POST', `/api/deals/${deal.id}/win`);
    const orders = await dealOrders();
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ type: 'sales', origin: 'deal', externalRef: deal.id, customerId });
    expect(won.orders).toEqual([{ id: orders[0]!.id, status: orders[0]!.status }]);
    await json('POST', `/api/deals/${deal.id}/reopen`);
    const again = await json<Deal>('POST', `/api/deals/${deal.id}/win`);
    expect(await dealOrders()).toHaveLength(1);
    expect(again.orders.map((o) => o.id)).toEqual([orders[0]!.id]);
  });

  it('cancels the unshipped order when the reopen asks to', async () => {
    const { json, deal, dealOrders } = await stockedWorld();
    await json('POST', `/api/deals/${deal.id}/win`);
    const kept = await json<Deal>('POST', `/api/deals/${deal.id}/reopen`, { cancelOrder: false });
    expect(kept.orders[0]?.status).not.toBe('cancelled');
    await json('POST', `/api/deals/${deal.id}/win`);
    const reopened = await json<Deal>('POST', `/api/deals/${deal.id}/reopen`, { cancelOrder: true });
    expect(reopened.outcome).toBe('open');
    expect(reopened.orders).toMatchObject([{ status: 'cancelled' }]);
    expect((await dealOrders()).map((o) => o.status)).toEqual(['cancelled']);
  });

  it('pushes no order for a deal of services only', async () => {
    const { json, customer } = await stockedWorld();
    const setup = await json<Product>('POST', '/api/products', { name: 'Setup', kind: 'service' });
    const deal = await json<Deal>('POST', '/api/deals', {
      customerId: await customer(),
      name: 'Setup only',
      lines: [{ productId: setup.id, quantity: 1, unitPrice: 100 }],
    });
    expect((await json<Deal>('POST', `/api/deals/${deal.id}/win`)).orders).toEqual([]);
    expect((await json<Orders>('GET', '/api/outbound-orders?origin=deal')).items).toEqual([]);
  });

  it('leaves the deal open and writes nothing when the order cannot be pushed', async () => {
    const { json, call, deal, customerId, dealOrders } = await stockedWorld();
    // The warehouse refuses an order line it cannot take: the product's item is gone from its catalogue.
    await t.database.pool.query(
      `update items set sku = 'GONE-' || sku where tenant_id = (select tenant_id from deals where id = $1)`,
      [deal.id],
    );
    const response = await call('POST', `/api/deals/${deal.id}/win`);
    expect(response.statusCode).toBe(400);
    expect(response.json<Problem>().code).toMatch(/^warehouse\./);
    expect((await json<Deal>('GET', `/api/deals/${deal.id}`)).outcome).toBe('open');
    expect((await json('GET', `/api/customers/${customerId}`)).dealState).toBe('open');
    expect(await dealOrders()).toEqual([]);
    const history = await json<{ items: unknown[] }>('GET', `/api/deals/${deal.id}/history`);
    expect(history.items).toHaveLength(1);
    void response.json<Problem>().code;
  });
});

describe('deal scope', () => {
  it('shows a rep the deals of customers they may see and no others', async () => {
    const { tenant, json, deal } = await stockedWorld();
    const rep = await makeUser(t.database.db, tenant, 'sales_rep');
    const cookie = await signInCookie(t.app, rep.email, TEST_PASSWORD);
    const asRep = async (method: 'GET' | 'POST', url: string, payload?: object) =>
      t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
    const own = await asRep('POST', '/api/customers', { kind: 'consumer', name: 'Han Meimei' });
    const mine = await asRep('POST', '/api/deals', {
      customerId: own.json<{ id: string }>().id,
      name: 'Mine',
    });
    expect(mine.statusCode).toBe(201);
    expect(mine.json<Deal>().ownerUserId).toBe(rep.id);
    expect((await asRep('GET', `/api/deals/${deal.id}`)).statusCode).toBe(404);
    expect((await asRep('POST', `/api/deals/${deal.id}/win`)).statusCode).toBe(404);
    const list = await asRep('GET', '/api/deals');
    expect(list.json<{ items: Deal[] }>().items.map((d) => d.id)).toEqual([mine.json<Deal>().id]);
    // The admin sees both.
    const all = await json<{ items: Deal[] }>('GET', '/api/deals');
    expect(all.items.map((d) => d.id)).toEqual([mine.json<Deal>().id, deal.id]);
  });
});
