/**
 * The demo warehouse: two warehouses, suppliers, items with lots of different ages, stock received
 * over the last eight months, and an order pool of every outbound type — allocated, some shipped —
 * so stock, ledger, allocation results and the supplier scorecard have something to show.
 */
import type { Actor } from '../../../platform/auth/actor.js';
import { seededRandom } from '../../../platform/random.js';
import { ListCustomersQuery, listCustomers } from '../../crm/index.js';
import { allocatePool } from '../allocation/allocation.service.js';
import { createItem, createSupplier } from '../catalog/catalog.service.js';
import type { CreateItemInput } from '../catalog/catalog.contract.js';
import { receive } from '../inbound/inbound.service.js';
import type { ReceiptLineInput } from '../inbound/inbound.contract.js';
import { createLocation, createWarehouse } from '../layout/layout.service.js';
import type { CreateOutboundOrderRequest } from '../orders/order.contract.js';
import { createOutboundOrder, setCustomerLotRule } from '../orders/order.service.js';
import { shipOrder } from '../allocation/ship.service.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
import { DAY_MS } from '../../../platform/clock.js';

const SUPPLIERS = [
  { code: 'SUP-DAIRY', name: '光明乳业 Bright Dairy' },
  { code: 'SUP-MED', name: '华东医疗器械 East China Medical' },
  { code: 'SUP-FRESH', name: '舟山海鲜 Zhoushan Seafood' },
  { code: 'SUP-GROCERY', name: '中粮食品 COFCO Foods' },
] as const;

type DemoItem = CreateItemInput & { shelfLifeDays: number; perReceipt: number };

const ITEMS: DemoItem[] = [
  {
    sku: 'MILK-250',
    name: '有机纯牛奶 250ml×24 Organic milk',
    unit: '箱',
    weightKg: 6.2,
    barcode: '6901234567892',
    allocationStrategy: 'fefo',
    supplierCode: 'SUP-DAIRY',
    shelfLifeDays: 180,
    perReceipt: 120,
  },
  {
    sku: 'YOGURT-100',
    name: '原味酸奶 100g×12 Yogurt',
    unit: '箱',
    weightKg: 1.3,
    barcode: '6901234567908',
    allocationStrategy: 'fefo',
    supplierCode: 'SUP-DAIRY',
    shelfLifeDays: 21,
    perReceipt: 80,
  },
  {
    sku: 'CHEESE-200',
    name: '切达奶酪 200g Cheddar',
    unit: '盒',
    weightKg: 0.2,
    supplierCode: 'SUP-DAIRY',
    shelfLifeDays: 270,
    perReceipt: 200,
  },
  {
    sku: 'MASK-N95',
    name: '医用防护口罩 N95 (50只) Medical masks',
    unit: '盒',
    weightKg: 0.4,
    barcode: '6923456789012',
    supplierCode: 'SUP-MED',
    shelfLifeDays: 1095,
    perReceipt: 300,
  },
  {
    sku: 'SYRINGE-5',
    name: '一次性注射器 5ml (100支) Syringes',
    unit: '盒',
    weightKg: 0.9,
    supplierCode: 'SUP-MED',
    shelfLifeDays: 1095,
    perReceipt: 150,
  },
  {
    sku: 'SALMON-FRESH',
    name: '冰鲜三文鱼 Fresh salmon',
    unit: '条',
    weightKg: 4.5,
    catchWeight: true,
    allocationStrategy: 'fefo',
    supplierCode: 'SUP-FRESH',
    shelfLifeDays: 10,
    perReceipt: 40,
  },
  {
    sku: 'RICE-5KG',
    name: '东北大米 5kg Rice',
    unit: '袋',
    weightKg: 5,
    allocationStrategy: 'nearest',
    supplierCode: 'SUP-GROCERY',
    shelfLifeDays: 365,
    perReceipt: 200,
  },
  {
    sku: 'OIL-5L',
    name: '花生油 5L Peanut oil',
    unit: '桶',
    weightKg: 4.6,
    supplierCode: 'SUP-GROCERY',
    shelfLifeDays: 540,
    perReceipt: 100,
  },
];

const CONTACTS = ['王先生 Mr Wang', '李女士 Ms Li', '张经理 Manager Zhang', '陈主任 Director Chen'] as const;
const STORES = ['杭州西湖店', '杭州滨江店', '上海徐汇店', '南京新街口店'] as const;
const CARRIERS = ['SF 顺丰', 'JD 京东物流', 'ZTO 中通'] as const;
const DESTINATIONS = [
  { province: '浙江省', city: '杭州市', district: '西湖区', address: '文三路 90 号' },
  { province: '上海市', city: '上海市', district: '徐汇区', address: '漕溪北路 88 号' },
  { province: '江苏省', city: '南京市', district: '鼓楼区', address: '中山路 1 号' },
  { province: '广东省', city: '深圳市', district: '南山区', address: '科技园 3 栋' },
] as const;

