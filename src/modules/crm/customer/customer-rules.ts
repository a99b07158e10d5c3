/** Rules a customer's fields must keep, whichever entry point (form, API, import) they came through. */
import type { FieldIssue } from '../../../platform/errors.js';
import { matchKeysOf } from '../matching/matching.contract.js';
import { validateUscc } from '../matching/matching.contract.js';
import type { CrmSettings } from '../settings/crm-settings.contract.js';
import { KIND_FIELDS, type CustomerKind } from './customer.contract.js';
import type { CustomerRow } from './customer.repository.js';

/** The fields the rules look at, as they will be stored. */
export type CustomerFields = {
  kind: CustomerKind;
  name: string;
  phone?: string | null;
  email?: string | null;
  uscc?: string | null;
  valueTier?: string | null;
  customFields?: Record<string, string | number | boolean | null>;
} & Partial<Record<keyof typeof KIND_FIELDS, unknown>>;

/** Everything wrong with these fields for a customer of their kind in this tenant; empty when valid. */
export function checkCustomerFields(fields: CustomerFields, settings: CrmSettings): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const [field, kinds] of Object.entries(KIND_FIELDS)) {
    const value = (fields as Record<string, unknown>)[field];
    if (value !== undefined && value !== null && !kinds.includes(fields.kind)) {
      issues.push({ path: field, message: `only ${kinds.join(' and ')} customers have this field` });
    }
  }
  if (fields.uscc) {
    const result = validateUscc(fields.uscc);
    if (!result.ok) issues.push({ path: 'uscc', message: usccMessages[result.reason] });
  }
  if (fields.valueTier && !settings.valueTiers.some((tier) => tier.code === fields.valueTier)) {
    const codes = settings.valueTiers.map((tier) => tier.code).join(', ');
    issues.push({ path: 'valueTier', message: `not one of this tenant's value tiers (${codes})` });
  }
  issues.push(...checkCustomFields(fields.kind, fields.customFields ?? {}, settings));
  return issues;
}

const usccMessages = {
  length: 'a unified social credit code has 18 characters',
  characters: 'only digits and the letters A–H, J–N, P–R, T, U, W–Y',
  check_character: 'the check character (18th) does not match: GB 32100-2015',
} as const;

function checkCustomFields(
  kind: CustomerKind,
  values: Record<string, string | number | boolean | null>,
  settings: CrmSettings,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const [key, value] of Object.entries(values)) {
    const path = `customFields.${key}`;
    const def = settings.customFields.find((field) => field.key === key);
    if (!def) {
      issues.push({ path, message: 'no such custom field in this tenant' });
      continue;
    }
    if (def.kinds && !def.kinds.includes(kind)) {
      issues.push({ path, message: `only ${def.kinds.join(' and ')} customers have this field` });
      continue;
    }
    if (value === null) continue;
    const wrong =
      (def.type === 'number' && typeof value !== 'number') ||
      (def.type === 'boolean' && typeof value !== 'boolean') ||
      (def.type === 'text' && typeof value !== 'string') ||
      (def.type === 'date' && (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value))) ||
      (def.type === 'select' && (typeof value !== 'string' || !def.options?.includes(value)));
    if (wrong) {
      const expected =
        def.type === 'select'
          ? `one of ${def.options?.join(', ')}`
          : def.type === 'date'
            ? 'a date YYYY-MM-DD'
            : `a ${def.type}`;
      issues.push({ path, message: `expected ${expected}` });
    }
  }
  return issues;
}

/** The stored duplicate-matching keys of a customer with these fields. */
export function matchColumnsOf(fields: {
  kind: CustomerKind;
  name: string;
  phone?: string | null;
  email?: string | null;
  uscc?: string | null;
}): Pick<CustomerRow, 'phoneKey' | 'emailKey' | 'nameKey'> {
  const keys = matchKeysOf(fields);
  return { phoneKey: keys.phoneKey ?? null, emailKey: keys.emailKey ?? null, nameKey: keys.nameKey ?? null };
}
