/** CSV import throughput with duplicate checking, through the real `importCustomers`. */
import { sql } from 'drizzle-orm';
import type { Actor } from '../src/platform/auth/actor.js';
import { CustomerSummaryQuery } from '../src/modules/crm/customer/customer.contract.js';
import { summarizeCustomers } from '../src/modules/crm/customer/customer.service.js';
import { foldAllCustomerCounts } from '../src/modules/crm/index.js';
import type { ImportReport } from '../src/modules/crm/import/import.contract.js';
import { importCustomers } from '../src/modules/crm/import/import.service.js';
import type { CrmDeps } from '../src/modules/crm/crm-deps.js';
import { buildImportCsv, type ImportFile } from './customers-csv.js';
import { loadCustomers } from './customers-data.js';
import { AT, CHUNK, POOL_NAME, seedTenant, type BenchTenant, type Sizes } from './customers-world.js';
import { now, type BenchContext, type Measurement, type ScratchDatabase } from './harness.js';
import { causesOf, countLabel, loadNote, percentile, perSecond, seconds } from './stats.js';

const GOAL_IMPORT_ROWS_PER_S = 10_000;

/**
 * Imports a CSV of `importRows` rows in our export's columns into a second tenant that already holds
 * `importExisting` customers, through the real `importCustomers` with duplicate checking on: first
 * as a dry run (read, check, look up; no writes), then for real. The difference is the writing.
 */
export async function measureImport(
  context: BenchContext,
  database: ScratchDatabase,
  deps: CrmDeps,
  sizes: Sizes,
): Promise<Measurement[]> {
  const tenant = await seedTenant(deps.db, 'bench-import');
  const file = await prepareImport(context, database, tenant, sizes);
  const label = `${countLabel(sizes.importRows)} rows into ${countLabel(sizes.importExisting)}`;
  context.log(`importing ${label} (${(file.bytes.length / 2 ** 20).toFixed(1)} MiB), dry run first`);
  const dry = await timeImport(context, deps, tenant.admin, file, true);
  const dryRun: Measurement = {
    metric: `import dry run (${label})`,
    value: perSecond(sizes.importRows, dry.ms),
    unit: 'rows/s',
    note: `${seconds(dry.ms)}; read, check and look up, no writes`,
  };
  let real: { ms: number; report: ImportReport };
  try {
    real = await timeImport(context, deps, tenant.admin, file, false);
  } catch (error) {
    // A broken import must not throw away the list numbers measured before it: the failure becomes a
    // row of its own (NaN, saved as null) that says what went wrong.
    context.log(`FAILED: ${causesOf(error).join('\n  in ')}`);
    return [
      { metric: `import (${label})`, value: NaN, unit: 'rows/s', note: `FAILED: ${causesOf(error)[0]}` },
      dryRun,
    ];
  }
  const rate = perSecond(sizes.importRows, real.ms);
  if (rate < GOAL_IMPORT_ROWS_PER_S) context.log(`import misses ${GOAL_IMPORT_ROWS_PER_S} rows/s`);
  const count = (what: string, value: number, note: string): Measurement => ({
    metric: `import ${what} (${label})`,
    value,
    unit: 'rows',
    note,
  });
  return [
    { metric: `import (${label})`, value: rate, unit: 'rows/s', note: `${seconds(real.ms)}; ${loadNote()}` },
    dryRun,
    ...(await measurePendingDeltas(context, deps, tenant)),
    count('created', real.report.created, `of ${file.rows}`),
    count('duplicates', real.report.duplicates.length, `the file has ${file.duplicates}`),
    count('rejected', real.report.rejectedRows, `the file has ${file.invalid}`),
  ];
}

/**
 * The summary while the kept counts' deltas of the load and the import are still pending (up to a
 * minute after an import, until the fold job runs), the fold itself, and the summary after it.
 */
