import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { makeTenant, makeUser } from '../../../../test/helpers/factories.js';
import { fixedClock } from '../../../platform/clock.js';
import type { Database } from '../../../platform/db/database.js';
import { zones } from './layout.table.js';
import { createWarehouse, getWarehouse, updateWarehouse } from './layout.service.js';
import { createLocation, listLocations } from './location.service.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const clock = fixedClock('2026-03-01T08:00:00Z');
const layout = {
  aisles: 4,
  blocks: 1,
  slotsPerBlock: 10,
  slotLength: 1,
  aislePitch: 3,
  crossAisleDepth: 2,
  depot: { x: 0 },
};

async function setUp() {
  const { tenant, admin } = await makeTenant(database.db);
  const deps = { db: database.db, clock };
  const warehouse = await createWarehouse(deps, admin.actor, { code: 'HZ1', name: '杭州仓', layout });
  return { tenant, actor: admin.actor, deps, warehouse };
}

describe('warehouses and locations', () => {
  it('creates a warehouse with RECV and SHIP docks and refuses a taken code', async () => {
    const { actor, deps, warehouse } = await setUp();
    expect(warehouse).toMatchObject({
      code: 'HZ1',
      allocationStrategy: 'fifo',
      allocationPolicy: 'partial',
      layout,
    });
    const docks = await listLocations(deps, actor, warehouse.id, {});
    expect(docks.items.map((l) => [l.code, l.kind, l.pathRank])).toEqual([
      ['RECV', 'receiving', null],
      ['SHIP', 'shipping', null],
    ]);
    await expect(createWarehouse(deps, actor, { code: 'HZ1', name: 'again' })).rejects.toMatchObject({
      code: 'warehouse.warehouse.code_taken',
    });
  });

  it('reads coordinates from a code, makes zone rows, and validates against the layout', async () => {
    const { actor, deps, warehouse } = await setUp();
    const a = await createLocation(deps, actor, warehouse.id, { code: 'A-03-07-2' });
    expect(a).toMatchObject({
      zone: 'A',
      aisle: 3,
      block: 1,
      slot: 7,
      level: 2,
      kind: 'storage',
      pathRank: 2602,
    });
    const explicit = await createLocation(deps, actor, warehouse.id, {
      code: 'X1',
      zone: 'C',
      aisle: 2,
      slot: 10,
    });
    expect(explicit).toMatchObject({ zone: 'C', aisle: 2, slot: 10, block: 1, level: 1, pathRank: 1001 });
    const zoneRows = await database.db.select().from(zones);
    expect(
      zoneRows
        .filter((z) => z.warehouseId === warehouse.id)
        .map((z) => z.code)
        .sort(),
    ).toEqual(['A', 'C']);
    await expect(createLocation(deps, actor, warehouse.id, { code: 'A-05-01-1' })).rejects.toMatchObject({
      code: 'warehouse.location.invalid',
      issues: [{ path: 'aisle', message: 'aisle 5 is outside 1..4' }],
    });
    await expect(createLocation(deps, actor, warehouse.id, { code: 'A-01-11-1' })).rejects.toMatchObject({
      issues: [{ path: 'slot' }],
    });
    await expect(
      createLocation(deps, actor, warehouse.id, { code: 'A-01-01-1', block: 2 }),
    ).rejects.toMatchObject({
      issues: [{ path: 'block' }],
    });
    await expect(createLocation(deps, actor, warehouse.id, { code: 'FLOOR' })).rejects.toMatchObject({
      issues: [{ path: 'aisle', message: expect.stringContaining('needs aisle and slot') }],
    });
    await expect(createLocation(deps, actor, warehouse.id, { code: 'A-03-07-2' })).rejects.toMatchObject({
      code: 'warehouse.location.code_taken',
    });
    // A dock needs no coordinates and has no rank.
    expect(
      await createLocation(deps, actor, warehouse.id, { code: 'DOCK2', kind: 'receiving' }),
    ).toMatchObject({
      pathRank: null,
      aisle: null,
    });
  });

  it('recomputes every path rank when the layout changes, and refuses one that leaves locations out', async () => {
    const { actor, deps, warehouse } = await setUp();
    await createLocation(deps, actor, warehouse.id, { code: 'A-02-03-1' });
    await updateWarehouse(deps, actor, warehouse.id, { layout: { ...layout, slotsPerBlock: 5 } });
    const after = await listLocations(deps, actor, warehouse.id, { kind: 'storage' });
    // Aisle 2 is walked back to front: slot 3 of 5 is the third from the back.
    expect(after.items[0]).toMatchObject({ code: 'A-02-03-1', pathRank: (5 + 2) * 100 + 1 });
    await expect(
      updateWarehouse(deps, actor, warehouse.id, { name: 'x', layout: { ...layout, aisles: 1 } }),
    ).rejects.toMatchObject({ code: 'warehouse.warehouse.layout_invalid', issues: [{ path: 'layout' }] });
    // Nothing of the refused change was stored.
    expect((await getWarehouse(deps, actor, warehouse.id)).name).toBe('杭州仓');
  });

  it('keeps tenants apart and lets pickers only read', async () => {
    const { tenant, deps, warehouse } = await setUp();
    const other = await makeTenant(database.db);
    await expect(getWarehouse(deps, other.admin.actor, warehouse.id)).rejects.toMatchObject({
      code: 'warehouse.warehouse.not_found',
    });
    const picker = await makeUser(database.db, tenant, 'picker');
    expect((await getWarehouse(deps, picker.actor, warehouse.id)).code).toBe('HZ1');
    await expect(
      createLocation(deps, picker.actor, warehouse.id, { code: 'A-01-01-1' }),
    ).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
  });
});