/** Seeds the demo warehouse for the tenant of `admin`; returns what it created. */
export async function seedDemoWarehouse(
  deps: WarehouseDeps,
  admin: Actor,
): Promise<{ warehouses: number; items: number; receipts: number; orders: number; shipped: number }> {
  const rnd = seededRandom(11);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const now = deps.clock.now().getTime();
  const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

  const main = await createWarehouse(deps, admin, { code: 'HZ1', name: '杭州一号仓 Hangzhou DC' });
  const second = await createWarehouse(deps, admin, { code: 'SH1', name: '上海前置仓 Shanghai hub' });
  const storage: string[] = [];
  // Zone A (ambient): aisles 1–6; zone C (cold): aisles 7–10; every third slot, two levels.
  for (let aisle = 1; aisle <= 10; aisle++) {
    const zone = aisle <= 6 ? 'A' : 'C';
    for (let slot = 2; slot <= 29; slot += 3) {
      for (const level of [1, 2]) {
        const code = `${zone}-${String(aisle).padStart(2, '0')}-${String(slot).padStart(2, '0')}-${level}`;
        await createLocation(deps, admin, main.id, { code });
        storage.push(code);
      }
    }
  }
  for (let slot = 1; slot <= 10; slot++)
    await createLocation(deps, admin, second.id, { code: `A-01-${slot}-1` });
  for (const supplier of SUPPLIERS) await createSupplier(deps, admin, supplier);
  for (const { shelfLifeDays: _life, perReceipt: _per, ...item } of ITEMS)
    await createItem(deps, admin, item);

  // Receipts over the last eight months: every item gets a lot roughly every five weeks.
  const cold = storage.filter((code) => code.startsWith('C-'));
  const ambient = storage.filter((code) => code.startsWith('A-'));
  let receipts = 0;
  for (let monthsAgo = 8; monthsAgo >= 0; monthsAgo--) {
    const receivedAt = now - monthsAgo * 35 * DAY_MS - 2 * 3600_000;
    const lines: ReceiptLineInput[] = [];
    for (const item of ITEMS) {
      // Short-lived goods only arrive recently, so the demo is not full of long-expired fish.
      if (item.shelfLifeDays < 60 && monthsAgo > 1) continue;
      const produced = receivedAt - Math.floor(rnd() * 6) * DAY_MS;
      const quantity = Math.round(item.perReceipt * (0.6 + rnd() * 0.8));
      lines.push({
        sku: item.sku,
        quantity,
        lot: {
          lotNumber: `${item.sku.split('-')[0]}${dateOf(produced).replaceAll('-', '')}`,
          productionDate: dateOf(produced),
          expiryDate: dateOf(produced + item.shelfLifeDays * DAY_MS),
        },
        weightKg: item.catchWeight ? Math.round(quantity * item.weightKg! * 100) / 100 : undefined,
        putawayTo: pick(item.supplierCode === 'SUP-DAIRY' || item.catchWeight ? cold : ambient),
      });
    }
    for (const supplier of SUPPLIERS) {
      const own = lines.filter(
        (line) => ITEMS.find((item) => item.sku === line.sku)?.supplierCode === supplier.code,
      );
      if (own.length === 0) continue;
      await receive(deps, admin, main.id, {
        supplierCode: supplier.code,
        reference: `PO-${dateOf(receivedAt).replaceAll('-', '')}-${supplier.code.slice(4)}`,
        receivedAt: new Date(receivedAt).toISOString(),
        lines: own,
      });
      receipts++;
    }
  }

  // The order pool: sales to CRM customers of every value tier, store requisitions, returns, scrap, a transfer.
  const customersOf = async (valueTier: string) =>
    (await listCustomers(deps, admin, ListCustomersQuery.parse({ valueTier, limit: 8 }))).items;
  const byTier = {
    svip: await customersOf('svip'),
    vip: await customersOf('vip'),
    standard: await customersOf('standard'),
  };
  const hospital = byTier.vip[0];
  if (hospital) await setCustomerLotRule(deps, admin, hospital.id, { singleLotPerLine: true });
  const orders: CreateOutboundOrderRequest[] = [];
  let seq = 1;
  const ref = (prefix: string) => `${prefix}-${String(seq++).padStart(5, '0')}`;
  const salesSkus = ['MILK-250', 'YOGURT-100', 'CHEESE-200', 'RICE-5KG', 'OIL-5L', 'MASK-N95'];
  for (const [tier, customers] of Object.entries(byTier)) {
    for (const customer of customers.slice(0, 5)) {
      orders.push({
        warehouse: 'HZ1',
        source: 'shop',
        externalRef: ref('SO'),
        type: 'sales',
        origin: customer.kind === 'consumer' ? 'consumer' : 'upstream',
        priority: tier === 'svip' && rnd() < 0.5 ? 'urgent' : pick(['normal', 'normal', 'high'] as const),
        pushedAt: new Date(now - Math.floor(rnd() * 36) * 3600_000).toISOString(),
        carrier: pick(CARRIERS),
        destination: {
          ...pick(DESTINATIONS),
          contact: pick(CONTACTS),
          phone: `+86 138 ${String(seq).padStart(4, '0')} 0000`,
        },
        customerId: customer.id,
        allocationPolicy: 'partial',
        lines: [
          { sku: pick(salesSkus), quantity: 2 + Math.floor(rnd() * 12) },
          { sku: pick(salesSkus), quantity: 1 + Math.floor(rnd() * 6) },
        ].filter((line, index, all) => all.findIndex((other) => other.sku === line.sku) === index),
      });
    }
  }
  for (const store of STORES) {
    orders.push({
      warehouse: 'HZ1',
      source: 'erp',
      externalRef: ref('RQ'),
      type: 'requisition',
      priority: 'normal',
      pushedAt: new Date(now - Math.floor(rnd() * 48) * 3600_000).toISOString(),
      carrier: pick(CARRIERS),
      destination: { province: '浙江省', city: '杭州市', store },
      lines: [
        { sku: 'RICE-5KG', quantity: 20 + Math.floor(rnd() * 20) },
        { sku: 'OIL-5L', quantity: 10 + Math.floor(rnd() * 10) },
      ],
    });
  }
  const reasons = ['defective', 'wrong_goods', 'expired', 'over_delivery', 'defective', 'other'] as const;
  for (let monthsAgo = 5; monthsAgo >= 0; monthsAgo--) {
    for (const supplier of ['SUP-DAIRY', 'SUP-MED', 'SUP-GROCERY'] as const) {
      if (rnd() < 0.3) continue;
      const sku = pick(ITEMS.filter((item) => item.supplierCode === supplier)).sku;
      orders.push({
        warehouse: 'HZ1',
        source: 'erp',
        externalRef: ref('RT'),
        type: 'return_to_supplier',
        returnReason: pick(reasons),
        supplierCode: supplier,
        priority: 'low',
        pushedAt: new Date(now - monthsAgo * 30 * DAY_MS - Math.floor(rnd() * 20) * DAY_MS).toISOString(),
        lines: [{ sku, quantity: 1 + Math.floor(rnd() * (supplier === 'SUP-DAIRY' ? 40 : 8)) }],
      });
    }
  }
  orders.push({
    warehouse: 'HZ1',
    source: 'erp',
    externalRef: ref('SC'),
    type: 'scrap',
    priority: 'low',
    note: '过期酸奶报废 Expired yogurt',
    lines: [{ sku: 'YOGURT-100', quantity: 5 }],
  });
  orders.push({
    warehouse: 'HZ1',
    source: 'erp',
    externalRef: ref('TR'),
    type: 'transfer',
    targetWarehouse: 'SH1',
    priority: 'high',
    carrier: 'JD 京东物流',
    destination: { province: '上海市', city: '上海市', store: '上海前置仓' },
    lines: [
      { sku: 'MASK-N95', quantity: 40 },
      { sku: 'RICE-5KG', quantity: 30 },
    ],
  });

  const created = [];
  for (const order of orders) created.push((await createOutboundOrder(deps, admin, order)).order);
  const allocated = await allocatePool(deps, admin, { limit: 500 });
  // Ship the returns (so the scorecard has history), the transfer and some sales orders; the rest
  // wait in the pool. Orders with a catch-weight line wait for the scale.
  const catchWeight = new Set(ITEMS.filter((item) => item.catchWeight).map((item) => item.sku));
  let shipped = 0;
  for (const order of created) {
    const status = allocated.results.find((result) => result.orderId === order.id)?.status;
    if (status !== 'allocated' || order.lines.some((line) => catchWeight.has(line.sku))) continue;
    if (order.type === 'sales' && rnd() >= 0.3) continue;
    if (order.type === 'requisition') continue;
    await shipOrder(deps, admin, order.id, { weights: [] });
    shipped++;
  }
  return { warehouses: 2, items: ITEMS.length, receipts, orders: created.length, shipped };
}
