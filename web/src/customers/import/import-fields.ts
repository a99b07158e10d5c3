/**
 * The fields a CSV column can be imported as, and the column map the wizard sends: only the columns
 * the user changed, since the server maps the rest itself and stays the authority on that.
 */
import type { CustomFieldDef } from '../../api/types';
import type { ImportColumn, ImportField } from '../../../../src/modules/crm/import/import.contract';

/** Every field an import reads, in the order of the server's export columns. */
export const IMPORT_FIELDS = [
  'name',
  'kind',
  'phone',
  'email',
  'wechatId',
  'region',
  'industry',
  'size',
  'uscc',
  'agencyLevel',
  'procurementMode',
  'motive',
  'intentTier',
  'satisfactionTier',
  'valueTier',
  'persona',
  'owner',
  'pool',
  'source',
  'tags',
  'externalId',
  'id',
  'parentId',
  'locked',
  'dealState',
  'budget',
  'need',
  'objection',
  'refused',
  'lastFollowUpAt',
  'createdAt',
] as const satisfies readonly ImportField[];

// Fails to compile when the server adds a field this list lacks.
type Missing = Exclude<ImportField, (typeof IMPORT_FIELDS)[number]>;
const complete: [Missing] extends [never] ? true : false = true;
void complete;

/** What a column may be set to by hand: a field, a custom field, or left out. */
export const IGNORE = 'ignore';

/** The parts of a name the server derives itself (first/last name, company); shown but not offered. */
export const NAME_PARTS = ['firstName', 'lastName', 'companyName'] as const;

/** One choice of the column select: its value and how to label it. */
export type TargetOption = {
  value: string;
  field?: ImportField | (typeof NAME_PARTS)[number];
  custom?: string;
};

/** The choices for a column: leave out, the fields, the tenant's custom fields, and its detected target. */
export function targetOptions(customFields: CustomFieldDef[], detected: string | null): TargetOption[] {
  const options: TargetOption[] = [
    { value: IGNORE },
    ...IMPORT_FIELDS.map((field) => ({ value: field, field })),
    ...customFields.map((def) => ({ value: `custom.${def.key}`, custom: def.label })),
  ];
  const part = NAME_PARTS.find((name) => name === detected);
  return part ? [{ value: part, field: part }, ...options] : options;
}

/** What a column is imported as now: the user's choice, else what the server detected, else nothing. */
export function currentTarget(column: ImportColumn, overrides: Record<string, string>): string {
  return overrides[column.header] ?? column.target ?? IGNORE;
}

/**
 * The `map` parameter for the columns the user changed (JSON, so headers may hold commas and `=`);
 * undefined when nothing changed. Choosing what the server detected again is no change.
 */
export function mapParam(columns: ImportColumn[], overrides: Record<string, string>): string | undefined {
  const changed = columns.filter((column) => {
    const chosen = overrides[column.header];
    return chosen !== undefined && chosen !== (column.target ?? IGNORE);
  });
  if (changed.length === 0) return undefined;
  return JSON.stringify(
    Object.fromEntries(changed.map((column) => [column.header, overrides[column.header]])),
  );
}

/** A file size for people: `812 KB`, `3.4 MB`. */
export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
