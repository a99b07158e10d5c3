/**
 * One CSV row to customer values, before the database is asked anything: cells are normalised
 * (`customer-values.ts`, `import-values.ts`), then checked by the same zod rules as `POST
 * /api/customers`, and the row's duplicate-matching keys are computed. What a row means for the
 * tenant (create, update, duplicate) is decided later, in import-plan.ts.
 */
import type { z } from 'zod';
import { isUuid } from '../../../platform/ids.js';
import { CreateCustomerInput, type CustomerKind } from '../customer/customer.contract.js';
import type { MatchKeys, MatchKeysInput } from '../matching/matching.contract.js';
import type { CrmSettings, CustomFieldDef } from '../settings/crm-settings.contract.js';
import { inferKind, type CustomerCsvField, type CustomerCsvRecord } from './customer-columns.js';
import {
  agencyLevelValue,
  booleanValue,
  dateValue,
  kindValue,
  tagsValue,
  tierValue,
  type ValueNormaliser,
} from './customer-values.js';
import { matchKeysReader } from './import-keys.js';
import {
  budgetValue,
  customFieldValue,
  motiveValue,
  needValue,
  personaValue,
  procurementModeValue,
  sizeValue,
  valueTierValue,
} from './import-values.js';

/** A problem with one field of a row, named as the import's columns name it. */
export type RowIssue = { field: string; message: string };

/** The create rules, with name and kind left for later: an update row may carry neither. */
const RowSchema = CreateCustomerInput.partial({ kind: true, name: true }).omit({
  ownerUserId: true,
  teamId: true,
  poolId: true,
  allowDuplicate: true,
});

/** The customer fields a row sets, validated and normalised (e-mail lower-cased, text trimmed). */
export type RowValues = Omit<z.infer<typeof RowSchema>, 'kind'>;

/** One data row, read. */
export type ImportRow = {
  line: number;
  issues: RowIssue[];
  /** The row's kind column, else the import's default, else what the name suggests. */
  kind: CustomerKind | undefined;
  values: RowValues;
  /** A Kehu customer id (from our export): the row updates that customer, or creates it with this id. */
  id?: string;
  owner?: string;
  pool?: string;
  lastFollowUpAt?: Date;
  createdAt?: Date;
  /** Duplicate-matching keys, when the kind is known and the row is valid. */
  keys: MatchKeys;
};

/** What reading a row needs to know about the import and the tenant. */
export type RowReader = {
  defaultKind: CustomerKind | undefined;
  keysOf: (fields: MatchKeysInput) => MatchKeys;
  customFields: Map<string, CustomFieldDef>;
  normalisers: Partial<Record<CustomerCsvField, ValueNormaliser<unknown>>>;
};

/** The fields copied as text, for the zod rules to check. */
const TEXT_FIELDS = [
  'name',
  'phone',
  'email',
  'wechatId',
  'region',
  'industry',
  'uscc',
  'parentId',
  'objection',
  'source',
  'externalId',
] as const satisfies readonly CustomerCsvField[];

/** The normalisers of the tenant's import. */
export function rowReader(settings: CrmSettings, defaultKind: CustomerKind | undefined): RowReader {
  return {
    defaultKind,
    keysOf: matchKeysReader(),
    customFields: new Map(settings.customFields.map((def) => [def.key, def])),
    normalisers: {
      size: sizeValue,
      agencyLevel: agencyLevelValue,
      procurementMode: procurementModeValue,
      motive: motiveValue,
      persona: personaValue,
      budget: budgetValue,
      need: needValue,
      intentTier: tierValue('intent'),
      satisfactionTier: tierValue('satisfaction'),
      valueTier: valueTierValue(settings),
      locked: booleanValue,
      refused: booleanValue,
      tags: tagsValue,
    },
  };
}

/** Reads one row: normalised values, its problems, and its match keys. */
export function readRow(record: CustomerCsvRecord, line: number, reader: RowReader): ImportRow {
  const issues: RowIssue[] = [];
  const take = <T>(field: string, result: { ok: true; value: T } | { ok: false; message: string }) => {
    if (result.ok) return result.value;
    issues.push({ field, message: result.message });
    return undefined;
  };
  const input: Record<string, unknown> = {};
  for (const field of TEXT_FIELDS) if (record[field] !== undefined) input[field] = record[field];
  for (const [field, normalise] of Object.entries(reader.normalisers) as [
    CustomerCsvField,
    ValueNormaliser<unknown>,
  ][]) {
    const raw = record[field];
    if (raw !== undefined) input[field] = take(field, normalise(raw));
  }
  const custom = readCustomFields(record.custom, reader, issues);
  if (custom) input.customFields = custom;

  const kind =
    record.kind === undefined
      ? (reader.defaultKind ?? inferKind(record))
      : take('kind', kindValue(record.kind));
  const row: ImportRow = { line, issues, kind, values: {}, keys: {} };
  if (record.id !== undefined) {
    if (isUuid(record.id)) row.id = record.id.toLowerCase();
    else
      issues.push({ field: 'id', message: 'not a Kehu customer id; map this column to externalId instead' });
  }
  if (record.owner !== undefined) row.owner = record.owner;
  if (record.pool !== undefined) row.pool = record.pool;
  if (record.lastFollowUpAt !== undefined)
    row.lastFollowUpAt = toDate(take('lastFollowUpAt', dateValue(record.lastFollowUpAt)));
  if (record.createdAt !== undefined) row.createdAt = toDate(take('createdAt', dateValue(record.createdAt)));

  const parsed = RowSchema.safeParse(input);
  if (parsed.success) row.values = parsed.data;
  else
    for (const issue of parsed.error.issues)
      issues.push({ field: fieldOf(issue.path), message: issue.message });
  // A row that names no stored customer (no id, no external id) creates one, so it needs a name: said
  // here beside the row's other problems, not only once they are fixed.
  const named = record.id !== undefined || record.externalId !== undefined;
  if (!named && !record.name?.trim() && !issues.some((issue) => issue.field === 'name'))
    issues.unshift({ field: 'name', message: 'required' });
  if (kind && issues.length === 0) {
    row.keys = reader.keysOf({ kind, name: row.values.name ?? '', ...row.values });
  }
  return row;
}

function readCustomFields(
  cells: Record<string, string>,
  reader: RowReader,
  issues: RowIssue[],
): Record<string, string | number | boolean> | undefined {
  let values: Record<string, string | number | boolean> | undefined;
  for (const [key, raw] of Object.entries(cells)) {
    const def = reader.customFields.get(key);
    // Columns of custom fields this tenant lacks were reported as unmapped when the headers were read.
    if (!def) continue;
    const result = customFieldValue(def, raw);
    if (result.ok) (values ??= {})[key] = result.value;
    else issues.push({ field: `custom.${key}`, message: result.message });
  }
  return values;
}

function toDate(iso: string | undefined): Date | undefined {
  return iso === undefined ? undefined : new Date(iso);
}

/** A zod path as the import names the column: `customFields.level` is `custom.level`, `tags.2` is `tags`. */
export function fieldOf(path: readonly PropertyKey[]): string {
  const [first, second] = path;
  if (first === 'customFields' && second !== undefined) return `custom.${String(second)}`;
  return first === undefined ? 'row' : String(first);
}