async function measurePendingDeltas(
  context: BenchContext,
  deps: CrmDeps,
  tenant: BenchTenant,
): Promise<Measurement[]> {
  const { rows } = await deps.db.execute<{ n: number }>(
    sql`select count(*)::int as n from customer_count_deltas where tenant_id = ${tenant.id}`,
  );
  const pending = countLabel(rows[0]!.n);
  const timed = async (run: () => Promise<unknown>): Promise<number> => {
    const times: number[] = [];
    for (let i = 0; i < 11; i++) {
      const started = now();
      await run();
      times.push(now() - started);
    }
    return percentile(times.slice(1), 50);
  };
  const summary = () => summarizeCustomers(deps, tenant.admin, CustomerSummaryQuery.parse({}));
  const before = await timed(summary);
  const started = now();
  await foldAllCustomerCounts(deps.db);
  const foldMs = now() - started;
  const after = await timed(summary);
  context.log(
    `summary with ${pending} deltas pending: ${before.toFixed(1)} ms; fold ${seconds(foldMs)}; after: ${after.toFixed(1)} ms`,
  );
  return [
    {
      metric: `summary all, ${pending} deltas pending`,
      value: before,
      unit: 'ms',
      note: `p50 of 10, import tenant, before the fold job runs; after it ${after.toFixed(1)} ms`,
    },
    { metric: `fold ${pending} deltas`, value: foldMs, unit: 'ms', note: 'one fold statement per tenant' },
  ];
}

/** Loads the import tenant's existing customers (indexes live) and builds the file to import. */
async function prepareImport(
  context: BenchContext,
  database: ScratchDatabase,
  tenant: BenchTenant,
  sizes: Sizes,
): Promise<ImportFile> {
  const existing = sizes.importExisting;
  const started = now();
  await loadCustomers(database.pool, {
    ...tenant.load,
    count: existing,
    chunk: CHUNK,
    firstIndex: 1,
    seed: 2000,
    at: AT,
  });
  await database.pool.query('VACUUM (ANALYZE) customers');
  context.log(
    `import tenant: ${countLabel(existing)} customers loaded (indexes live) in ${seconds(now() - started)}`,
  );
  const sample = Math.ceil(sizes.importRows / 40) + 1;
  const keys = async (column: 'phone_key' | 'name_key', kind: string): Promise<string[]> => {
    const { rows } = await database.pool.query<{ key: string }>(
      `select ${column} as key from customers where tenant_id = $1 and kind = $2 and ${column} is not null
       order by hashint4extended(hashtext(id::text), 7) limit $3`,
      [tenant.id, kind, sample],
    );
    return rows.map((row) => row.key);
  };
  // New rows are numbered after the existing customers, so only the planted duplicates match.
  return buildImportCsv(sizes.importRows, existing + 1, {
    phoneKeys: await keys('phone_key', 'consumer'),
    businessNameKeys: await keys('name_key', 'business'),
    ownerEmails: tenant.emails,
    poolName: POOL_NAME,
  });
}

/** One import of `file`, timed, with a progress line every ten seconds. */
async function timeImport(
  context: BenchContext,
  deps: CrmDeps,
  actor: Actor,
  file: ImportFile,
  dryRun: boolean,
): Promise<{ ms: number; report: ImportReport }> {
  let reported = 0;
  const started = now();
  const report = await importCustomers(deps, actor, file.bytes, { dryRun }, (done) => {
    if (now() - started > reported + 10_000) {
      reported = now() - started;
      context.log(`  ${countLabel(done)} rows after ${seconds(reported)}`);
    }
  });
  const ms = now() - started;
  context.log(
    `${dryRun ? 'dry run' : 'import'} in ${seconds(ms)}: created ${report.created}, updated ${report.updated}, ` +
      `duplicates ${report.duplicates.length} (file has ${file.duplicates}), ` +
      `rejected ${report.rejectedRows} rows (file has ${file.invalid})`,
  );
  return { ms, report };
}
