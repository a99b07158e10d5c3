/**
 * The warehouse (issue 5, "closing note with what was measured"), through the real services:
 * 1. setup: a warehouse of 20 aisles × 60 slots × 2 levels (2,400 locations), 500 items and their
 *    stock (each item in 6 locations, 3 lots of different production dates) by CSV import — rows/s;
 * 2. the order pool: 2,000 sales orders of 1–4 lines for 50 CRM customers of value tiers
 *    svip / vip / standard — orders created/s (one client);
 * 3. allocation: `allocatePool` over the 2,000 — orders/s and lines/s; 300 more orders allocated one
 *    by one — p50/p95 ms; on a server (PostgreSQL, Citus), 8 workers on a pool of 10 connections allocating 1,000 more
 *    — orders/s; and 200 orders for ONE scarce SKU (200 units on hand, about 400 wanted) allocated by
 *    8 concurrent workers (on PGlite they queue on its one connection) — orders/s, throwing if more
 *    is reserved than is on hand;
 * 4. re-allocation of 500 allocated orders — orders/s;
 * 5. `rebuildStock` over the whole ledger — moves/s, throwing on any difference;
 * 6. the documents of one 4-line order (pick list, packing slip, label PDF, label ZPL), 20 each —
 *    median ms and bytes;
 * 7. as many orders as the pool pushed again with `pushOutboundOrders` in batches of 1,000 — orders/s
 *    against its goal (>= 1,000 orders/s), listed beside the one-by-one line; the first batch is
 *    pushed twice and must store nothing the second time.
 *
 * Sizes: `KEHU_BENCH_WAREHOUSE_ORDERS` scales the order counts (default 2,000 pool orders; the other
 * counts follow in proportion: 15% one by one, 50% concurrent, 10% hot, 25% re-allocated).
 * At the end every stock row is checked: active reservations never exceed on hand, and the rebuild
 * finds the ledger and the stock table equal.
 */
import { systemClock } from '../src/platform/clock.js';
import { migrateDatabase } from '../src/platform/db/migrate.js';
import { createWarehouse } from '../src/modules/warehouse/layout/layout.service.js';
import type { WarehouseDeps } from '../src/modules/warehouse/warehouse-deps.js';
import { isServerEngine, now, type BenchContext, type Measurement } from './harness.js';
import { seededRandom } from './warehouse-data.js';

import { loadNote, seconds } from './stats.js';
import {
  expectNoOverallocation,
  measureConcurrent,
  measureHotSku,
  measurePool,
  measureReallocation,
  measureSingle,
} from './warehouse-allocate.js';
import { measureBatchPush } from './warehouse-batch.js';
import { expectTierRules, measureDocuments, measureRebuild } from './warehouse-checks.js';
import {
  LAYOUT,
  measureSetup,
  readSizes,
  seedAdmin,
  seedCustomers,
  WAREHOUSE,
  type Bench,
} from './warehouse-world.js';

/** Sets up the warehouse, fills and allocates the pool, rebuilds the ledger, renders documents. */
export async function measure(context: BenchContext): Promise<Measurement[]> {
  const sizes = readSizes();
  // Ten connections on a server (PostgreSQL, Citus) for the concurrent workers; PGlite always gets one.
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
    // Beside the one-by-one line in the table; run last so its pending orders stay out of the phases.
    const batchAt = measurements.length;
    measurements.push(...(await measureSingle(bench, sizes)));
    if (isServerEngine(context.engine)) measurements.push(...(await measureConcurrent(bench, sizes)));
    else context.log(`concurrent allocation skipped: PGlite has one session`);
    measurements.push(...(await measureHotSku(bench, sizes)));
    await expectNoOverallocation(bench);
    measurements.push(...(await measureReallocation(bench, pool.orders, sizes)));
    await expectNoOverallocation(bench);
    context.log(`after re-allocation: ${await expectTierRules(bench)}`);
    measurements.push(...(await measureRebuild(bench)));
    measurements.push(...(await measureDocuments(bench, pool.orders)));
    measurements.splice(batchAt, 0, ...(await measureBatchPush(bench, sizes)));
    return measurements;
  } finally {
    await database.drop();
  }
}
