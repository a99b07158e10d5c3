/**
 * What each row of a batch comes to, given what the database said about the batch: update the
 * customer it names, create it, list it as a likely duplicate, or reject it. Pure: the writes are
 * returned as a plan, and the state carried from batch to batch (keys, ids and external ids the file
 * has used) makes a later row that repeats an earlier one a duplicate of it.
 */
import type { Actor } from '../../../platform/auth/actor.js';
import type { MatchRow, ScopedCustomerRow } from '../customer/customer-batch.service.js';
import type { CustomerRow } from '../customer/customer-record.service.js';
import { checkCustomerFields, keysOfRow } from '../customer/customer-rules.contract.js';
import type { NewTierChange } from '../customer/customer-tier.service.js';
import { sharedKeys, type MatchKeyKind, type MatchKeys } from '../matching/matching.contract.js';
import type { CrmSettings } from '../settings/crm-settings.contract.js';
import type { ImportDuplicate, OnDuplicate } from './import.contract.js';
import { fieldOf, type ImportRow, type RowIssue } from './import-rows.js';
import { updateFromRow } from './import-update.js';
import { newCustomerRow, type Holders, type PlannedInsert } from './import-new-row.js';

/** What the import knows across batches. */
export type ImportState = {
  /** The first row of the file with each match key (`p:+8613800138000`), and the customer it became. */
  keyOwners: Map<string, { id: string; line: number; name: string }>;
  /** Customers created or updated by a row of the file, and that row's line. */
  lines: Map<string, number>;
  externalIds: Map<string, number>;
  /** Customers the file created, and the batch that writes them (kept by `onDuplicate=update` imports only). */
  created: Map<string, { row: CustomerRow; batch: number }>;
  batch: number;
};

/** What the database said about one batch. */
export type BatchLookups = {
  byId: Map<string, ScopedCustomerRow>;
  byExternalId: Map<string, ScopedCustomerRow>;
  mergedInto: Map<string, string>;
  /** Existing customers among the parents the batch names. */
  parents: Set<string>;
  /** Existing customers sharing a key with a row, indexed by key. */
  matches: Map<string, MatchRow[]>;
  /** Full rows of those customers, for `onDuplicate=update`. */
  matchRows: Map<string, ScopedCustomerRow>;
};

/** What stays the same for the whole import. */
export type ImportContext = {
  actor: Actor;
  settings: CrmSettings;
  onDuplicate: OnDuplicate;
  now: Date;
  holders: Holders;
  /** Ids the file's rows carry, which parents may point at. */
  fileIds: Set<string>;
};

/** Changes to an existing customer (or one an earlier batch inserted). */
export type PlannedUpdate = {
  line: number;
  id: string;
  changes: Partial<CustomerRow>;
  tiers: NewTierChange[];
};
/** What a row came to, if its writes succeed. */
export type RowOutcome = {
  line: number;
  result: 'created' | 'updated' | 'skipped' | 'rejected';
  customerId: string | null;
  duplicate?: Omit<ImportDuplicate, 'outcome' | 'customerId'>;
  issues?: RowIssue[];
};
/** A batch's writes and outcomes. */
export type BatchPlan = { inserts: PlannedInsert[]; updates: PlannedUpdate[]; outcomes: RowOutcome[] };

/** The state of an import before its first batch. */
export function newImportState(): ImportState {
  return { keyOwners: new Map(), lines: new Map(), externalIds: new Map(), created: new Map(), batch: 0 };
}

/** The key of a match key in `keyOwners` and the match index. */
export const keyTags = (keys: MatchKeys): [MatchKeyKind, string][] => {
  const tags: [MatchKeyKind, string][] = [];
  if (keys.phoneKey) tags.push(['phone', `p:${keys.phoneKey}`]);
  if (keys.emailKey) tags.push(['email', `e:${keys.emailKey}`]);
  if (keys.nameKey) tags.push(['name', `n:${keys.nameKey}`]);
  if (keys.uscc) tags.push(['uscc', `u:${keys.uscc}`]);
  return tags;
};

