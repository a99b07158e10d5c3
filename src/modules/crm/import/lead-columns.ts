/** Which lead field a CSV column feeds, by its header in English or Chinese, and rows to lead input. */
import type { CsvRow } from './csv-rows.js';

/** The lead fields a column can feed, in the order of a template file. */
export const LEAD_IMPORT_FIELDS = [
  'kind',
  'name',
  'contactName',
  'phone',
  'email',
  'region',
  'source',
  'sourceRef',
  'formId',
  'productId',
  'language',
  'note',
] as const;
export type LeadImportField = (typeof LEAD_IMPORT_FIELDS)[number];

const ALIASES: Record<string, LeadImportField> = {
  类型: 'kind',
  名称: 'name',
  客户名称: 'name',
  公司: 'name',
  联系人: 'contactName',
  contact: 'contactName',
  电话: 'phone',
  手机: 'phone',
  邮箱: 'email',
  地区: 'region',
  来源: 'source',
  来源编号: 'sourceRef',
  表单: 'formId',
  产品: 'productId',
  语言: 'language',
  备注: 'note',
};

const KIND_WORDS: Record<string, string> = { 企业: 'business', 个人: 'consumer', 政府: 'government' };

/** The field a header feeds, or null (the column is left out). */
export function leadFieldOf(header: string): LeadImportField | null {
  const trimmed = header.trim();
  const exact = LEAD_IMPORT_FIELDS.find((field) => field.toLowerCase() === trimmed.toLowerCase());
  return exact ?? ALIASES[trimmed] ?? null;
}

/** A row as the raw input of `POST /api/leads`: non-blank cells of mapped columns, defaults filled in. */
export function leadInputOf(
  targets: readonly (LeadImportField | null)[],
  row: CsvRow,
  defaults: { kind?: string; source: string; formId?: string },
): Record<string, string> {
  const input: Record<string, string> = {};
  targets.forEach((field, index) => {
    const value = row.values[index]?.trim() ?? '';
    if (field && value !== '')
      input[field] = field === 'kind' ? (KIND_WORDS[value] ?? value.toLowerCase()) : value;
  });
  if (!input.kind && defaults.kind) input.kind = defaults.kind;
  input.source ??= defaults.source;
  if (!input.formId && defaults.formId) input.formId = defaults.formId;
  return input;
}
