import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import { createCustomer } from '../../crm/index.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { fixedClock } from '../../../platform/clock.js';
import type { Database } from '../../../platform/db/database.js';
import type { AllocationStrategy } from '../layout/layout.contract.js';
import { createOutboundOrder } from '../orders/order.service.js';
import { updateWarehouseSettings } from '../settings/warehouse-settings.service.js';
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

// Allocation runs on 2026-06-15: a lot produced 2026-02-10 is four months old, one from 2026-05-20 is fresh.
const clock = fixedClock('2026-06-15T10:00:00Z');
let database: Database;
let deps: WarehouseDeps;
let admin: Actor;
const customers: Record<'svip' | 'vip' | 'standard', string> = { svip: '', vip: '', standard: '' };
let seq = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  deps = { db: database.db, clock };
  admin = (await makeTenant(database.db)).admin.actor;
  for (const tier of ['svip', 'vip', 'standard'] as const) {
    const created = await createCustomer(deps, admin, {
      kind: 'business',
      name: `客户 ${tier}`,
      valueTier: tier,
    });
    customers[tier] = created.id;
  }
});
afterAll(async () => database?.close());

/** A warehouse whose one item has a four-month-old lot put away first and, when `fresh`, a new lot later. */
async function setup(strategy: AllocationStrategy, fresh: boolean) {
  const tenantId = admin.tenantId;
  const code = `W${seq++}`;
  const warehouse = await makeWarehouse(database.db, tenantId, code, { strategy });
  const near = await makeLocation(database.db, tenantId, warehouse.id, 'A-01-01-1', { pathRank: 1 });
  const far = await makeLocation(database.db, tenantId, warehouse.id, 'A-09-01-1', { pathRank: 90 });
  const sku = `SKU-${code}`;
  const itemId = await makeItem(database.db, tenantId, sku);
  const old = await makeLot(database.db, tenantId, itemId, 'OLD', {
    productionDate: '2026-02-10',
    expiryDate: '2026-12-31',
  });
  await putStock(database.db, tenantId, {
    warehouseId: warehouse.id,
    locationId: near,
    itemId,
    lotId: old,
    quantity: 10,
    at: new Date('2026-02-20T00:00:00Z'),
  });
  if (fresh) {
    const lot = await makeLot(database.db, tenantId, itemId, 'NEW', {
      productionDate: '2026-05-20',
      expiryDate: '2027-05-20',
    });
    await putStock(database.db, tenantId, {
      warehouseId: warehouse.id,
      locationId: far,
      itemId,
      lotId: lot,
      quantity: 10,
      at: new Date('2026-06-01T00:00:00Z'),
    });
  }
  return { code, sku };
}

async function allocateFor(tier: keyof typeof customers, stock: { code: string; sku: string }) {
  const { order } = await createOutboundOrder(deps, admin, {
    warehouse: stock.code,
    externalRef: `SO-${seq++}`,
    type: 'sales',
    customerId: customers[tier],
    lines: [{ sku: stock.sku, quantity: 4 }],
  });
  const result = await allocateOrder(deps, admin, order.id);
  const line = result.lines[0]!;
  const lots = line.candidates.filter((c) => c.decision === 'chosen').map((c) => c.lotNumber);
  return { result, line, lots };
}

describe.each(['fifo', 'fefo', 'nearest'] as const)('value tier stock age (%s)', (strategy) => {
  it('never gives an svip customer a four-month-old lot, even when it is the only stock', async () => {
    const stock = await setup(strategy, false);
    const svip = await allocateFor('svip', stock);
    expect(svip.result).toMatchObject({ status: 'backordered', valueTier: 'svip', maxStockAgeMonths: 3 });
    expect(svip.line).toMatchObject({ allocated: 0, short: 4, shortReason: 'too_old_for_tier' });
    expect(svip.line.candidates).toMatchObject([
      { lotNumber: 'OLD', decision: 'rejected', rule: 'too_old_for_tier' },
    ]);
    expect((await allocateFor('vip', stock)).lots).toEqual(['OLD']);
    expect((await allocateFor('standard', stock)).lots).toEqual(['OLD']);
    expect(await findReservationDrift(database.db, admin.tenantId)).toEqual([]);
  });

  it('serves the svip customer from the fresh lot while others may take the old one', async () => {
    const stock = await setup(strategy, true);
    const svip = await allocateFor('svip', stock);
    expect(svip.lots).toEqual(['NEW']);
    expect(svip.line.candidates.find((c) => c.lotNumber === 'OLD')).toMatchObject({
      rule: 'too_old_for_tier',
    });
    // Every strategy puts the old lot first (put away first, expires first, nearest on the path).
    expect((await allocateFor('standard', stock)).lots).toEqual(['OLD']);
  });
});

describe('tenant-configured stock age', () => {
  it('follows the months the tenant sets per tier', async () => {
    await updateWarehouseSettings(deps, admin, { maxStockAgeMonths: { svip: 5, standard: 2 } });
    try {
      const stock = await setup('fifo', false);
      expect((await allocateFor('svip', stock)).lots).toEqual(['OLD']);
      const standard = await allocateFor('standard', stock);
      expect(standard.line).toMatchObject({ allocated: 0, shortReason: 'too_old_for_tier' });
      expect(standard.result.maxStockAgeMonths).toBe(2);
      // vip was left out of the map: no limit.
      expect((await allocateFor('vip', stock)).lots).toEqual(['OLD']);
    } finally {
      await updateWarehouseSettings(deps, admin, { maxStockAgeMonths: { svip: 3, vip: 6 } });
    }
  });
});
