/**
 * The warehouse (issue 5, "closing note with what was measured"), through the real services:
 * 1. setup: a warehouse of 20 aisles × 60 slots × 2 levels (2,400 locations), 500 items and their
 *    stock (each item in 6 locations, 3 lots of different production dates) by CSV import — rows/s;
 * 2. the order pool: 2,000 sales orders of 1–4 lines for 50 CRM customers of value tiers
 *    svip / vip / standard — orders created/s (one client);
 * 3. allocation: `allocatePool` over the 2,000 — orders/s and lines/s; 300 more orders allocated one
 *    by one — p50/p95 ms; on PostgreSQL, 8 workers on a pool of 10 connections allocating 1,000 more
 *    — orders/s; and 200 orders for ONE scarce SKU (200 units on hand, about 400 wanted) allocated by
 *    8 concurrent workers (on PGlite they queue on its one connection) — orders/s, throwing if more
 *    is reserved than is on hand;
 * 4. re-allocation of 500 allocated orders — orders/s;
 * 5. `rebuildStock` over the whole ledger — moves/s, throwing on any difference;
 * 6. the documents of one 4-line order (pick list, packing slip, label PDF, label ZPL), 20 each —
 *    median ms and bytes.
 *
 * Sizes: `KEHU_BENCH_WAREHOUSE_ORDERS` scales the order counts (default 2,000 pool orders; the other
 * counts follow in proportion: 15% one by one, 50% concurrent, 10% hot, 25% re-allocated).
 * At the end every stock row is checked: active reservations never exceed on hand, and the rebuild
 * finds the ledger and the stock table equal.
 */
import os from 'node:os';
import type { Actor } from '../src/platform/auth/actor.js';
import { actorForMember, addUser, createTenant } from '../src/modules/access/index.js';
import { systemClock } from '../src/platform/clock.js';
import { migrateDatabase } from '../src/platform/db/migrate.js';
import { createCustomer } from '../src/modules/crm/index.js';
import { allocateOrder, allocatePool } from '../src/modules/warehouse/allocation/allocation.service.js';
import type { AllocationResult } from '../src/modules/warehouse/allocation/allocation.contract.js';
import { createItem } from '../src/modules/warehouse/catalog/catalog.service.js';
import type { DocumentKind } from '../src/modules/warehouse/documents/document.contract.js';
import { renderOrderDocument } from '../src/modules/warehouse/documents/document.service.js';
import type { ImportKind } from '../src/modules/warehouse/import/import.contract.js';
import { importWarehouseCsv } from '../src/modules/warehouse/import/import.service.js';
import { createWarehouse } from '../src/modules/warehouse/layout/layout.service.js';
import { createOutboundOrder } from '../src/modules/warehouse/orders/order.service.js';
import { rebuildStock } from '../src/modules/warehouse/stock/rebuild.service.js';
import type { WarehouseDeps } from '../src/modules/warehouse/warehouse-deps.js';
import { median, now, type BenchContext, type Measurement, type ScratchDatabase } from './harness.js';
import {
  hotStockCsv,
  itemsCsv,
  locationCodes,
  locationsCsv,
  makeOrders,
  seededRandom,
  stockCsv,
  type LayoutSize,
  type OrderSpec,
} from './warehouse-data.js';

const LAYOUT: LayoutSize = { aisles: 20, slots: 60, levels: 2 };
const ITEMS = 500;
const LOCATIONS_PER_ITEM = 6;
const TIERS = [
  { tier: 'svip', customers: 10 },
  { tier: 'vip', customers: 15 },
  { tier: 'standard', customers: 25 },
] as const;
const WORKERS = 8;
const HOT_SKU = 'HOT-00001';
const DOCUMENT_RUNS = 20;
const DOCUMENT_KINDS: DocumentKind[] = ['pick-list', 'packing-slip', 'shipping-label', 'shipping-label-zpl'];
const WAREHOUSE = 'BENCH';

