/**
 * Which column of an uploaded customer file feeds which customer field. Our own export, Chinese CRMs,
 * HubSpot and Salesforce name the same things differently, so headers are matched loosely against
 * known spellings and the user can override any column before the import runs.
 */
import type { CustomerKind } from '../customer/customer.contract.js';
import { unguardFormulaCell } from './csv-rows.js';
import { IMPORT_FIELDS } from './import.contract.js';

/** The customer fields import understands, in the column order of our own export (defined in the contract). */
export const CUSTOMER_CSV_FIELDS = IMPORT_FIELDS;

/** A customer field a CSV column can fill. */
export type CustomerCsvField = (typeof CUSTOMER_CSV_FIELDS)[number];

/**
 * What one column supplies: a field, a custom field, or a part of the name that is only decided per
 * row (a person's first or last name, or a company name that wins over them).
 */
export type MappedColumn =
  | { field: CustomerCsvField }
  | { custom: string }
  | { firstName: true }
  | { lastName: true }
  | { companyName: true };

/** A user's choice for one column, keyed by its header: a field, a custom field, or leave it out. */
export type ColumnOverride = CustomerCsvField | 'ignore' | `custom.${string}`;

/** The mapping of a file's columns, what was left out, and which required fields no column supplies. */
export type HeaderMapping = {
  mapping: (MappedColumn | null)[];
  unmapped: string[];
  missingRequired: CustomerCsvField[];
};

/**
 * One row as raw trimmed text per field (empty cells absent). `nameSource` says where the name came
 * from so `inferKind` can tell a company from a person; `contactName` keeps the person's name when a
 * company name took its place, so it is not lost.
 */
export type CustomerCsvRecord = Partial<Record<CustomerCsvField, string>> & {
  custom: Record<string, string>;
  nameSource?: 'name' | 'company' | 'person';
  contactName?: string;
};

// Spellings beyond the field's own name. Deliberately absent, so they land in `unmapped`: HubSpot's
// `Lifecycle Stage` and Salesforce's `Type`, whose values are sales stages, not our customer kinds.
const FIELD_ALIASES: Partial<Record<CustomerCsvField, string[]>> = {
  kind: ['客户类型', '类型'],
  name: ['Full Name', 'Customer Name', '客户名称', '客户名', '公司名称', '企业名称', '名称', '姓名'],
  phone: [
    'Phone Number',
    'Mobile Phone Number',
    'Mobile',
    'Mobile Phone',
    'Telephone',
    '手机',
    '手机号',
    '手机号码',
    '电话',
    '联系电话',
  ],
  email: ['E-mail', 'Email Address', '邮箱', '电子邮件', '电子邮箱'],
  wechatId: ['WeChat', '微信', '微信号'],
  region: [
    'State/Region',
    'State/Province',
    'Billing State/Province',
    'Mailing State/Province',
    '地区',
    '区域',
    '省份',
  ],
  industry: ['行业', '所属行业'],
  size: ['规模', '企业规模'],
  uscc: ['统一社会信用代码', '信用代码'],
  agencyLevel: ['单位级别'],
  procurementMode: ['采购方式'],
  intentTier: ['意向等级', '客户等级'],
  satisfactionTier: ['满意度等级'],
  valueTier: ['价值等级', '会员等级'],
  owner: ['Contact Owner', 'Company Owner', 'Account Owner', 'Lead Owner', '负责人', '归属人', '销售'],
  pool: ['公海', '客户池'],
  source: ['Lead Source', '来源', '客户来源'],
  tags: ['Tag', '标签'],
  externalId: ['Record ID', 'Account ID', 'Lead ID', 'Contact ID', '外部编号', '外部ID'],
  lastFollowUpAt: ['最后跟进时间'],
  createdAt: ['Create Date', 'Created Date', '创建时间'],
};

const NAME_PART_ALIASES: [MappedColumn, string[]][] = [
  [{ firstName: true }, ['First Name', 'Given Name', '名']],
  [{ lastName: true }, ['Last Name', 'Surname', 'Family Name', '姓']],
  // HubSpot contacts, Salesforce leads and contacts: the company the person works for.
  [{ companyName: true }, ['Company Name', 'Company', 'Account Name']],
];

/** Case, spaces, `_`, `-` and `/` vary between exports without changing the meaning of a header. */
function headerKey(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s_\-/]+/g, '');
}

