/**
 * Customer search (`q`) at scale, issue 22: Chinese queries of one, two, three and four characters,
 * Latin and digits, through the real `listCustomers` (admin, newest first, 50 rows). Goal p95 <= 50 ms;
 * each line says MET or MISSED, and a miss prints the EXPLAIN ANALYZE of its statement. Then the
 * header's global search (issue 20: every group at once, 5 hits each) over the same tenant, goal
 * p95 <= 100 ms.
 * `KEHU_BENCH_SEARCH_RUNS` timed runs per query shape (default: the list's `KEHU_BENCH_LIST_RUNS`).
 */
import { GlobalSearchQuery } from '../src/app/global-search.contract.js';
import { globalSearch } from '../src/app/global-search.js';
import { ListCustomersQuery } from '../src/modules/crm/customer/customer.contract.js';
import { listCustomers } from '../src/modules/crm/customer/customer.service.js';
import type { CrmDeps } from '../src/modules/crm/crm-deps.js';
import { createIngestRuntime, type IngestRuntime } from '../src/modules/insights/index.js';
import { explainShape, GOAL_LIST_P95_MS, timeRuns, type Shape } from './customers-list.js';
import { mobileDigits, WORDS } from './customers-words.js';
import type { BenchTenant, Sizes } from './customers-world.js';
import type { BenchContext, Measurement, ScratchDatabase } from './harness.js';
import { countLabel, loadNote, percentile } from './stats.js';

const cycle = <T>(values: readonly T[], i: number): T => values[i % values.length]!;
const twoCharGiven = WORDS.givenNames.filter((name) => name.length === 2);
const oneCharGiven = WORDS.givenNames.filter((name) => name.length === 1);

/** The queries, each a function of the run number, so runs do not repeat one cached answer. */
function searchShapes(tenant: BenchTenant, customers: number): Shape[] {
  const row = (i: number) => 1 + ((i * 7919) % customers);
  const search = (q: (i: number) => string) => (i: number, on: CrmDeps) =>
    listCustomers(on, tenant.admin, ListCustomersQuery.parse({ q: q(i), limit: 50 }));
  return [
    {
      metric: 'search zh 1 char',
      note: 'a surname (王), many match',
      run: search((i) => cycle(WORDS.surnames, i)),
    },
    {
      metric: 'search zh 2 chars',
      note: 'surname + given name (王伟)',
      run: search((i) => cycle(WORDS.surnames, i) + cycle(oneCharGiven, i * 3)),
    },
    {
      metric: 'search zh 3 chars',
      note: 'surname + two-character given name (王秀英), few match',
      run: search((i) => cycle(WORDS.surnames, i) + cycle(twoCharGiven, i * 3)),
    },
    {
      metric: 'search zh company',
      note: 'city + brand (上海星辰), business names',
      run: search((i) => cycle(WORDS.cities, i) + cycle(WORDS.brands, i * 5)),
    },
    {
      metric: 'search latin',
      note: 'an email (sales1234@), one matches',
      run: search((i) => `sales${row(i)}@`),
    },
    {
      metric: 'search digits',
      note: 'seven digits of a mobile number',
      run: search((i) => mobileDigits(row(i)).slice(4, 11)),
    },
    {
      metric: 'search no match',
      note: 'text nobody has (Latin and Chinese)',
      run: search((i) => (i % 2 ? 'zqxw' : '无此客户')),
    },
  ];
}

/** The global search's goal (issue 20): every group of the header's box at once. */
const GOAL_GLOBAL_P95_MS = 100;

/** The header's search over the same tenant: customers, contacts, persons, leads and orders at once. */
function globalShapes(tenant: BenchTenant, customers: number, ingest: IngestRuntime): Shape[] {
  const row = (i: number) => 1 + ((i * 7919) % customers);
  const search = (q: (i: number) => string) => (i: number, on: CrmDeps) =>
    globalSearch({ ...on, ingest }, tenant.admin, GlobalSearchQuery.parse({ q: q(i), limit: 5 }));
  return [
    {
      metric: 'global search zh 2 chars',
      note: 'surname + given name (王伟), every group',
      run: search((i) => cycle(WORDS.surnames, i) + cycle(oneCharGiven, i * 3)),
    },
    {
      metric: 'global search zh company',
      note: 'city + brand (上海星辰), every group',
      run: search((i) => cycle(WORDS.cities, i) + cycle(WORDS.brands, i * 5)),
    },
    {
      metric: 'global search latin',
      note: 'an email (sales1234@), every group',
      run: search((i) => `sales${row(i)}@`),
    },
  ];
}

/** Times each search shape on the list tenant. */
export async function measureSearch(
  context: BenchContext,
  database: ScratchDatabase,
  deps: CrmDeps,
  tenant: BenchTenant,
  sizes: Sizes,
): Promise<Measurement[]> {
  const size = countLabel(sizes.customers);
  const runs = Number(process.env.KEHU_BENCH_SEARCH_RUNS ?? sizes.listRuns);
  const measurements: Measurement[] = [];
  const ingest = createIngestRuntime(deps.db);
  const shapes = [
    ...searchShapes(tenant, sizes.customers).map((shape) => ({ shape, goal: GOAL_LIST_P95_MS })),
    ...globalShapes(tenant, sizes.customers, ingest).map((shape) => ({ shape, goal: GOAL_GLOBAL_P95_MS })),
  ];
  try {
    for (const { shape, goal } of shapes) {
      const times = await timeRuns(shape, deps, runs);
      const p50 = percentile(times, 50);
      const p95 = percentile(times, 95);
      const verdict = p95 <= goal ? 'MET' : 'MISSED';
      context.log(`${shape.metric}: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, ${verdict}`);
      measurements.push({
        metric: `${shape.metric} p95 (${size})`,
        value: p95,
        unit: 'ms',
        note: `goal <= ${goal} ms: ${verdict}; ${shape.note}; p50 ${p50.toFixed(1)} ms; ${times.length} runs; ${loadNote()}`,
      });
      if (verdict === 'MISSED') await explainShape(context, database, shape);
    }
  } finally {
    await ingest.close();
  }
  return measurements;
}
