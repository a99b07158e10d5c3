/** A tenant with a small stocked-up warehouse, for the tests of inbound, stock, rebuild and import. */
import { makeTenant } from '../../../../test/helpers/factories.js';
import type { Clock } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/database.js';
import { createItem, createSupplier } from '../catalog/catalog.service.js';
import { createWarehouse } from '../layout/layout.service.js';
import { createLocation } from '../layout/location.service.js';
import type { WarehouseDeps } from '../warehouse-deps.js';

/**
 * A tenant with warehouse `WH` (layout 4 aisles × 10 slots), storage locations A-01-01-1, A-01-02-1,
 * A-02-01-1, supplier `SUP`, items `MILK` (lots) and `FISH` (catch weight).
 */
export async function makeWarehouse(db: Db, clock: Clock) {
  const { tenant, admin } = await makeTenant(db);
  const deps: WarehouseDeps = { db, clock };
  const warehouse = await createWarehouse(deps, admin.actor, {
    code: 'WH',
    name: 'Main',
    layout: {
      aisles: 4,
      blocks: 1,
      slotsPerBlock: 10,
      slotLength: 1,
      aislePitch: 3,
      crossAisleDepth: 2,
      depot: { x: 0 },
    },
  });
  for (const code of ['A-01-01-1', 'A-01-02-1', 'A-02-01-1'])
    await createLocation(deps, admin.actor, warehouse.id, { code });
  await createSupplier(deps, admin.actor, { code: 'SUP', name: 'Supplier' });
  const milk = await createItem(deps, admin.actor, {
    sku: 'MILK',
    name: '牛奶',
    unit: '箱',
    supplierCode: 'SUP',
  });
  const fish = await createItem(deps, admin.actor, {
    sku: 'FISH',
    name: '鲜鱼',
    unit: '条',
    catchWeight: true,
  });
  return { tenant, admin, actor: admin.actor, deps, warehouse, milk, fish };
}