/** Decides every row of a batch, in file order. */
export function planBatch(
  rows: ImportRow[],
  lookups: BatchLookups,
  ctx: ImportContext,
  state: ImportState,
): BatchPlan {
  const plan: BatchPlan = { inserts: [], updates: [], outcomes: [] };
  for (const row of rows) {
    if (row.issues.length) {
      plan.outcomes.push(rejected(row.line, row.issues));
      continue;
    }
    const named = findNamed(row, lookups, ctx.actor, state);
    if ('issue' in named) plan.outcomes.push(rejected(row.line, [named.issue]));
    else if (named.existing) planUpdate(row, named.existing, undefined, ctx, state, plan);
    else planCreate(row, lookups, ctx, state, plan);
  }
  return plan;
}

const rejected = (line: number, issues: RowIssue[]): RowOutcome => ({
  line,
  result: 'rejected',
  customerId: null,
  issues,
});

/** The customer a row names by id or external id, if any, or why it may not touch it. */
function findNamed(
  row: ImportRow,
  lookups: BatchLookups,
  actor: Actor,
  state: ImportState,
): { existing?: CustomerRow } | { issue: RowIssue } {
  const externalId = row.values.externalId;
  const again = (field: string, line: number | undefined) =>
    line === undefined
      ? undefined
      : { issue: { field, message: `the same customer is on line ${line} already` } };
  const repeated =
    (row.id && again('id', state.lines.get(row.id))) ||
    (externalId && again('externalId', state.externalIds.get(externalId)));
  if (repeated) return repeated;
  const byId = row.id ? lookups.byId.get(row.id) : undefined;
  const byExternal = externalId ? lookups.byExternalId.get(externalId) : undefined;
  if (row.id && !byId && lookups.mergedInto.has(row.id)) {
    return {
      issue: { field: 'id', message: `this customer was merged into ${lookups.mergedInto.get(row.id)}` },
    };
  }
  if (byId && byExternal && byId.id !== byExternal.id) {
    return { issue: { field: 'externalId', message: `belongs to another customer (${byExternal.id})` } };
  }
  const existing = byId ?? byExternal;
  const field = byId ? 'id' : 'externalId';
  if (existing && !existing.visible)
    return { issue: { field, message: 'names a customer outside your scope' } };
  if (existing?.poolId && actor.scope !== 'all') {
    return { issue: { field, message: 'this customer is in a pool: claim it before updating it' } };
  }
  return { existing };
}

/** Updates `existing` from the row; `duplicate` when the row reached it as its one likely duplicate. */
function planUpdate(
  row: ImportRow,
  existing: CustomerRow,
  duplicate: RowOutcome['duplicate'],
  ctx: ImportContext,
  state: ImportState,
  plan: BatchPlan,
): void {
  const { changes, tiers, issues } = updateFromRow(existing, row, ctx);
  if (issues.length) {
    plan.outcomes.push(rejected(row.line, issues));
    return;
  }
  const pending = state.created.get(existing.id);
  if (pending?.batch === state.batch) {
    // Created by an earlier row of this batch and not written yet: fold the changes into its insert.
    Object.assign(pending.row, changes);
    plan.inserts.find((insert) => insert.row.id === existing.id)?.tiers.push(...tiers);
  } else {
    if (pending) Object.assign(pending.row, changes);
    plan.updates.push({ line: row.line, id: existing.id, changes, tiers });
  }
  remember(row, existing.id, { ...existing, ...changes }, state);
  plan.outcomes.push({ line: row.line, result: 'updated', customerId: existing.id, duplicate });
}

