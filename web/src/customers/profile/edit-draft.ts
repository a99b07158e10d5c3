/** The edit dialog's state: the create form's draft plus the qualification facts, and the PATCH body. */
import {
  AGENCY_LEVELS,
  BUSINESS_SIZES,
  CONSUMER_MOTIVES,
  PROCUREMENT_MODES,
  type BudgetState,
  type Customer,
  type CustomFieldDef,
  type DealState,
  type NeedState,
  type UpdateCustomerInput,
} from '../../api/types';
import { toCustomFieldValues, type CustomerDraft, type CustomFieldDraft } from '../customer-draft';

/** Everything the dialog edits; tiers, owner and pool change through their own actions. */
export type EditDraft = CustomerDraft & {
  budget: BudgetState;
  need: NeedState;
  objection: string;
  refused: boolean;
  locked: boolean;
  dealState: DealState;
};

const pick = <T extends string>(list: readonly T[], value: string | null): T | null =>
  list.find((item) => item === value) ?? null;

/** The dialog's starting state: the customer as it is. */
export function toEditDraft(customer: Customer): EditDraft {
  const customFields: Record<string, CustomFieldDraft> = {};
  for (const [key, value] of Object.entries(customer.customFields)) {
    if (value !== null) customFields[key] = typeof value === 'boolean' ? value : String(value);
  }
  return {
    kind: customer.kind,
    name: customer.name,
    phone: customer.phone ?? '',
    email: customer.email ?? '',
    wechatId: customer.wechatId ?? '',
    region: customer.region ?? '',
    industry: customer.industry ?? '',
    size: pick(BUSINESS_SIZES, customer.size),
    uscc: customer.uscc ?? '',
    agencyLevel: pick(AGENCY_LEVELS, customer.agencyLevel),
    procurementMode: pick(PROCUREMENT_MODES, customer.procurementMode),
    motive: pick(CONSUMER_MOTIVES, customer.motive),
    source: customer.source ?? '',
    intentTier: customer.intentTier,
    valueTier: customer.valueTier,
    tags: customer.tags,
    customFields,
    budget: customer.budget,
    need: customer.need,
    objection: customer.objection ?? '',
    refused: customer.refused,
    locked: customer.locked,
    dealState: customer.dealState,
  };
}

type Patch = Record<string, unknown>;

/** The fields the dialog edits as free text; blank means "clear it". */
type TextKey = 'phone' | 'email' | 'region' | 'source' | 'objection' | 'industry' | 'uscc' | 'wechatId';

/**
 * The PATCH body: only what changed, a cleared text as null. Kind-specific fields are compared only
 * for the customer's kind, the one the dialog shows.
 */
export function toUpdateInput(
  draft: EditDraft,
  customer: Customer,
  defs: CustomFieldDef[],
): UpdateCustomerInput {
  const patch: Patch = {};
  const text = (key: TextKey): void => {
    const next = draft[key].trim() || null;
    if (next !== (customer[key] ?? null)) patch[key] = next;
  };
  const same = (key: keyof Customer & keyof EditDraft): void => {
    if (draft[key] !== customer[key]) patch[key] = draft[key];
  };
  const name = draft.name.trim();
  if (name !== customer.name) patch.name = name;
  for (const key of ['phone', 'email', 'region', 'source', 'objection'] as const) text(key);
  if (customer.kind === 'business') {
    text('industry');
    text('uscc');
    same('size');
  } else if (customer.kind === 'government') {
    text('industry');
    same('agencyLevel');
    same('procurementMode');
  } else {
    text('wechatId');
    same('motive');
  }
  // The deal state is derived from the customer's deals: shown, never sent.
  for (const key of ['budget', 'need', 'refused', 'locked'] as const) same(key);
  if (draft.tags.join('\u0000') !== customer.tags.join('\u0000')) patch.tags = draft.tags;
  const customFields = customFieldPatch(draft.customFields, customer, defs);
  if (customFields) patch.customFields = customFields;
  return patch;
}

/** The custom fields as a whole when any changed (the server replaces the map); cleared ones as null. */
function customFieldPatch(
  values: Record<string, CustomFieldDraft>,
  customer: Customer,
  defs: CustomFieldDef[],
): Record<string, string | number | boolean | null> | undefined {
  const next: Record<string, string | number | boolean | null> = {
    ...toCustomFieldValues(values, defs, customer.kind),
  };
  for (const key of Object.keys(customer.customFields)) {
    if (!(key in next) && defs.some((def) => def.key === key)) next[key] = null;
  }
  const changed = Object.keys({ ...next, ...customer.customFields }).some(
    (key) => (next[key] ?? null) !== (customer.customFields[key] ?? null),
  );
  return changed ? next : undefined;
}
