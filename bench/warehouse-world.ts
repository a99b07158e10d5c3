/** The warehouse bench's world: sizes, the shared state of its phases, setup imports, customers and orders. */
import type { Actor } from '../src/platform/auth/actor.js';
import { actorForMember, addUser, createTenant } from '../src/modules/access/index.js';
import { createCustomer } from '../src/modules/crm/index.js';
import type { DocumentKind } from '../src/modules/warehouse/documents/document.contract.js';
import type { ImportKind } from '../src/modules/warehouse/import/import.contract.js';
import { importWarehouseCsv } from '../src/modules/warehouse/import/import.service.js';
import { createOutboundOrder } from '../src/modules/warehouse/orders/order.service.js';
import type { WarehouseDeps } from '../src/modules/warehouse/warehouse-deps.js';
import { now, type BenchContext, type Measurement, type ScratchDatabase } from './harness.js';
import {
  itemsCsv,
  locationCodes,
  locationsCsv,
  makeOrders,
  stockCsv,
  type LayoutSize,
  type OrderSpec,
} from './warehouse-data.js';

import { perSecond, seconds } from './stats.js';

export const LAYOUT: LayoutSize = { aisles: 20, slots: 60, levels: 2 };
export const ITEMS = 500;
export const LOCATIONS_PER_ITEM = 6;
export const TIERS = [
  { tier: 'svip', customers: 10 },
  { tier: 'vip', customers: 15 },
  { tier: 'standard', customers: 25 },
] as const;
export const WORKERS = 8;
export const HOT_SKU = 'HOT-00001';
export const DOCUMENT_RUNS = 20;
export const DOCUMENT_KINDS: DocumentKind[] = [
  'pick-list',
  'packing-slip',
  'shipping-label',
  'shipping-label-zpl',
];
export const WAREHOUSE = 'BENCH';

export type Sizes = { pool: number; single: number; concurrent: number; hot: number; reallocate: number };

export function readSizes(): Sizes {
  const pool = Number(process.env.KEHU_BENCH_WAREHOUSE_ORDERS ?? 2_000);
  if (!Number.isInteger(pool) || pool < 100)
    throw new Error('KEHU_BENCH_WAREHOUSE_ORDERS must be an integer >= 100');
  return {
    pool,
    single: Math.round(pool * 0.15),
    concurrent: Math.round(pool * 0.5),
    hot: Math.round(pool * 0.1),
    reallocate: Math.round(pool * 0.25),
  };
}

/** Everything the phases share. */
export type Bench = {
  context: BenchContext;
  database: ScratchDatabase;
  deps: WarehouseDeps;
  admin: Actor;
  warehouseId: string;
  customerIds: string[];
  today: Date;
  rnd: () => number;
};

export async function seedAdmin(deps: WarehouseDeps): Promise<Actor> {
  const tenant = await createTenant(deps.db, { slug: 'bench-warehouse', name: 'Bench warehouse' });
  const user = await addUser(deps.db, tenant.id, {
    email: 'admin@bench-warehouse.bench',
    name: 'admin',
    password: 'bench-password',
    role: 'admin',
  });
  return (await actorForMember(deps.db, tenant, user.id, 'session'))!;
}

/** Imports the layout, the catalog and the stock; rows/s of each import. */
export async function measureSetup(bench: Bench): Promise<Measurement[]> {
  const codes = locationCodes(LAYOUT);
  const stock = stockCsv(codes, ITEMS, LOCATIONS_PER_ITEM, bench.today, bench.rnd);
  const files: { kind: ImportKind; bytes: Buffer; rows: number; note: string }[] = [
    {
      kind: 'locations',
      bytes: locationsCsv(LAYOUT),
      rows: codes.length,
      note: `${LAYOUT.aisles} aisles × ${LAYOUT.slots} slots × ${LAYOUT.levels} levels, path rank computed`,
    },
    {
      kind: 'items',
      bytes: itemsCsv(ITEMS),
      rows: ITEMS,
      note: 'Chinese headers; 60% fifo, 25% fefo, 15% nearest',
    },
    {
      kind: 'stock',
      bytes: stock.bytes,
      rows: stock.rows,
      note: `${ITEMS} items × ${LOCATIONS_PER_ITEM} locations, 3 lots each (20/105/200 days old), ${stock.units} units; one receipt`,
    },
  ];
  const measurements: Measurement[] = [];
  for (const file of files) {
    const started = now();
    const report = await importWarehouseCsv(bench.deps, bench.admin, file.kind, file.bytes, {
      warehouseId: bench.warehouseId,
    });
    const ms = now() - started;
    if (report.created !== file.rows || report.rejected.length > 0) {
      throw new Error(
        `${file.kind} import created ${report.created} of ${file.rows} rows; rejected ${JSON.stringify(report.rejected.slice(0, 3))}`,
      );
    }
    bench.context.log(`import ${file.kind}: ${file.rows} rows in ${seconds(ms)}`);
    measurements.push({
      metric: `import ${file.kind} (${file.rows} rows)`,
      value: perSecond(file.rows, ms),
      unit: 'rows/s',
      note: `${seconds(ms)}; ${file.note}`,
    });
  }
  return measurements;
}

/** 50 business customers: 10 svip, 15 vip, 25 standard. */
export async function seedCustomers(bench: Bench): Promise<string[]> {
  const ids: string[] = [];
  let n = 0;
  for (const { tier, customers } of TIERS) {
    for (let i = 0; i < customers; i++) {
      n++;
      const customer = await createCustomer(bench.deps, bench.admin, {
        kind: 'business',
        name: `基准客户 ${n} 号有限公司`,
        valueTier: tier,
        allowDuplicate: true,
      });
      ids.push(customer.id);
    }
  }
  bench.context.log(
    `${ids.length} customers created (${TIERS.map((t) => `${t.customers} ${t.tier}`).join(', ')})`,
  );
  return ids;
}

/** An order in the bench warehouse, as created. */
export type CreatedOrder = { id: string; lines: number };

/** Creates `specs` one after another; answers them with their ids and the time it took. */
export async function createOrders(
  bench: Bench,
  specs: OrderSpec[],
): Promise<{ orders: CreatedOrder[]; ms: number }> {
  const orders: CreatedOrder[] = [];
  const started = now();
  for (const spec of specs) {
    const { order, created } = await createOutboundOrder(bench.deps, bench.admin, spec.request);
    if (!created) throw new Error(`order ${spec.request.externalRef} existed already`);
    orders.push({ id: order.id, lines: spec.lines });
  }
  return { orders, ms: now() - started };
}

export function ordersOf(bench: Bench, count: number, prefix: string): OrderSpec[] {
  return makeOrders(count, {
    prefix,
    warehouse: WAREHOUSE,
    itemCount: ITEMS,
    customerIds: bench.customerIds,
    today: bench.today,
    rnd: bench.rnd,
  });
}