/** Creates the row's customer unless it likely duplicates one and the policy says otherwise. */
function planCreate(
  row: ImportRow,
  lookups: BatchLookups,
  ctx: ImportContext,
  state: ImportState,
  plan: BatchPlan,
): void {
  const issues = createIssues(row, lookups, ctx);
  const holder = ctx.holders.resolve(row);
  if ('issue' in holder) issues.push(holder.issue);
  if (issues.length || !row.kind || 'issue' in holder) {
    plan.outcomes.push(rejected(row.line, issues));
    return;
  }
  const duplicate = findDuplicates(row, lookups, state);
  if (duplicate) {
    const target =
      ctx.onDuplicate === 'update' ? updatableMatch(duplicate.candidateIds, lookups, ctx, state) : undefined;
    if (target) return planUpdate(row, target, duplicate, ctx, state, plan);
    const blocked =
      ctx.onDuplicate === 'update' ||
      (ctx.onDuplicate === 'report' && ctx.settings.duplicatePolicy.import === 'block');
    if (blocked) {
      plan.outcomes.push({ line: row.line, result: 'skipped', customerId: null, duplicate });
      return;
    }
  }
  const insert = newCustomerRow(row, row.kind, holder, ctx);
  plan.inserts.push(insert);
  // Only an `update` import may come back to a row it created; others need not hold every row in memory.
  if (ctx.onDuplicate === 'update') state.created.set(insert.row.id, { row: insert.row, batch: state.batch });
  remember(row, insert.row.id, insert.row, state);
  plan.outcomes.push({ line: row.line, result: 'created', customerId: insert.row.id, duplicate });
}

/** The rules a new customer must keep that need the kind or the database. */
function createIssues(row: ImportRow, lookups: BatchLookups, ctx: ImportContext): RowIssue[] {
  if (!row.kind) return [{ field: 'kind', message: 'no kind: add a kind column or choose a default kind' }];
  const issues = checkCustomerFields(
    { ...row.values, kind: row.kind, name: row.values.name ?? '' },
    ctx.settings,
  ).map((issue) => ({ field: fieldOf(issue.path.split('.')), message: issue.message }));
  if (!row.values.name) issues.unshift({ field: 'name', message: 'required' });
  const parentId = row.values.parentId;
  if (parentId && parentId === row.id)
    issues.push({ field: 'parentId', message: 'a customer cannot be its own parent' });
  else if (parentId && !lookups.parents.has(parentId) && !ctx.fileIds.has(parentId)) {
    issues.push({ field: 'parentId', message: 'no such customer' });
  }
  return issues;
}

/** Customers (existing or from earlier rows) sharing a key with the row. */
function findDuplicates(row: ImportRow, lookups: BatchLookups, state: ImportState): RowOutcome['duplicate'] {
  const ids = new Map<string, string>();
  const lines = new Set<number>();
  const on = new Set<MatchKeyKind>();
  for (const [kind, tag] of keyTags(row.keys)) {
    for (const match of lookups.matches.get(tag) ?? []) {
      for (const shared of sharedKeys(row.keys, keysOfRow(match))) on.add(shared);
      ids.set(match.id, match.name);
    }
    const earlier = state.keyOwners.get(tag);
    if (earlier) {
      ids.set(earlier.id, earlier.name);
      lines.add(earlier.line);
      on.add(kind);
    }
  }
  if (ids.size === 0) return undefined;
  const matchedOn = (['phone', 'email', 'name', 'uscc'] as const).filter((kind) => on.has(kind));
  return {
    row: row.line,
    candidateIds: [...ids.keys()],
    candidates: [...ids].map(([id, name]) => ({ id, name })),
    candidateRows: [...lines].sort((a, b) => a - b),
    matchedOn,
  };
}

/** The one candidate a row may update: visible, not in a pool (unless the actor sees all), not ambiguous. */
function updatableMatch(
  candidateIds: string[],
  lookups: BatchLookups,
  ctx: ImportContext,
  state: ImportState,
): CustomerRow | undefined {
  if (candidateIds.length !== 1) return undefined;
  const id = candidateIds[0]!;
  const created = state.created.get(id);
  if (created) return created.row;
  const row = lookups.matchRows.get(id);
  if (!row?.visible || (row.poolId && ctx.actor.scope !== 'all')) return undefined;
  return row;
}

/** Records what the row used, so later rows see it: its customer's id, external id and keys. */
function remember(
  row: ImportRow,
  id: string,
  after: Pick<CustomerRow, 'externalId' | 'name'>,
  state: ImportState,
): void {
  state.lines.set(id, row.line);
  if (after.externalId) state.externalIds.set(after.externalId, row.line);
  for (const [, tag] of keyTags(row.keys))
    if (!state.keyOwners.has(tag)) state.keyOwners.set(tag, { id, line: row.line, name: after.name });
}
