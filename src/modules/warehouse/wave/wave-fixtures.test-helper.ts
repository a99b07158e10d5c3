/**
 * The waves' test world: warehouse WH1 with stock of A (1 kg a unit), D (2 kg), B (no weight) and
 * a little C, two customers (vip, svip), one rule with every filter and caps on units and weight,
 * and an order pool with one order for every reason to be left out.
 */
import { createCustomer } from '../../crm/index.js';
import type { Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import {
  makeItem,
  makeLocation,
  makeLot,
  makeWarehouse,
  putStock,
} from '../allocation/allocation-fixtures.test-helper.js';
import { allocateOrder } from '../allocation/allocation.service.js';
import { updateItem } from '../catalog/catalog.service.js';
import type { CreateOutboundOrderRequest } from '../orders/order.contract.js';
import { createOutboundOrder } from '../orders/order.service.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
import type { WaveStrategyInput, WaveStrategyRequest } from './wave.contract.js';
import { saveWaveStrategy } from './wave-strategy.service.js';

/** 14:00 in Shanghai; the rule's cut-off 12:00 is 04:00Z. */
export const WAVE_NOW = '2026-12-07T06:00:00Z';

export const FULL_RULE: WaveStrategyInput['rules'][number] = {
  name: 'SF Zhejiang VIP singles',
  carriers: ['SF'],
  items: 'single',
  provinces: ['浙江省'],
  cutOffTime: '12:00',
  valueTiers: ['vip'],
  types: ['sales'],
  limits: { units: 10, weightKg: 50 },
};

/** A warehouse with stock, customers and a strategy; `push` pushes (and allocates) an order. */
export async function makeWaveWorld(db: Db, deps: WarehouseDeps, actor: Actor, code = 'WH1') {
  const t = actor.tenantId;
  const wh = await makeWarehouse(db, t, code);
  const location = await makeLocation(db, t, wh.id, 'A-01-01-1', { pathRank: 1 });
  const stocked: [string, number, number | null][] = [
    ['A', 100, 1],
    ['D', 100, 2],
    ['B', 20, null],
    ['C', 5, null],
  ];
  for (const [sku, quantity, weightKg] of stocked) {
    const itemId = await makeItem(db, t, `${code}-${sku}`);
    if (weightKg !== null) await updateItem(deps, actor, itemId, { weightKg });
    // Produced last month: young enough for every value tier's stock age limit.
    const lotId = await makeLot(db, t, itemId, `${code}-${sku}-L1`, { productionDate: '2026-11-20' });
    await putStock(db, t, { warehouseId: wh.id, locationId: location, itemId, lotId, quantity });
  }
  const vip = await createCustomer(deps, actor, { kind: 'business', name: `VIP ${code}`, valueTier: 'vip' });
  const svip = await createCustomer(deps, actor, {
    kind: 'business',
    name: `SVIP ${code}`,
    valueTier: 'svip',
  });
  let n = 0;
  /** A sales order of the vip customer by SF to Hangzhou, pushed 01:00Z, allocated unless told. */
  const push = async (
    lines: [string, number][],
    fields: Partial<CreateOutboundOrderRequest> = {},
    allocate = true,
  ): Promise<string> => {
    const { order } = await createOutboundOrder(deps, actor, {
      warehouse: code,
      externalRef: `${code}-SO-${++n}`,
      type: 'sales',
      customerId: vip.id,
      carrier: 'SF',
      destination: { province: '浙江省', city: '杭州市' },
      pushedAt: '2026-12-07T01:00:00Z',
      lines: lines.map(([sku, quantity]) => ({ sku: `${code}-${sku}`, quantity })),
      ...fields,
    });
    if (allocate) await allocateOrder(deps, actor, order.id);
    return order.id;
  };
  const strategy = (input: Partial<WaveStrategyRequest> = {}) =>
    saveWaveStrategy(deps, actor, wh.id, { rules: [FULL_RULE], releasePartiallyAllocated: false, ...input });
  return { wh, vip: vip.id, svip: svip.id, push, strategy };
}

/** The pool with one order for every reason, and two the rule takes; by name. */
export async function pushEveryReason(world: Awaited<ReturnType<typeof makeWaveWorld>>) {
  const { push } = world;
  return {
    taken: await push([['A', 2]]),
    takenUrgent: await push([['A', 1]], { priority: 'urgent', pushedAt: '2026-12-07T03:00:00Z' }),
    pending: await push([['A', 1]], {}, false),
    backordered: await push([['C', 51]], { allocationPolicy: 'backorder' }),
    partial: await push([['C', 8]]),
    carrier: await push([['A', 1]], { carrier: 'ZTO' }),
    itemCount: await push([
      ['A', 1],
      ['D', 1],
    ]),
    destination: await push([['A', 1]], { destination: { province: '江苏省', city: '南京市' } }),
    cutOff: await push([['A', 1]], { pushedAt: '2026-12-07T05:00:00Z' }),
    type: await push([['A', 1]], {
      type: 'requisition',
      customerId: undefined,
      destination: { province: '浙江省', store: 'S1' },
    }),
    valueTier: await push([['A', 1]], { customerId: world.svip }),
    overLimit: await push([['D', 8]]),
    weightUnknown: await push([['B', 1]]),
  };
}
