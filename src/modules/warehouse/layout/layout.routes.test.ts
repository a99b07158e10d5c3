import { describe, expect, it } from 'vitest';
import { makeTenant, makeUser, TEST_PASSWORD } from '../../../../test/helpers/factories.js';
import { signInCookie, useTestApp } from '../../../../test/helpers/server.js';
import type { ItemPage } from '../catalog/catalog.contract.js';
import type { LocationList, Warehouse } from './layout.contract.js';

const ctx = useTestApp();

async function sessions() {
  const { tenant, admin } = await makeTenant(ctx.database.db);
  const picker = await makeUser(ctx.database.db, tenant, 'picker');
  return {
    cookie: await signInCookie(ctx.app, admin.email, TEST_PASSWORD),
    pickerCookie: await signInCookie(ctx.app, picker.email, TEST_PASSWORD),
  };
}

describe('warehouse, location, item and supplier routes', () => {
  it('creates, reads, patches and lists warehouses and locations', async () => {
    const { cookie } = await sessions();
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/warehouses',
      headers: { cookie },
      payload: { code: 'HZ1', name: '杭州仓', allocationStrategy: 'fefo' },
    });
    expect(created.statusCode).toBe(201);
    const warehouse = created.json<Warehouse>();
    expect(warehouse).toMatchObject({ code: 'HZ1', allocationStrategy: 'fefo', layout: { aisles: 10 } });
    const taken = await ctx.app.inject({
      method: 'POST',
      url: '/api/warehouses',
      headers: { cookie },
      payload: { code: 'HZ1', name: 'x' },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'warehouse.warehouse.code_taken' });
    const location = await ctx.app.inject({
      method: 'POST',
      url: `/api/warehouses/${warehouse.id}/locations`,
      headers: { cookie },
      payload: { code: 'A-03-12-2' },
    });
    expect(location.statusCode).toBe(201);
    expect(location.json()).toMatchObject({ zone: 'A', aisle: 3, slot: 12, level: 2, block: 1 });
    const outside = await ctx.app.inject({
      method: 'POST',
      url: `/api/warehouses/${warehouse.id}/locations`,
      headers: { cookie },
      payload: { code: 'A-11-01-1' },
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json()).toMatchObject({ code: 'warehouse.location.invalid', errors: [{ path: 'aisle' }] });
    const storage = await ctx.app.inject({
      url: `/api/warehouses/${warehouse.id}/locations?kind=storage`,
      headers: { cookie },
    });
    expect(storage.json<LocationList>().items.map((l) => l.code)).toEqual(['A-03-12-2']);
    const patched = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/warehouses/${warehouse.id}`,
      headers: { cookie },
      payload: { allocationPolicy: 'backorder' },
    });
    expect(patched.json()).toMatchObject({
      allocationPolicy: 'backorder',
      name: '杭州仓',
      timeZone: 'Asia/Shanghai',
    });
    const zoned = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/warehouses/${warehouse.id}`,
      headers: { cookie },
      payload: { timeZone: 'Europe/Berlin' },
    });
    expect(zoned.json()).toMatchObject({ timeZone: 'Europe/Berlin' });
    const unknownZone = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/warehouses/${warehouse.id}`,
      headers: { cookie },
      payload: { timeZone: 'Mars/Olympus' },
    });
    expect(unknownZone.statusCode).toBe(400);
    expect(JSON.stringify(unknownZone.json())).toContain('timeZone');
    const listed = await ctx.app.inject({ url: '/api/warehouses', headers: { cookie } });
    expect(listed.json()).toMatchObject({ items: [{ id: warehouse.id }] });
  });

  it('creates, pages and patches items, lists lots and suppliers', async () => {
    const { cookie } = await sessions();
    const post = (url: string, payload: object) =>
      ctx.app.inject({ method: 'POST', url, headers: { cookie }, payload });
    expect((await post('/api/suppliers', { code: 'SUP', name: '光明' })).statusCode).toBe(201);
    const item = await post('/api/items', {
      sku: 'MILK',
      name: '牛奶',
      supplierCode: 'SUP',
      catchWeight: false,
    });
    expect(item.statusCode).toBe(201);
    await post('/api/items', { sku: 'EGG', name: '鸡蛋' });
    const taken = await post('/api/items', { sku: 'MILK', name: 'x' });
    expect(taken.json()).toMatchObject({ code: 'warehouse.item.sku_taken' });
    expect(taken.statusCode).toBe(409);
    const first = await ctx.app.inject({ url: '/api/items?limit=1', headers: { cookie } });
    const page = first.json<ItemPage>();
    expect(page.items.map((i) => i.sku)).toEqual(['EGG']);
    const next = await ctx.app.inject({
      url: `/api/items?limit=1&after=${encodeURIComponent(page.nextCursor!)}`,
      headers: { cookie },
    });
    expect(next.json()).toMatchObject({ items: [{ sku: 'MILK' }], nextCursor: null });
    const id = item.json<{ id: string }>().id;
    const patched = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/items/${id}`,
      headers: { cookie },
      payload: { weightKg: 1.2 },
    });
    expect(patched.json()).toMatchObject({ weightKg: 1.2, sku: 'MILK' });
    expect((await ctx.app.inject({ url: `/api/items/${id}/lots`, headers: { cookie } })).json()).toEqual({
      items: [],
    });
    expect((await ctx.app.inject({ url: '/api/suppliers', headers: { cookie } })).json()).toMatchObject({
      items: [{ code: 'SUP' }],
    });
  });

  it('lets a picker read but not write, and hides other tenants’ warehouses (404)', async () => {
    const { cookie, pickerCookie } = await sessions();
    const warehouse = (
      await ctx.app.inject({
        method: 'POST',
        url: '/api/warehouses',
        headers: { cookie },
        payload: { code: 'W', name: 'W' },
      })
    ).json<Warehouse>();
    expect(
      (await ctx.app.inject({ url: `/api/warehouses/${warehouse.id}`, headers: { cookie: pickerCookie } }))
        .statusCode,
    ).toBe(200);
    for (const [url, payload] of [
      ['/api/warehouses', { code: 'P', name: 'P' }],
      [`/api/warehouses/${warehouse.id}/locations`, { code: 'A-01-01-1' }],
      ['/api/items', { sku: 'P', name: 'P' }],
      ['/api/suppliers', { code: 'P', name: 'P' }],
      [`/api/warehouses/${warehouse.id}/receipts`, { lines: [{ sku: 'P', quantity: 1 }] }],
      [`/api/warehouses/${warehouse.id}/putaways`, { sku: 'P', to: 'A-01-01-1', quantity: 1 }],
      [
        `/api/warehouses/${warehouse.id}/adjustments`,
        { location: 'RECV', sku: 'P', countedQuantity: 1, reason: 'found' },
      ],
      [`/api/warehouses/${warehouse.id}/stock/rebuild`, undefined],
    ] as const) {
      const response = await ctx.app.inject({
        method: 'POST',
        url,
        headers: { cookie: pickerCookie },
        payload,
      });
      expect(response.statusCode, url).toBe(403);
    }
    const other = await sessions();
    for (const url of [`/api/warehouses/${warehouse.id}`, `/api/warehouses/${warehouse.id}/locations`]) {
      const response = await ctx.app.inject({ url, headers: { cookie: other.cookie } });
      expect(response.statusCode, url).toBe(404);
      expect(response.json()).toMatchObject({ code: 'warehouse.warehouse.not_found' });
    }
    const foreignReceipt = await ctx.app.inject({
      method: 'POST',
      url: `/api/warehouses/${warehouse.id}/receipts`,
      headers: { cookie: other.cookie },
      payload: { lines: [{ sku: 'X', quantity: 1 }] },
    });
    expect(foreignReceipt.statusCode).toBe(404);
  });
});
