import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { systemClock } from '../../../platform/clock.js';
import { openDatabase, type Database } from '../../../platform/db/database.js';
import { outboundOrderLines, outboundOrders } from '../orders/order.table.js';
import { reservations } from '../stock/stock.table.js';
import { createOutboundOrder } from '../orders/order.service.js';
import { cancelOrder } from './cancel.service.js';
import { stock } from '../stock/stock.table.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
import {
  findReservationDrift,
  makeItem,
  makeLocation,
  makeLot,
  makeWarehouse,
  putStock,
} from './allocation-fixtures.test-helper.js';
import { allocateOrder } from './allocation.service.js';

// 50 orders race for 30 units. On the PostgreSQL server the allocations run on a pool of 25
// connections, truly in parallel; on PGlite (one connection) they queue, and must still be right.
let database: Database & { url?: string };
let racing: Database | undefined;
let admin: Actor;
let deps: WarehouseDeps;
const orderIds: string[] = [];
const ON_HAND = 30;

beforeAll(async () => {
  database = await createTestDatabase();
  if (database.engine === 'postgres' && database.url)
    racing = await openDatabase({ databaseUrl: database.url, poolSize: 25 });
  deps = { db: (racing ?? database).db, clock: systemClock };
  admin = (await makeTenant(database.db)).admin.actor;
  const tenantId = admin.tenantId;
  const warehouse = await makeWarehouse(database.db, tenantId, 'RACE');
  const itemId = await makeItem(database.db, tenantId, 'SCARCE');
  const split = [12, 10, 8];
  for (const [index, quantity] of split.entries()) {
    const locationId = await makeLocation(database.db, tenantId, warehouse.id, `A-0${index + 1}-01-1`, {
      pathRank: index,
    });
    const lotId = await makeLot(database.db, tenantId, itemId, `LOT-${index}`, {
      productionDate: '2026-01-01',
    });
    await putStock(database.db, tenantId, { warehouseId: warehouse.id, locationId, itemId, lotId, quantity });
  }
  for (let i = 0; i < 50; i++) {
    const { order } = await createOutboundOrder({ db: database.db, clock: systemClock }, admin, {
      warehouse: 'RACE',
      externalRef: `RACE-${i}`,
      type: 'requisition',
      lines: [{ sku: 'SCARCE', quantity: 1 + ((i * 7) % 3) }],
    });
    orderIds.push(order.id);
  }
});

afterAll(async () => {
  await racing?.close();
  await database?.close();
});

/** Every invariant the race must keep. */
async function expectConsistent(): Promise<number> {
  const db = database.db;
  const tenantId = admin.tenantId;
  expect(await findReservationDrift(db, tenantId)).toEqual([]);
  const rows = await db.select().from(stock).where(eq(stock.tenantId, tenantId));
  const onHand = rows.reduce((sum, row) => sum + row.onHand, 0);
  const active = await db
    .select()
    .from(reservations)
    .where(and(eq(reservations.tenantId, tenantId), eq(reservations.status, 'active')));
  const reserved = active.reduce((sum, r) => sum + r.quantity, 0);
  expect(onHand).toBe(ON_HAND);
  expect(reserved).toBeLessThanOrEqual(onHand);
  const orders = await db.select().from(outboundOrders).where(eq(outboundOrders.tenantId, tenantId));
  const lines = await db.select().from(outboundOrderLines).where(eq(outboundOrderLines.tenantId, tenantId));
  for (const order of orders) {
    const wanted = lines.filter((l) => l.orderId === order.id).reduce((sum, l) => sum + l.quantity, 0);
    const held = active.filter((r) => r.orderId === order.id).reduce((sum, r) => sum + r.quantity, 0);
    const expected =
      order.status === 'cancelled'
        ? 'cancelled'
        : held === wanted
          ? 'allocated'
          : held === 0
            ? 'backordered'
            : 'partially_allocated';
    expect(order.status, `order ${order.externalRef} holds ${held} of ${wanted}`).toBe(expected);
    if (order.status === 'cancelled') expect(held).toBe(0);
  }
  return reserved;
}

describe('50 allocations racing for one scarce SKU', () => {
  it('never reserve more than is on hand, and every order says what it holds', async () => {
    const results = await Promise.all(orderIds.map((id) => allocateOrder(deps, admin, id)));
    expect(results).toHaveLength(50);
    // Demand (about 100 units) exceeds supply, and partial policy takes what is left: all 30 go.
    expect(await expectConsistent()).toBe(ON_HAND);
  });

  it('stays consistent when re-allocations and cancellations race too', async () => {
    const cancelled = orderIds.filter((_, index) => index % 5 === 0);
    await Promise.all([
      ...orderIds.map((id) => allocateOrder(deps, admin, id).catch((error: unknown) => error)),
      ...cancelled.map((id) => cancelOrder(deps, admin, id)),
    ]);
    await expectConsistent();
    const freed = await Promise.all(
      orderIds.filter((id) => !cancelled.includes(id)).map((id) => allocateOrder(deps, admin, id)),
    );
    expect(freed).toHaveLength(40);
    expect(await expectConsistent()).toBe(ON_HAND);
  });
});