const KNOWN_HEADERS = new Map<string, MappedColumn>();
for (const field of CUSTOMER_CSV_FIELDS) {
  for (const header of [field, ...(FIELD_ALIASES[field] ?? [])])
    KNOWN_HEADERS.set(headerKey(header), { field });
}
for (const [column, headers] of NAME_PART_ALIASES) {
  for (const header of headers) KNOWN_HEADERS.set(headerKey(header), column);
}

const CUSTOM_HEADER = /^custom\.(.+)$/i;

/**
 * Maps each header to what it supplies, applying `overrides` (keyed by header, matched like headers)
 * first. A company-name column only names the customer when no column is a plain name. `unmapped`
 * lists non-empty headers that feed nothing, except those the user chose to ignore.
 * @example mapHeaders(['Company name', 'Phone Number']).mapping // [{ companyName: true }, { field: 'phone' }]
 */
export function mapHeaders(headers: string[], overrides: Record<string, ColumnOverride> = {}): HeaderMapping {
  const chosen = new Map(Object.entries(overrides).map(([header, target]) => [headerKey(header), target]));
  const ignored = new Set<number>();
  const mapping = headers.map((header, index): MappedColumn | null => {
    const override = chosen.get(headerKey(header));
    if (override === 'ignore') ignored.add(index);
    if (override !== undefined) return override === 'ignore' ? null : columnFor(override);
    const custom = CUSTOM_HEADER.exec(header.trim());
    if (custom?.[1]) return { custom: custom[1].trim() };
    return KNOWN_HEADERS.get(headerKey(header)) ?? null;
  });

  const hasName = mapping.some((column) => column !== null && 'field' in column && column.field === 'name');
  const resolved = mapping.map((column) => (hasName && column && 'companyName' in column ? null : column));
  const unmapped = headers.filter(
    (header, i) => resolved[i] === null && !ignored.has(i) && header.trim() !== '',
  );
  return { mapping: resolved, unmapped, missingRequired: resolved.some(suppliesName) ? [] : ['name'] };
}

function columnFor(target: Exclude<ColumnOverride, 'ignore'>): MappedColumn | null {
  if (!isCustomTarget(target)) return { field: target };
  const key = target.slice('custom.'.length).trim();
  return key === '' ? null : { custom: key };
}

function isCustomTarget(target: string): target is `custom.${string}` {
  return target.startsWith('custom.');
}

function suppliesName(column: MappedColumn | null): boolean {
  if (column === null || 'custom' in column) return false;
  return 'field' in column ? column.field === 'name' : true;
}

/**
 * Builds the raw record of one row: values are trimmed, our export's formula guard is undone, empty
 * cells are left out, and when two columns feed one field the first non-empty value wins (a
 * `Phone Number` before a `Mobile Phone Number`). The name is the name column, else the company,
 * else the person's first and last name.
 */
export function recordFromRow(mapping: (MappedColumn | null)[], values: string[]): CustomerCsvRecord {
  const record: CustomerCsvRecord = { custom: {} };
  const parts: { first?: string; last?: string; company?: string } = {};
  mapping.forEach((column, index) => {
    const value = unguardFormulaCell((values[index] ?? '').trim()).trim();
    if (column === null || value === '') return;
    if ('field' in column) record[column.field] ??= value;
    else if ('custom' in column) record.custom[column.custom] ??= value;
    else if ('firstName' in column) parts.first ??= value;
    else if ('lastName' in column) parts.last ??= value;
    else parts.company ??= value;
  });

  const person = personName(parts.first, parts.last);
  if (record.name !== undefined) {
    record.nameSource = 'name';
  } else if (parts.company !== undefined) {
    record.name = parts.company;
    record.nameSource = 'company';
    if (person !== undefined) record.contactName = person;
  } else if (person !== undefined) {
    record.name = person;
    record.nameSource = 'person';
  }
  return record;
}

/**
 * Guesses the kind of a row without its own kind from where its name came: a company name means a
 * business, a person's name a consumer; undefined when the row has a kind or a plain name column.
 */
export function inferKind(
  record: CustomerCsvRecord,
): Extract<CustomerKind, 'business' | 'consumer'> | undefined {
  if (record.kind !== undefined) return undefined;
  if (record.nameSource === 'company') return 'business';
  if (record.nameSource === 'person') return 'consumer';
  return undefined;
}

const CJK_NAME = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}·・]+$/u;

/** Chinese, Japanese and Korean names are family name first with no space (王 + 小明 → 王小明). */
function personName(first: string | undefined, last: string | undefined): string | undefined {
  if (first === undefined || last === undefined) return first ?? last;
  return CJK_NAME.test(first) && CJK_NAME.test(last) ? `${last}${first}` : `${first} ${last}`;
}
