/** The customer form's state and how it becomes a request body. */
import type { AgencyLevel, CreateCustomerInput, CustomerKind } from '../api/types';

/** What the user has typed so far; every text field is a string, empty when untouched. */
export type CustomerDraft = {
  kind: CustomerKind;
  name: string;
  phone: string;
  email: string;
  region: string;
  industry: string;
  uscc: string;
  agencyLevel: AgencyLevel | null;
  tags: string[];
};

/** The text fields of the draft. */
export type DraftTextField = 'name' | 'phone' | 'email' | 'region' | 'industry' | 'uscc';

/** A fresh form: a business customer, since most customers of a B2B seller are businesses. */
export const emptyDraft: CustomerDraft = {
  kind: 'business',
  name: '',
  phone: '',
  email: '',
  region: '',
  industry: '',
  uscc: '',
  agencyLevel: null,
  tags: [],
};

/** The request body: only the fields the chosen kind has; blank ones stay undefined and drop out of the JSON. */
export function toCreateInput(draft: CustomerDraft): CreateCustomerInput {
  const text = (value: string): string | undefined => value.trim() || undefined;
  return {
    kind: draft.kind,
    name: draft.name.trim(),
    phone: text(draft.phone),
    email: text(draft.email),
    region: text(draft.region),
    industry: draft.kind === 'business' ? text(draft.industry) : undefined,
    uscc: draft.kind === 'business' ? text(draft.uscc) : undefined,
    agencyLevel: draft.kind === 'government' ? (draft.agencyLevel ?? undefined) : undefined,
    tags: draft.tags.length > 0 ? draft.tags : undefined,
  };
}
