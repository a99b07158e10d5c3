/**
 * The demo warehouse: two warehouses, suppliers, items with lots of different ages, stock received
 * over the last eight months, and an order pool of every outbound type — allocated, some shipped —
 * so stock, ledger, allocation results and the supplier scorecard have something to show.
 */
import type { Actor } from '../../../platform/auth/actor.js';
import { DAY_MS } from '../../../platform/clock.js';
import { seededRandom } from '../../../platform/random.js';
import { ListCustomersQuery, listCustomers } from '../../crm/index.js';
import { allocatePool } from '../allocation/allocation.service.js';
import { shipOrder } from '../allocation/ship.service.js';
import { createItem, createSupplier } from '../catalog/catalog.service.js';
import type { ReceiptLineInput } from '../inbound/inbound.contract.js';
import { receive } from '../inbound/receipt.service.js';
import { createWarehouse } from '../layout/layout.service.js';
import { createLocation } from '../layout/location.service.js';
import type { OutboundOrderDetail } from '../orders/order.contract.js';
import { createOutboundOrder, setCustomerLotRule } from '../orders/order.service.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
import { ITEMS, SUPPLIERS } from './demo-data.js';
import { demoOrders } from './demo-orders.js';

/** The seed's random source, shared by every step in a fixed order so a seed gives the same demo. */
type Draw = { rnd: () => number; pick: <T>(list: readonly T[]) => T; now: number };

/** Seeds the demo warehouse for the tenant of `admin`; returns what it created. */
export async function seedDemoWarehouse(
  deps: WarehouseDeps,
  admin: Actor,
): Promise<{ warehouses: number; items: number; receipts: number; orders: number; shipped: number }> {
  const rnd = seededRandom(11);
  const draw: Draw = {
    rnd,
    pick: (list) => list[Math.floor(rnd() * list.length)]!,
    now: deps.clock.now().getTime(),
  };
  const { main, storage } = await seedLayout(deps, admin);
  for (const supplier of SUPPLIERS) await createSupplier(deps, admin, supplier);
  for (const { shelfLifeDays: _life, perReceipt: _per, ...item } of ITEMS)
    await createItem(deps, admin, item);
  const receipts = await seedReceipts(deps, admin, draw, main, storage);
  const customersOf = async (valueTier: string) =>
    (await listCustomers(deps, admin, ListCustomersQuery.parse({ valueTier, limit: 8 }))).items;
  const byTier = {
    svip: await customersOf('svip'),
    vip: await customersOf('vip'),
    standard: await customersOf('standard'),
  };
  const hospital = byTier.vip[0];
  if (hospital) await setCustomerLotRule(deps, admin, hospital.id, { singleLotPerLine: true });
  const created = [];
  for (const order of demoOrders(rnd, draw.now, byTier))
    created.push((await createOutboundOrder(deps, admin, order)).order);
  const shipped = await allocateAndShip(deps, admin, draw, created);
  return { warehouses: 2, items: ITEMS.length, receipts, orders: created.length, shipped };
}

/**
 * The two warehouses and their storage locations: in the main one zone A (ambient) has aisles 1–6
 * and zone C (cold) aisles 7–10, every third slot on two levels. Answers the main one's codes.
 */
async function seedLayout(deps: WarehouseDeps, admin: Actor): Promise<{ main: string; storage: string[] }> {
  const main = await createWarehouse(deps, admin, { code: 'HZ1', name: '杭州一号仓 Hangzhou DC' });
  const second = await createWarehouse(deps, admin, { code: 'SH1', name: '上海前置仓 Shanghai hub' });
  const storage: string[] = [];
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
  return { main: main.id, storage };
}

/** Receipts over the last eight months: every item gets a lot roughly every five weeks. */
async function seedReceipts(
  deps: WarehouseDeps,
  admin: Actor,
  draw: Draw,
  warehouseId: string,
  storage: string[],
): Promise<number> {
  const cold = storage.filter((code) => code.startsWith('C-'));
  const ambient = storage.filter((code) => code.startsWith('A-'));
  let receipts = 0;
  for (let monthsAgo = 8; monthsAgo >= 0; monthsAgo--) {
    const receivedAt = draw.now - monthsAgo * 35 * DAY_MS - 2 * 3600_000;
    const lines = receiptLines(draw, receivedAt, monthsAgo, { cold, ambient });
    for (const supplier of SUPPLIERS) {
      const own = lines.filter(
        (line) => ITEMS.find((item) => item.sku === line.sku)?.supplierCode === supplier.code,
      );
      if (own.length === 0) continue;
      await receive(deps, admin, warehouseId, {
        supplierCode: supplier.code,
        reference: `PO-${dateOf(receivedAt).replaceAll('-', '')}-${supplier.code.slice(4)}`,
        receivedAt: new Date(receivedAt).toISOString(),
        lines: own,
      });
      receipts++;
    }
  }
  return receipts;
}

/** One month's receipt lines: a fresh lot of every item, dairy and fish put away cold. */
function receiptLines(
  draw: Draw,
  receivedAt: number,
  monthsAgo: number,
  zones: { cold: string[]; ambient: string[] },
): ReceiptLineInput[] {
  const lines: ReceiptLineInput[] = [];
  for (const item of ITEMS) {
    // Short-lived goods only arrive recently, so the demo is not full of long-expired fish.
    if (item.shelfLifeDays < 60 && monthsAgo > 1) continue;
    const produced = receivedAt - Math.floor(draw.rnd() * 6) * DAY_MS;
    const quantity = Math.round(item.perReceipt * (0.6 + draw.rnd() * 0.8));
    lines.push({
      sku: item.sku,
      quantity,
      lot: {
        lotNumber: `${item.sku.split('-')[0]}${dateOf(produced).replaceAll('-', '')}`,
        productionDate: dateOf(produced),
        expiryDate: dateOf(produced + item.shelfLifeDays * DAY_MS),
      },
      weightKg: item.catchWeight ? Math.round(quantity * item.weightKg! * 100) / 100 : undefined,
      putawayTo: draw.pick(
        item.supplierCode === 'SUP-DAIRY' || item.catchWeight ? zones.cold : zones.ambient,
      ),
    });
  }
  return lines;
}

/**
 * Allocates the pool, then ships the returns (so the scorecard has history), the transfer and some
 * sales orders; the rest wait in the pool. Orders with a catch-weight line wait for the scale.
 */
async function allocateAndShip(
  deps: WarehouseDeps,
  admin: Actor,
  draw: Draw,
  created: OutboundOrderDetail[],
): Promise<number> {
  const allocated = await allocatePool(deps, admin, { limit: 500 });
  const catchWeight = new Set(ITEMS.filter((item) => item.catchWeight).map((item) => item.sku));
  let shipped = 0;
  for (const order of created) {
    const status = allocated.results.find((result) => result.orderId === order.id)?.status;
    if (status !== 'allocated' || order.lines.some((line) => catchWeight.has(line.sku))) continue;
    if (order.type === 'sales' && draw.rnd() >= 0.3) continue;
    if (order.type === 'requisition') continue;
    await shipOrder(deps, admin, order.id, { weights: [] });
    shipped++;
  }
  return shipped;
}

function dateOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
