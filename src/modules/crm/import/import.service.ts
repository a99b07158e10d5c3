/**
 * Importing customers from a CSV file, at the speed of the database: rows are read and checked in
 * memory, then handled in batches of a thousand, each with one round of lookups (duplicates among
 * them), one insert per table and one transaction; reading, looking up and writing overlap (see
 * import-pipeline.ts). Every row gets its own outcome; a bad row never stops or corrupts the others.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { requestMaintenance } from '../../../platform/db/maintain.js';
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import { isUuid } from '../../../platform/ids.js';
import type { CrmDeps } from '../crm-deps.js';
import * as batch from '../customer/customer-batch.service.js';
import type { MatchRow } from '../customer/customer-batch.service.js';
import { keysOfRow } from '../customer/customer-rules.contract.js';
import { getCrmSettings } from '../settings/crm-settings.service.js';
import type { CsvRow } from './csv-rows.js';
import { recordFromRow } from './customer-columns.js';
import { mapColumns, readUpload, type FileColumns } from './import-file.js';
import { holdersOf, type Holder } from './import-new-row.js';
import {
  keyTags,
  newImportState,
  planBatch,
  type BatchLookups,
  type BatchPlan,
  type ImportContext,
  type ImportState,
  type RowOutcome,
} from './import-plan.js';
import { runBatches } from './import-pipeline.js';
import { readRow, rowReader, type ImportRow, type RowReader } from './import-rows.js';
import { writeBatch } from './import-write.service.js';
import type { ImportOptions, ImportReport } from './import.contract.js';
import { importOptionInvalid } from './import.errors.js';
import { listMemberRefs, listPoolRefs } from './import-refs.service.js';

const BATCH_SIZE = 1000;
/** Rows read between two yields to the event loop, so the batch being written makes progress. */
const READ_SLICE = 100;
const PREVIEW_ROWS = 5;

/**
 * Imports customers from the bytes of a CSV file (UTF-8 with or without BOM, GB18030) into the
 * actor's tenant and reports every row's outcome; `onProgress` hears after each batch.
 * @example await importCustomers(deps, actor, readFileSync('customers.csv'), { kind: 'business' })
 */
export async function importCustomers(
  deps: CrmDeps,
  actor: Actor,
  bytes: Buffer,
  options: ImportOptions = {},
  onProgress?: (done: number, total: number) => void,
): Promise<ImportReport> {
  requirePermission(actor, 'customers.import');
  const file = readUpload(bytes);
  const settings = await getCrmSettings(deps.db, actor.tenantId);
  const columns = mapColumns(file.headers, options.map ?? {}, settings);
  const ctx = await loadContext(deps, actor, options, settings, fileIdsOf(file.rows, columns));
  if (!ctx.holders.hasFallback && !columns.columns.some((c) => c.target === 'owner' || c.target === 'pool')) {
    throw importOptionInvalid('owner', 'nobody would hold these customers: give a default owner or pool');
  }
  const reader = rowReader(settings, options.kind);
  const report = startReport(file, columns, options.dryRun ?? false);
  const state = newImportState();
  const size = Math.max(1, Math.min(options.chunkSize ?? BATCH_SIZE, BATCH_SIZE));
  const total = file.rows.length;
  await runBatches(file.rows, size, {
    read: (rows) => readRows(rows, columns, reader),
    plan: async (rows) => {
      const lookups = await lookUpBatch(deps, ctx, rows);
      state.batch++;
      return planBatch(rows, lookups, ctx, state);
    },
    needsEarlierWrites: (plan) => plan.updates.some((update) => state.created.has(update.id)),
    write: async (plan) => (report.dryRun ? plan.outcomes : writePlan(deps, ctx, state, plan)),
    done: (outcomes, done) => {
      addOutcomes(report, outcomes);
      onProgress?.(done, total);
    },
  });
  report.duplicates.sort((a, b) => a.row - b.row);
  report.rejected.sort((a, b) => a.row - b.row);
  if (!report.dryRun) {
    const rows = report.created + report.updated;
    await requestMaintenance(deps.db, deps.clock, { rows, reason: 'crm.import' });
  }
  return report;
}

/** Reads rows, yielding to the event loop now and then. */
async function readRows(rows: CsvRow[], columns: FileColumns, reader: RowReader): Promise<ImportRow[]> {
  const read: ImportRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    if (i > 0 && i % READ_SLICE === 0) await yieldToEventLoop();
    const row = rows[i]!;
    read.push(readRow(recordFromRow(columns.mapping, row.values), row.line, reader));
  }
  return read;
}

/** Writes a plan; rows the database refused become rejections. */
async function writePlan(
  deps: CrmDeps,
  ctx: ImportContext,
  state: ImportState,
  plan: BatchPlan,
): Promise<RowOutcome[]> {
  const failed = await writeBatch(deps.db, ctx.actor, plan);
  if (failed.size === 0) return plan.outcomes;
  return plan.outcomes.map((outcome) => {
    const issue = failed.get(outcome.line);
    if (!issue) return outcome;
    if (outcome.result === 'created' && outcome.customerId) state.created.delete(outcome.customerId);
    return { line: outcome.line, result: 'rejected', customerId: null, issues: [issue] };
  });
}

