/**
 * The demo order pool: sales to CRM customers of every value tier, store requisitions, returns to
 * suppliers over the last months, a scrap order and a transfer. Pure: the random source and the
 * customers are handed in, so the same seed gives the same pool.
 */
import { DAY_MS } from '../../../platform/clock.js';
import type { CreateOutboundOrderRequest } from '../orders/order.contract.js';
import { CARRIERS, CONTACTS, DESTINATIONS, ITEMS, STORES } from './demo-data.js';

/** A CRM customer as the demo orders need it. */
export type DemoCustomer = { id: string; kind: string };

/** The random source and the order reference counter the pool is drawn with. */
type Draw = {
  rnd: () => number;
  pick: <T>(list: readonly T[]) => T;
  now: number;
  seq: number;
};

/** The demo pool for these customers by value tier, drawn from `rnd` (called in a fixed order). */
export function demoOrders(
  rnd: () => number,
  now: number,
  byTier: Record<'svip' | 'vip' | 'standard', DemoCustomer[]>,
): CreateOutboundOrderRequest[] {
  const draw: Draw = { rnd, pick: (list) => list[Math.floor(rnd() * list.length)]!, now, seq: 1 };
  return [
    ...salesOrders(draw, byTier),
    ...requisitions(draw),
    ...returnsToSuppliers(draw),
    {
      warehouse: 'HZ1',
      source: 'erp',
      externalRef: ref(draw, 'SC'),
      type: 'scrap',
      priority: 'low',
      note: '过期酸奶报废 Expired yogurt',
      lines: [{ sku: 'YOGURT-100', quantity: 5 }],
    },
    {
      warehouse: 'HZ1',
      source: 'erp',
      externalRef: ref(draw, 'TR'),
      type: 'transfer',
      targetWarehouse: 'SH1',
      priority: 'high',
      carrier: 'JD 京东物流',
      destination: { province: '上海市', city: '上海市', store: '上海前置仓' },
      lines: [
        { sku: 'MASK-N95', quantity: 40 },
        { sku: 'RICE-5KG', quantity: 30 },
      ],
    },
  ];
}

function ref(draw: Draw, prefix: string): string {
  return `${prefix}-${String(draw.seq++).padStart(5, '0')}`;
}

const SALES_SKUS = ['MILK-250', 'YOGURT-100', 'CHEESE-200', 'RICE-5KG', 'OIL-5L', 'MASK-N95'];

/** Up to five sales orders per value tier, each with one or two lines. */
function salesOrders(draw: Draw, byTier: Record<string, DemoCustomer[]>): CreateOutboundOrderRequest[] {
  const { rnd, pick, now } = draw;
  const orders: CreateOutboundOrderRequest[] = [];
  for (const [tier, customers] of Object.entries(byTier)) {
    for (const customer of customers.slice(0, 5)) {
      orders.push({
        warehouse: 'HZ1',
        source: 'shop',
        externalRef: ref(draw, 'SO'),
        type: 'sales',
        origin: customer.kind === 'consumer' ? 'consumer' : 'upstream',
        priority: tier === 'svip' && rnd() < 0.5 ? 'urgent' : pick(['normal', 'normal', 'high'] as const),
        pushedAt: new Date(now - Math.floor(rnd() * 36) * 3600_000).toISOString(),
        carrier: pick(CARRIERS),
        destination: {
          ...pick(DESTINATIONS),
          contact: pick(CONTACTS),
          phone: `+86 138 ${String(draw.seq).padStart(4, '0')} 0000`,
        },
        customerId: customer.id,
        allocationPolicy: 'partial',
        lines: [
          { sku: pick(SALES_SKUS), quantity: 2 + Math.floor(rnd() * 12) },
          { sku: pick(SALES_SKUS), quantity: 1 + Math.floor(rnd() * 6) },
        ].filter((line, index, all) => all.findIndex((other) => other.sku === line.sku) === index),
      });
    }
  }
  return orders;
}

/** One rice-and-oil requisition per store. */
function requisitions(draw: Draw): CreateOutboundOrderRequest[] {
  const { rnd, pick, now } = draw;
  return STORES.map((store) => ({
    warehouse: 'HZ1',
    source: 'erp',
    externalRef: ref(draw, 'RQ'),
    type: 'requisition',
    priority: 'normal',
    pushedAt: new Date(now - Math.floor(rnd() * 48) * 3600_000).toISOString(),
    carrier: pick(CARRIERS),
    destination: { province: '浙江省', city: '杭州市', store },
    lines: [
      { sku: 'RICE-5KG', quantity: 20 + Math.floor(rnd() * 20) },
      { sku: 'OIL-5L', quantity: 10 + Math.floor(rnd() * 10) },
    ],
  }));
}

const REASONS = ['defective', 'wrong_goods', 'expired', 'over_delivery', 'defective', 'other'] as const;

/** Returns to three suppliers over the last six months (the dairy returns the most). */
function returnsToSuppliers(draw: Draw): CreateOutboundOrderRequest[] {
  const { rnd, pick, now } = draw;
  const orders: CreateOutboundOrderRequest[] = [];
  for (let monthsAgo = 5; monthsAgo >= 0; monthsAgo--) {
    for (const supplier of ['SUP-DAIRY', 'SUP-MED', 'SUP-GROCERY'] as const) {
      if (rnd() < 0.3) continue;
      const sku = pick(ITEMS.filter((item) => item.supplierCode === supplier)).sku;
      orders.push({
        warehouse: 'HZ1',
        source: 'erp',
        externalRef: ref(draw, 'RT'),
        type: 'return_to_supplier',
        returnReason: pick(REASONS),
        supplierCode: supplier,
        priority: 'low',
        pushedAt: new Date(now - monthsAgo * 30 * DAY_MS - Math.floor(rnd() * 20) * DAY_MS).toISOString(),
        lines: [{ sku, quantity: 1 + Math.floor(rnd() * (supplier === 'SUP-DAIRY' ? 40 : 8)) }],
      });
    }
  }
  return orders;
}
