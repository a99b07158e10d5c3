/** The warehouse bench's allocation phases: the pool, one by one, concurrent workers, a hot SKU, re-allocation. */
import { allocateOrder, allocatePool } from '../src/modules/warehouse/allocation/allocation.service.js';
import type { AllocationResult } from '../src/modules/warehouse/allocation/allocation.contract.js';
import { createItem } from '../src/modules/warehouse/catalog/catalog.service.js';
import { importWarehouseCsv } from '../src/modules/warehouse/import/import.service.js';
import { now, type Measurement } from './harness.js';
import { hotStockCsv, locationCodes } from './warehouse-data.js';

import { loadNote, percentile, perSecond, seconds } from './stats.js';
import { countRejections, countShortReasons, expectTierRules, tally } from './warehouse-checks.js';
import {
  createOrders,
  HOT_SKU,
  LAYOUT,
  ordersOf,
  WORKERS,
  type Bench,
  type CreatedOrder,
  type Sizes,
} from './warehouse-world.js';

/** Creates the pool (orders/s) and allocates all of it with `allocatePool` (orders/s, lines/s). */
export async function measurePool(
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
export async function measureSingle(bench: Bench, sizes: Sizes): Promise<Measurement[]> {
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
export async function runWorkers<T>(
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
export async function measureConcurrent(bench: Bench, sizes: Sizes): Promise<Measurement[]> {
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
export async function measureHotSku(bench: Bench, sizes: Sizes): Promise<Measurement[]> {
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

export async function hotTotals(bench: Bench): Promise<{ onHand: number; reserved: number }> {
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
export async function expectNoOverallocation(bench: Bench): Promise<void> {
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
export async function measureReallocation(
  bench: Bench,
  pool: CreatedOrder[],
  sizes: Sizes,
): Promise<Measurement[]> {
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
