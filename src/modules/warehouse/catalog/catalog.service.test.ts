import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import { fixedClock } from '../../../platform/clock.js';
import type { Database } from '../../../platform/db/database.js';
import { createItem, createSupplier, listItems, listSuppliers, updateItem } from './catalog.service.js';
import { findOrCreateLot, listLots } from './lot.service.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const clock = fixedClock('2026-03-01T08:00:00Z');

async function setUp() {
  const { admin } = await makeTenant(database.db);
  return { actor: admin.actor, deps: { db: database.db, clock } };
}

describe('items, lots and suppliers', () => {
  it('creates items with a supplier, refuses a taken SKU and an unknown supplier, and patches', async () => {
    const { actor, deps } = await setUp();
    const supplier = await createSupplier(deps, actor, { code: 'SUP', name: '光明' });
    await expect(createSupplier(deps, actor, { code: 'SUP', name: 'x' })).rejects.toMatchObject({
      code: 'warehouse.supplier.code_taken',
    });
    const item = await createItem(deps, actor, {
      sku: 'MILK',
      name: '牛奶',
      weightKg: 6.2,
      barcode: '6901234567892',
      allocationStrategy: 'fefo',
      supplierCode: 'SUP',
    });
    expect(item).toMatchObject({ unit: 'pcs', weightKg: 6.2, catchWeight: false, supplierId: supplier.id });
    await expect(createItem(deps, actor, { sku: 'MILK', name: 'again' })).rejects.toMatchObject({
      code: 'warehouse.item.sku_taken',
    });
    await expect(
      createItem(deps, actor, { sku: 'X', name: 'x', supplierCode: 'NOPE' }),
    ).rejects.toMatchObject({
      issues: [{ path: 'supplierCode' }],
    });
    const patched = await updateItem(deps, actor, item.id, { allocationStrategy: null, unit: '箱' });
    expect(patched).toMatchObject({
      allocationStrategy: null,
      unit: '箱',
      name: '牛奶',
      supplierId: supplier.id,
    });
    expect((await listSuppliers(deps, actor)).items.map((s) => s.code)).toEqual(['SUP']);
  });

  it('searches and pages items by SKU', async () => {
    const { actor, deps } = await setUp();
    for (const sku of ['B-2', 'A-1', 'C-3', 'A-4'])
      await createItem(deps, actor, { sku, name: `item ${sku}` });
    const first = await listItems(deps, actor, { limit: 3 });
    expect(first.items.map((i) => i.sku)).toEqual(['A-1', 'A-4', 'B-2']);
    const second = await listItems(deps, actor, { limit: 3, after: first.nextCursor! });
    expect(second).toMatchObject({ items: [{ sku: 'C-3' }], nextCursor: null });
    expect((await listItems(deps, actor, { q: 'a-', limit: 10 })).items.map((i) => i.sku)).toEqual([
      'A-1',
      'A-4',
    ]);
    await expect(listItems(deps, actor, { limit: 3, after: '!!' })).rejects.toMatchObject({
      code: 'warehouse.item.cursor_invalid',
    });
  });

  it('finds or creates a lot by number and refuses other dates or expiry before production', async () => {
    const { actor, deps } = await setUp();
    const item = await createItem(deps, actor, { sku: 'MILK', name: '牛奶' });
    const context = { supplierId: null, now: clock.now(), path: 'lot' };
    const lot = { lotNumber: 'L1', productionDate: '2026-01-01', expiryDate: '2026-07-01' };
    const created = await database.db.transaction((tx) =>
      findOrCreateLot(tx, actor.tenantId, item.id, lot, context),
    );
    const again = await database.db.transaction((tx) =>
      findOrCreateLot(tx, actor.tenantId, item.id, { lotNumber: 'L1', expiryDate: '2026-07-01' }, context),
    );
    expect(again.id).toBe(created.id);
    await expect(
      database.db.transaction((tx) =>
        findOrCreateLot(tx, actor.tenantId, item.id, { ...lot, expiryDate: '2026-08-01' }, context),
      ),
    ).rejects.toMatchObject({ code: 'warehouse.lot.dates_conflict', issues: [{ path: 'lot' }] });
    await expect(
      database.db.transaction((tx) =>
        findOrCreateLot(
          tx,
          actor.tenantId,
          item.id,
          { lotNumber: 'L2', productionDate: '2026-02-01', expiryDate: '2026-01-01' },
          context,
        ),
      ),
    ).rejects.toMatchObject({ code: 'warehouse.lot.invalid' });
    expect((await listLots(deps, actor, item.id)).items).toEqual([
      {
        id: created.id,
        itemId: item.id,
        lotNumber: 'L1',
        productionDate: '2026-01-01',
        expiryDate: '2026-07-01',
        supplierId: null,
      },
    ]);
  });
});
