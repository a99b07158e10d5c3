/** The customer form's state and how it becomes a request body. */
import type {
  AgencyLevel,
  BusinessSize,
  ConsumerMotive,
  CreateCustomerInput,
  CustomerKind,
  CustomFieldDef,
  IntentTier,
  ProcurementMode,
} from '../api/types';

/** A custom field's value as the form holds it; blank text means "not given". */
export type CustomFieldDraft = string | boolean;

/** What the user has typed so far; every text field is a string, empty when untouched. */
export type CustomerDraft = {
  kind: CustomerKind;
  name: string;
  phone: string;
  email: string;
  wechatId: string;
  region: string;
  industry: string;
  size: BusinessSize | null;
  uscc: string;
  agencyLevel: AgencyLevel | null;
  procurementMode: ProcurementMode | null;
  motive: ConsumerMotive | null;
  source: string;
  intentTier: IntentTier | null;
  valueTier: string | null;
  tags: string[];
  customFields: Record<string, CustomFieldDraft>;
};

/** The text fields of the draft. */
export type DraftTextField =
  'name' | 'phone' | 'email' | 'wechatId' | 'region' | 'industry' | 'uscc' | 'source';

/** A fresh form: a business customer, since most customers of a B2B seller are businesses. */
export const emptyDraft: CustomerDraft = {
  kind: 'business',
  name: '',
  phone: '',
  email: '',
  wechatId: '',
  region: '',
  industry: '',
  size: null,
  uscc: '',
  agencyLevel: null,
  procurementMode: null,
  motive: null,
  source: '',
  intentTier: null,
  valueTier: null,
  tags: [],
  customFields: {},
};

/** True when the custom field applies to customers of `kind`. */
export function appliesTo(field: CustomFieldDef, kind: CustomerKind): boolean {
  return !field.kinds || field.kinds.includes(kind);
}

/**
 * The custom field values to send: numbers as numbers, blanks left out, and only fields the kind
 * has, so switching the kind never sends a value the server would refuse.
 */
export function toCustomFieldValues(
  values: Record<string, CustomFieldDraft>,
  defs: CustomFieldDef[],
  kind: CustomerKind,
): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const def of defs) {
    const value = values[def.key];
    if (value === undefined || !appliesTo(def, kind)) continue;
    if (typeof value === 'boolean') out[def.key] = value;
    else if (value.trim() === '') continue;
    // A number field that does not parse is sent as typed, so the server names the field.
    else if (def.type === 'number' && Number.isFinite(Number(value))) out[def.key] = Number(value);
    else out[def.key] = value.trim();
  }
  return out;
}

/** The request body: only the fields the chosen kind has; blank ones stay undefined and drop out of the JSON. */
export function toCreateInput(
  draft: CustomerDraft,
  customFieldDefs: CustomFieldDef[] = [],
): CreateCustomerInput {
  const text = (value: string): string | undefined => value.trim() || undefined;
  const only = <T>(kinds: CustomerKind[], value: T): T | undefined =>
    kinds.includes(draft.kind) ? value : undefined;
  const customFields = toCustomFieldValues(draft.customFields, customFieldDefs, draft.kind);
  return {
    kind: draft.kind,
    name: draft.name.trim(),
    phone: text(draft.phone),
    email: text(draft.email),
    wechatId: only(['consumer'], text(draft.wechatId)),
    region: text(draft.region),
    industry: only(['business', 'government'], text(draft.industry)),
    size: only(['business'], draft.size ?? undefined),
    uscc: only(['business'], text(draft.uscc)),
    agencyLevel: only(['government'], draft.agencyLevel ?? undefined),
    procurementMode: only(['government'], draft.procurementMode ?? undefined),
    motive: only(['consumer'], draft.motive ?? undefined),
    source: text(draft.source),
    intentTier: draft.intentTier ?? undefined,
    valueTier: draft.valueTier ?? undefined,
    tags: draft.tags.length > 0 ? draft.tags : undefined,
    customFields: Object.keys(customFields).length > 0 ? customFields : undefined,
  };
}