type Sizes = { pool: number; single: number; concurrent: number; hot: number; reallocate: number };

function readSizes(): Sizes {
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
type Bench = {
  context: BenchContext;
  database: ScratchDatabase;
  deps: WarehouseDeps;
  admin: Actor;
  warehouseId: string;
  customerIds: string[];
  today: Date;
  rnd: () => number;
};

/** Sets up the warehouse, fills and allocates the pool, rebuilds the ledger, renders documents. */
export async function measure(context: BenchContext): Promise<Measurement[]> {
  const sizes = readSizes();
  // Ten connections on PostgreSQL for the concurrent workers; PGlite always gets one.
  const database = await context.openScratchDatabase({ poolSize: 10 });
  try {
    const started = now();
    await migrateDatabase(database.db);
    context.log(`migrated in ${seconds(now() - started)}; ${loadNote()}`);
    const deps: WarehouseDeps = { db: database.db, clock: systemClock };
    const admin = await seedAdmin(deps);
    const warehouse = await createWarehouse(deps, admin, {
      code: WAREHOUSE,
      name: '基准测试仓 Bench',
      layout: {
        aisles: LAYOUT.aisles,
        blocks: 1,
        slotsPerBlock: LAYOUT.slots,
        slotLength: 1,
        aislePitch: 3,
        crossAisleDepth: 2,
        depot: { x: 0 },
      },
    });
    const bench: Bench = {
      context,
      database,
      deps,
      admin,
      warehouseId: warehouse.id,
      customerIds: [],
      today: new Date(),
      rnd: seededRandom(5),
    };
    const measurements: Measurement[] = [];
    measurements.push(...(await measureSetup(bench)));
    bench.customerIds = await seedCustomers(bench);
    const pool = await measurePool(bench, sizes);
    measurements.push(...pool.measurements);
    measurements.push(...(await measureSingle(bench, sizes)));
    if (context.engine === 'postgres') measurements.push(...(await measureConcurrent(bench, sizes)));
    else context.log(`concurrent allocation skipped: PGlite has one session`);
    measurements.push(...(await measureHotSku(bench, sizes)));
    await expectNoOverallocation(bench);
    measurements.push(...(await measureReallocation(bench, pool.orders, sizes)));
    await expectNoOverallocation(bench);
    context.log(`after re-allocation: ${await expectTierRules(bench)}`);
    measurements.push(...(await measureRebuild(bench)));
    measurements.push(...(await measureDocuments(bench, pool.orders)));
    return measurements;
  } finally {
    await database.drop();
  }
}

async function seedAdmin(deps: WarehouseDeps): Promise<Actor> {
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
async function measureSetup(bench: Bench): Promise<Measurement[]> {
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
async function seedCustomers(bench: Bench): Promise<string[]> {
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
type CreatedOrder = { id: string; lines: number };

/** Creates `specs` one after another; answers them with their ids and the time it took. */
async function createOrders(
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

function ordersOf(bench: Bench, count: number, prefix: string): OrderSpec[] {
  return makeOrders(count, {
    prefix,
    warehouse: WAREHOUSE,
    itemCount: ITEMS,
    customerIds: bench.customerIds,
    today: bench.today,
    rnd: bench.rnd,
  });
}

/** Creates the pool (orders/s) and allocates all of it with `allocatePool` (orders/s, lines/s). */
async function measurePool(
  bench: Bench,
  sizes: Sizes,
): Promise<{ measurements: Measurement[]; orders: CreatedOrder[] }> {
  const { context } = bench;
  const specs = ordersOf(bench, sizes.pool, 'POOL');
  context.log(`creating ${sizes.pool} pool orders`);
  const { orders, ms: createMs } = await createOrders(bench, specs);
  const lines = orders.reduce((sum, o) => sum + o.lines, 0);
  context.log(`created ${sizes.pool} orders (${lines} lines) in ${seconds(createMs)}; allocating the pool`);
  const started = now();
  const report = await allocatePool(bench.deps, bench.admin, {
    warehouseId: bench.warehouseId,
    limit: sizes.pool,
  });
  const allocateMs = now() - started;
  const errors = report.results.filter((r) => r.error);
  if (report.results.length !== sizes.pool || errors.length > 0) {
    throw new Error(
      `allocatePool handled ${report.results.length} of ${sizes.pool} orders; errors ${JSON.stringify(errors.slice(0, 3))}`,
    );
  }
  const statuses = tally(report.results.map((r) => r.status));
  context.log(`allocated the pool in ${seconds(allocateMs)}: ${statuses}`);
  const shortReasons = await countShortReasons(bench);
  const rules = await countRejections(bench);
  const tiers = await expectTierRules(bench);
  context.log(`short lines by reason: ${shortReasons}; rejected candidates: ${rules}; ${tiers}`);
  return {
    orders,
    measurements: [
      {
        metric: `create orders (${sizes.pool})`,
        value: perSecond(sizes.pool, createMs),
        unit: 'orders/s',
        note: `${seconds(createMs)}; createOutboundOrder one after another, ${lines} lines; ${loadNote()}`,
      },
      {
        metric: `allocatePool (${sizes.pool} orders)`,
        value: perSecond(sizes.pool, allocateMs),
        unit: 'orders/s',
        note: `${seconds(allocateMs)}; ${statuses}; short lines: ${shortReasons}; rejected candidates: ${rules}; ${tiers}`,
      },
      {
        metric: `allocatePool lines (${lines})`,
        value: perSecond(lines, allocateMs),
        unit: 'lines/s',
        note: `same run as allocatePool orders/s`,
      },
    ],
  };
}

/** Allocates more orders one by one with `allocateOrder`: p50/p95 per order. */
async function measureSingle(bench: Bench, sizes: Sizes): Promise<Measurement[]> {
  const { orders } = await createOrders(bench, ordersOf(bench, sizes.single, 'ONE'));
  const times: number[] = [];
  const results: AllocationResult[] = [];
  for (const order of orders) {
    const started = now();
    results.push(await allocateOrder(bench.deps, bench.admin, order.id));
    times.push(now() - started);
  }
  const p50 = percentile(times, 50);
  const p95 = percentile(times, 95);
  const statuses = tally(results.map((r) => r.status));
  bench.context.log(
    `allocateOrder × ${orders.length}: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms; ${statuses}`,
  );
  const note = `${orders.length} new orders allocated one by one after the pool; ${statuses}`;
  return [
    { metric: 'allocateOrder p50', value: p50, unit: 'ms', note },
    { metric: 'allocateOrder p95', value: p95, unit: 'ms', note: `${note}; ${loadNote()}` },
  ];
}

/** Runs `work` over `ids` with `workers` concurrent workers, each taking every workers-th id in turn. */
async function runWorkers<T>(
  ids: readonly string[],
  workers: number,
  work: (id: string) => Promise<T>,
): Promise<{ results: T[]; ms: number }> {
  const results: T[] = [];
  const started = now();
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      for (let i = worker; i < ids.length; i += workers) results.push(await work(ids[i]!));
    }),
  );
  return { results, ms: now() - started };
}

/** PostgreSQL: 8 workers on 10 connections, each allocating its share of another batch of orders. */
async function measureConcurrent(bench: Bench, sizes: Sizes): Promise<Measurement[]> {
  const { orders } = await createOrders(bench, ordersOf(bench, sizes.concurrent, 'PAR'));
  const lines = orders.reduce((sum, o) => sum + o.lines, 0);
  const { results, ms } = await runWorkers(
    orders.map((o) => o.id),
    WORKERS,
    (id) => allocateOrder(bench.deps, bench.admin, id),
  );
  const statuses = tally(results.map((r) => r.status));
  bench.context.log(`${WORKERS} workers allocated ${orders.length} orders in ${seconds(ms)}; ${statuses}`);
  return [
    {
      metric: `allocate ${WORKERS} workers (${orders.length} orders)`,
      value: perSecond(orders.length, ms),
      unit: 'orders/s',
      note: `${seconds(ms)}; ${lines} lines; pool of 10 connections; ${statuses}; ${loadNote()}`,
    },
  ];
}

/** Orders for one scarce SKU allocated by 8 concurrent workers; throws if more is reserved than on hand. */
async function measureHotSku(bench: Bench, sizes: Sizes): Promise<Measurement[]> {
  const { context, deps, admin } = bench;
  await createItem(deps, admin, { sku: HOT_SKU, name: '紧俏商品（bench）', unit: '件' });
  const codes = locationCodes(LAYOUT).slice(-3);
  const stocked = await importWarehouseCsv(
    deps,
    admin,
    'stock',
    hotStockCsv(HOT_SKU, codes, sizes.hot, bench.today),
    {
      warehouseId: bench.warehouseId,
    },
  );
  if (stocked.created !== 3) throw new Error(`hot stock import created ${stocked.created} of 3 rows`);
  const specs = ordersOf(bench, sizes.hot, 'HOT').map((spec, index) => ({
    lines: 1,
    request: { ...spec.request, lines: [{ sku: HOT_SKU, quantity: 1 + (index % 3) }] },
  }));
  const demand = specs.reduce((sum, s) => sum + s.request.lines[0]!.quantity, 0);
  const { orders } = await createOrders(bench, specs);
  const { results, ms } = await runWorkers(
    orders.map((o) => o.id),
    WORKERS,
    (id) => allocateOrder(deps, admin, id),
  );
  const { onHand, reserved } = await hotTotals(bench);
  const statuses = tally(results.map((r) => r.status));
  context.log(
    `hot SKU: ${orders.length} orders (${demand} units wanted) by ${WORKERS} workers in ${seconds(ms)}; ` +
      `reserved ${reserved} of ${onHand} on hand; ${statuses}`,
  );
  if (reserved > onHand) throw new Error(`hot SKU oversold: ${reserved} reserved, ${onHand} on hand`);
  if (onHand !== sizes.hot) throw new Error(`hot SKU has ${onHand} on hand, not ${sizes.hot}`);
  const queued = context.engine === 'pglite' ? ', queued on the one PGlite connection' : '';
  return [
    {
      metric: `hot SKU ${WORKERS} workers (${orders.length} orders)`,
      value: perSecond(orders.length, ms),
      unit: 'orders/s',
      note: `${seconds(ms)}${queued}; ${demand} units wanted of ${onHand}; Σ reserved ${reserved} ≤ on hand ${onHand} OK; ${statuses}`,
    },
  ];
}

async function hotTotals(bench: Bench): Promise<{ onHand: number; reserved: number }> {
  const { rows } = await bench.database.pool.query<{ on_hand: number; reserved: number }>(
    `select
       (select coalesce(sum(s.on_hand), 0)::int from stock s join items i on i.tenant_id = s.tenant_id
          and i.id = s.item_id where s.tenant_id = $1 and i.sku = $2) as on_hand,
       (select coalesce(sum(r.quantity), 0)::int from reservations r
          join stock s on s.tenant_id = r.tenant_id and s.id = r.stock_id
          join items i on i.tenant_id = s.tenant_id and i.id = s.item_id
          where r.tenant_id = $1 and r.status = 'active' and i.sku = $2) as reserved`,
    [bench.admin.tenantId, HOT_SKU],
  );
  return { onHand: rows[0]!.on_hand, reserved: rows[0]!.reserved };
}

/** Throws when any stock row has more active reservations than units on hand. */
async function expectNoOverallocation(bench: Bench): Promise<void> {
  const { rows } = await bench.database.pool.query<{ rows: number; example: string | null }>(
    `select count(*)::int as rows, min(s.id::text) as example from stock s
     join (select stock_id, sum(quantity) as held from reservations
           where tenant_id = $1 and status = 'active' group by stock_id) r on r.stock_id = s.id
     where s.tenant_id = $1 and r.held > s.on_hand`,
    [bench.admin.tenantId],
  );
  if (rows[0]!.rows > 0)
    throw new Error(
      `${rows[0]!.rows} stock rows hold more reservations than on hand, e.g. ${rows[0]!.example}`,
    );
}

/** Allocates orders of the pool that hold stock again (releasing first): orders/s. */
async function measureReallocation(bench: Bench, pool: CreatedOrder[], sizes: Sizes): Promise<Measurement[]> {
  const { rows } = await bench.database.pool.query<{ id: string }>(
    `select id from outbound_orders where tenant_id = $1 and status in ('allocated', 'partially_allocated')
     and id = any($2::uuid[]) order by external_ref limit $3`,
    [bench.admin.tenantId, pool.map((o) => o.id), sizes.reallocate],
  );
  const ids = rows.map((row) => row.id);
  const lines = ids.reduce((sum, id) => sum + (pool.find((o) => o.id === id)?.lines ?? 0), 0);
  const started = now();
  const results: AllocationResult[] = [];
  for (const id of ids) results.push(await allocateOrder(bench.deps, bench.admin, id));
  const ms = now() - started;
  const statuses = tally(results.map((r) => r.status));
  bench.context.log(`re-allocated ${ids.length} orders in ${seconds(ms)}; ${statuses}`);
  return [
    {
      metric: `re-allocate (${ids.length} orders)`,
      value: perSecond(ids.length, ms),
      unit: 'orders/s',
      note: `${seconds(ms)}; allocated pool orders, ${lines} lines, one by one (release + allocate); ${statuses}`,
    },
  ];
}

/** Replays the whole ledger; throws when the stock table or the reservations differ from it. */
async function measureRebuild(bench: Bench): Promise<Measurement[]> {
  const started = now();
  const report = await rebuildStock(bench.deps, bench.admin, bench.warehouseId, { repair: false });
  const ms = now() - started;
  bench.context.log(
    `rebuild: ${report.moves} moves, ${report.stockRows} stock rows in ${seconds(ms)}; ` +
      `${report.differences.length} differences, ${report.reservationDifferences} reservation differences`,
  );
  if (report.differences.length > 0 || report.reservationDifferences > 0) {
    throw new Error(
      `rebuild found ${report.differences.length} differences (${JSON.stringify(report.differences.slice(0, 3))}) ` +
        `and ${report.reservationDifferences} reservation differences`,
    );
  }
  const note = `${report.moves} moves, ${report.stockRows} stock rows; no differences`;
  return [
    { metric: `rebuild (${report.moves} moves)`, value: ms, unit: 'ms', note },
    { metric: 'rebuild rate', value: perSecond(report.moves, ms), unit: 'moves/s', note },
  ];
}

/** Renders each document of one allocated 4-line order DOCUMENT_RUNS times: median ms and size. */
async function measureDocuments(bench: Bench, pool: CreatedOrder[]): Promise<Measurement[]> {
  const { rows } = await bench.database.pool.query<{ id: string }>(
    `select id from outbound_orders where tenant_id = $1 and status = 'allocated' and id = any($2::uuid[])
     order by external_ref limit 1`,
    [bench.admin.tenantId, pool.filter((o) => o.lines === 4).map((o) => o.id)],
  );
  const orderId = rows[0]?.id;
  if (!orderId) throw new Error('no fully allocated 4-line order to render documents for');
  const measurements: Measurement[] = [];
  for (const kind of DOCUMENT_KINDS) {
    let started = now();
    const first = await renderOrderDocument(bench.deps, bench.admin, orderId, kind, 'zh-CN');
    const firstMs = now() - started;
    const times: number[] = [];
    for (let i = 0; i < DOCUMENT_RUNS; i++) {
      started = now();
      await renderOrderDocument(bench.deps, bench.admin, orderId, kind, 'zh-CN');
      times.push(now() - started);
    }
    const ms = median(times);
    bench.context.log(
      `${kind}: median ${ms.toFixed(1)} ms, ${first.body.length} bytes (first ${firstMs.toFixed(0)} ms)`,
    );
    measurements.push(
      {
        metric: `${kind} render`,
        value: ms,
        unit: 'ms',
        note: `median of ${DOCUMENT_RUNS} after a first render of ${firstMs.toFixed(0)} ms; 4-line order, zh-CN, load + render`,
      },
      { metric: `${kind} size`, value: first.body.length, unit: 'bytes', note: first.contentType },
    );
  }
  return measurements;
}

/**
 * Throws when an active reservation of an svip (vip) customer's order is on a lot produced more than
 * 3 (6) months ago or of unknown age; answers how many reservations were checked.
 */
async function expectTierRules(bench: Bench): Promise<string> {
  const { rows } = await bench.database.pool.query<{ tier: string; held: number; too_old: number }>(
    `select c.value_tier as tier, count(*)::int as held,
       count(*) filter (where l.production_date is null or l.production_date <
         ($2::date - make_interval(months => case c.value_tier when 'svip' then 3 else 6 end))::date)::int as too_old
     from reservations r
     join outbound_orders o on o.tenant_id = r.tenant_id and o.id = r.order_id
     join customers c on c.tenant_id = o.tenant_id and c.id = o.customer_id
     join stock s on s.tenant_id = r.tenant_id and s.id = r.stock_id
     left join lots l on l.tenant_id = s.tenant_id and l.id = s.lot_id
     where r.tenant_id = $1 and r.status = 'active' and c.value_tier in ('svip', 'vip')
     group by c.value_tier order by c.value_tier`,
    [bench.admin.tenantId, bench.today.toISOString().slice(0, 10)],
  );
  const wrong = rows.filter((row) => row.too_old > 0);
  if (wrong.length > 0)
    throw new Error(`reservations on lots too old for the tier: ${JSON.stringify(wrong)}`);
  return `tier check: ${rows.map((row) => `${row.tier} ${row.held}`).join(', ')} reservations, none too old`;
}

/** The rules that rejected candidate lots in the allocation results so far, e.g. `too_old_for_tier 900`. */
async function countRejections(bench: Bench): Promise<string> {
  const { rows } = await bench.database.pool.query<{ rule: string; candidates: number }>(
    `select c->>'rule' as rule, count(*)::int as candidates
     from allocation_runs a, jsonb_array_elements(a.result->'lines') l, jsonb_array_elements(l->'candidates') c
     where a.tenant_id = $1 and c->>'decision' = 'rejected' group by 1 order by 2 desc`,
    [bench.admin.tenantId],
  );
  return rows.length === 0 ? 'none' : rows.map((row) => `${row.rule} ${row.candidates}`).join(', ');
}

/** How many short lines the pool has, by reason, e.g. `too_old_for_tier 120, insufficient 40`. */
async function countShortReasons(bench: Bench): Promise<string> {
  const { rows } = await bench.database.pool.query<{ reason: string; lines: number }>(
    `select short_reason as reason, count(*)::int as lines from outbound_order_lines
     where tenant_id = $1 and short_quantity > 0 group by short_reason order by count(*) desc`,
    [bench.admin.tenantId],
  );
  return rows.length === 0 ? 'none' : rows.map((row) => `${row.reason} ${row.lines}`).join(', ');
}

/** `allocated 1800, partially_allocated 150, backordered 50`. */
function tally(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([value, count]) => `${value} ${count}`)
    .join(', ');
}

/** The machine's load average: other work on it makes every number here slower. */
function loadNote(): string {
  return `load avg ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cpus`;
}

/** The p-th percentile (nearest rank) of a non-empty list. */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function perSecond(count: number, ms: number): number {
  return count / (ms / 1000);
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
