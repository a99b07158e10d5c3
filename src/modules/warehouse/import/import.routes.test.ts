import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { makeTenant, makeUser, TEST_PASSWORD } from '../../../../test/helpers/factories.js';
import { signInCookie, useTestApp } from '../../../../test/helpers/server.js';
import type { Warehouse } from '../layout/layout.contract.js';

const ctx = useTestApp();

describe('POST /api/warehouse/import/:kind', () => {
  it('imports a GB18030 CSV body per row, and refuses pickers, other content and unknown kinds', async () => {
    const { tenant, admin } = await makeTenant(ctx.database.db);
    const cookie = await signInCookie(ctx.app, admin.email, TEST_PASSWORD);
    const warehouse = (
      await ctx.app.inject({
        method: 'POST',
        url: '/api/warehouses',
        headers: { cookie },
        payload: { code: 'W', name: 'W' },
      })
    ).json<Warehouse>();
    const upload = (url: string, body: Buffer, who = cookie) =>
      ctx.app.inject({
        method: 'POST',
        url,
        headers: { cookie: who, 'content-type': 'text/csv' },
        payload: body,
      });
    const locations = await upload(
      `/api/warehouse/import/locations?warehouseId=${warehouse.id}`,
      iconv.encode('货位,类型\nA-01-01-1,\nA-01-02-1,\nA-99-01-1,\n', 'gb18030'),
    );
    expect(locations.statusCode).toBe(200);
    expect(locations.json()).toEqual({
      rows: 3,
      created: 2,
      updated: 0,
      rejected: [{ row: 4, field: 'aisle', message: 'aisle 99 is outside 1..10' }],
    });
    const items = await upload('/api/warehouse/import/items', Buffer.from('编码,名称\nMILK,牛奶\n'));
    expect(items.json()).toMatchObject({ created: 1 });
    const stock = await upload(
      `/api/warehouse/import/stock?warehouseId=${warehouse.id}`,
      Buffer.from('location,sku,lot,quantity\nA-01-01-1,MILK,L1,5\n'),
    );
    expect(stock.json()).toMatchObject({ rows: 1, created: 1, rejected: [] });
    const listed = await ctx.app.inject({
      url: `/api/stock?warehouseId=${warehouse.id}`,
      headers: { cookie },
    });
    expect(listed.json()).toMatchObject({ items: [{ locationCode: 'A-01-01-1', sku: 'MILK', onHand: 5 }] });

    const picker = await makeUser(ctx.database.db, tenant, 'picker');
    const pickerCookie = await signInCookie(ctx.app, picker.email, TEST_PASSWORD);
    expect(
      (await upload('/api/warehouse/import/items', Buffer.from('sku,name\nX,x\n'), pickerCookie)).statusCode,
    ).toBe(403);
    expect((await upload('/api/warehouse/import/orders', Buffer.from('sku\n'))).statusCode).toBe(400);
    const noWarehouse = await upload('/api/warehouse/import/stock', Buffer.from('location,sku,quantity\n'));
    expect(noWarehouse.json()).toMatchObject({ code: 'warehouse.import.warehouse_required' });
    const other = await makeTenant(ctx.database.db);
    const otherCookie = await signInCookie(ctx.app, other.admin.email, TEST_PASSWORD);
    const foreign = await upload(
      `/api/warehouse/import/locations?warehouseId=${warehouse.id}`,
      Buffer.from('code\nA-01-03-1\n'),
      otherCookie,
    );
    expect(foreign.statusCode).toBe(404);
  });
});
