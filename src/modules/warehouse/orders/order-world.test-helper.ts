/** The order routes' test world: a tenant with stock in two warehouses, and request shortcuts. */
import { expect } from 'vitest';
import { makeTenant, TEST_PASSWORD } from '../../../../test/helpers/factories.js';
import { signInCookie, type useTestApp } from '../../../../test/helpers/server.js';
import {
  makeItem,
  makeLocation,
  makeLot,
  makeSupplier,
  makeWarehouse,
  putStock,
} from '../allocation/allocation-fixtures.test-helper.js';
import type { OutboundOrderDetail } from './order.contract.js';

/** What the order route tests share: the problem body they read. */
export type Problem = { code: string; errors: { path: string }[] };

/** A tenant with an admin session, warehouse WH1 (+ WH2) and stock of SKU-A (20 units, two lots) and FISH. */
export async function makeOrderWorld(ctx: ReturnType<typeof useTestApp>) {
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