/** Everything the database can say about a batch, in a handful of queries. */
async function lookUpBatch(deps: CrmDeps, ctx: ImportContext, rows: ImportRow[]): Promise<BatchLookups> {
  const { db } = deps;
  const { actor } = ctx;
  const valid = rows.filter((row) => row.issues.length === 0);
  const ids = unique(valid.map((row) => row.id));
  const externalIds = unique(valid.map((row) => row.values.externalId));
  const parentIds = unique(valid.map((row) => row.values.parentId)).filter((id) => !ctx.fileIds.has(id));
  const [named, parents, matches] = await Promise.all([
    batch.findCustomersByRef(db, actor, ids, externalIds),
    batch.findExistingIds(db, actor.tenantId, parentIds),
    batch.findImportMatches(
      db,
      actor.tenantId,
      valid.map((row) => row.keys),
    ),
  ]);
  const byId = new Map(named.map((row) => [row.id, row]));
  const byExternalId = new Map(named.filter((row) => row.externalId).map((row) => [row.externalId!, row]));
  const candidateIds = ctx.onDuplicate === 'update' ? unique(matches.map((match) => match.id)) : [];
  const [merges, matchRows] = await Promise.all([
    batch.findMerges(
      db,
      actor.tenantId,
      ids.filter((id) => !byId.has(id)),
    ),
    batch.findCustomersByRef(db, actor, candidateIds, []),
  ]);
  return {
    byId,
    byExternalId,
    mergedInto: new Map(merges.map((merge) => [merge.fromId, merge.intoId])),
    parents: new Set(parents),
    matches: indexByKey(matches),
    matchRows: new Map(matchRows.map((row) => [row.id, row])),
  };
}

function unique(values: (string | undefined)[]): string[] {
  return [...new Set(values.filter((value): value is string => value !== undefined))];
}

function indexByKey(matches: MatchRow[]): Map<string, MatchRow[]> {
  const index = new Map<string, MatchRow[]>();
  for (const match of matches) {
    for (const [, tag] of keyTags(keysOfRow(match))) {
      const list = index.get(tag);
      if (list) list.push(match);
      else index.set(tag, [match]);
    }
  }
  return index;
}

/** The ids the file's rows carry (our export's `id` column), which parents may point at. */
function fileIdsOf(rows: CsvRow[], columns: FileColumns): Set<string> {
  const at = columns.mapping.findIndex(
    (column) => column !== null && 'field' in column && column.field === 'id',
  );
  if (at < 0) return new Set();
  return new Set(
    rows.map((row) => (row.values[at] ?? '').trim().toLowerCase()).filter((value) => isUuid(value)),
  );
}

/** The import's fixed context: settings, time, and who holds rows that name no owner or pool. */
async function loadContext(
  deps: CrmDeps,
  actor: Actor,
  options: ImportOptions,
  settings: ImportContext['settings'],
  fileIds: Set<string>,
): Promise<ImportContext> {
  const [members, pools] = await Promise.all([
    listMemberRefs(deps.db, actor.tenantId),
    listPoolRefs(deps.db, actor.tenantId),
  ]);
  const named = holdersOf(members, pools, undefined);
  const pool = options.poolId ?? options.poolName;
  if (options.owner !== undefined && pool !== undefined) {
    throw importOptionInvalid('owner', 'give a default owner or a default pool, not both');
  }
  let fallback: Holder | undefined;
  if (options.owner !== undefined || pool !== undefined) {
    const resolved = named.resolve({ owner: options.owner, pool });
    if ('issue' in resolved)
      throw importOptionInvalid(options.owner ? 'owner' : 'poolId', resolved.issue.message);
    fallback = resolved;
  } else if (actor.userId) {
    const self = named.resolve({ owner: actor.userId });
    fallback = 'issue' in self ? { ownerUserId: actor.userId, teamId: null, poolId: null } : self;
  } else {
    const pool = pools.find((p) => p.isDefault);
    fallback = pool ? { ownerUserId: null, teamId: null, poolId: pool.id } : undefined;
  }
  const onDuplicate = options.onDuplicate ?? 'report';
  return {
    actor,
    settings,
    onDuplicate,
    now: deps.clock.now(),
    holders: holdersOf(members, pools, fallback),
    fileIds,
  };
}

function startReport(
  file: ReturnType<typeof readUpload>,
  columns: FileColumns,
  dryRun: boolean,
): ImportReport {
  return {
    created: 0,
    updated: 0,
    duplicates: [],
    rejected: [],
    rows: file.rows.length,
    rejectedRows: 0,
    dryRun,
    encoding: file.encoding,
    columns: columns.columns,
    unmapped: columns.unmapped,
    missingRequired: columns.missingRequired,
    preview: file.rows.slice(0, PREVIEW_ROWS).map((row) => ({ row: row.line, values: row.values })),
  };
}

function addOutcomes(report: ImportReport, outcomes: RowOutcome[]): void {
  for (const outcome of outcomes) {
    if (outcome.result === 'rejected') {
      report.rejectedRows++;
      for (const issue of outcome.issues ?? []) report.rejected.push({ row: outcome.line, ...issue });
      continue;
    }
    if (outcome.result === 'created') report.created++;
    if (outcome.result === 'updated') report.updated++;
    if (outcome.duplicate) {
      report.duplicates.push({
        ...outcome.duplicate,
        outcome: outcome.result,
        customerId: outcome.customerId,
      });
    }
  }
}
