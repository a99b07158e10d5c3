/** Request and response shapes of customers: the public contract of this feature. */
import { z } from 'zod';
import { IntentTier, SatisfactionTier } from '../settings/crm-settings.contract.js';

export const CUSTOMER_KINDS = ['business', 'consumer', 'government'] as const;
export const CustomerKind = z.enum(CUSTOMER_KINDS);
export type CustomerKind = z.infer<typeof CustomerKind>;

/** The four ways a customer is classified, each a column of its own (crm/tier holds their rules). */
export const TIER_DIMENSIONS = ['intent', 'satisfaction', 'value', 'persona'] as const;
export const TierDimension = z.enum(TIER_DIMENSIONS);
export type TierDimension = z.infer<typeof TierDimension>;

export const AGENCY_LEVELS = ['national', 'provincial', 'municipal', 'county', 'other'] as const;
export const BUSINESS_SIZES = ['micro', 'small', 'medium', 'large', 'enterprise'] as const;
export const PROCUREMENT_MODES = ['single_source', 'public_tender'] as const;
export const CONSUMER_MOTIVES = ['rational', 'emotional', 'habitual', 'deal_driven'] as const;
/** The eight service personas of MISSION 2.4; each has a handling guideline in the interface. */
export const SERVICE_PERSONAS = [
  'prospect',
  'first_time_buyer',
  'loyal_buyer',
  'impulse_buyer',
  'sceptical',
  'researcher',
  'discount_chaser',
  'angry',
] as const;
export const BUDGET_STATES = ['unknown', 'confirmed', 'over_budget', 'none'] as const;
export const NEED_STATES = ['unknown', 'recorded', 'latent', 'none'] as const;
export const DEAL_STATES = ['none', 'open', 'won', 'lost'] as const;

/** Values of the tenant's custom fields, keyed by field key; checked against the tenant's definitions. */
export const CustomFieldValues = z.record(
  z.string().max(40),
  z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]),
);

/** Fields a person may edit on any customer; kind-specific ones are refused on other kinds. */
const editableFields = {
  name: z.string().trim().min(1, 'required').max(200),
  phone: z
    .string()
    .trim()
    .regex(/^[+＋]?[0-9０-９][0-9０-９ ()（）-]{4,30}$/, 'digits, spaces, dashes and an optional leading +'),
  email: z.string().trim().toLowerCase().pipe(z.email()),
  wechatId: z.string().trim().min(1).max(64),
  region: z.string().trim().min(1).max(100),
  industry: z.string().trim().min(1).max(100),
  size: z.enum(BUSINESS_SIZES),
  parentId: z.uuid(),
  /** Checked for its GB 32100-2015 check character. */
  uscc: z.string().trim().toUpperCase().length(18, '18 characters'),
  agencyLevel: z.enum(AGENCY_LEVELS),
  procurementMode: z.enum(PROCUREMENT_MODES),
  motive: z.enum(CONSUMER_MOTIVES),
  persona: z.enum(SERVICE_PERSONAS),
  budget: z.enum(BUDGET_STATES),
  need: z.enum(NEED_STATES),
  objection: z.string().trim().min(1).max(500),
  refused: z.boolean(),
  locked: z.boolean(),
  source: z.string().trim().min(1).max(100),
  tags: z.array(z.string().trim().min(1).max(50)).max(50),
  externalId: z.string().trim().min(1).max(100),
  customFields: CustomFieldValues,
};

/** `dealState` is derived from the customer's deals: a request that sets it is a 400 naming the field. */
const derivedDealState = z.never({ error: "derived from the customer's deals; it cannot be set" }).optional();

/** Which kinds each kind-specific field belongs to. */
export const KIND_FIELDS: Partial<Record<keyof typeof editableFields, readonly CustomerKind[]>> = {
  size: ['business'],
  parentId: ['business'],
  uscc: ['business'],
  industry: ['business', 'government'],
  agencyLevel: ['government'],
  procurementMode: ['government'],
  motive: ['consumer'],
};

export const CreateCustomerInput = z.object({
  kind: CustomerKind,
  name: editableFields.name,
  phone: editableFields.phone.optional(),
  email: editableFields.email.optional(),
  wechatId: editableFields.wechatId.optional(),
  region: editableFields.region.optional(),
  industry: editableFields.industry.optional(),
  size: editableFields.size.optional(),
  parentId: editableFields.parentId.optional(),
  uscc: editableFields.uscc.optional(),
  agencyLevel: editableFields.agencyLevel.optional(),
  procurementMode: editableFields.procurementMode.optional(),
  motive: editableFields.motive.optional(),
  persona: editableFields.persona.optional(),
  budget: editableFields.budget.optional(),
  need: editableFields.need.optional(),
  objection: editableFields.objection.optional(),
  refused: editableFields.refused.optional(),
  locked: editableFields.locked.optional(),
  /** Refused: the deal state is derived from the customer's deals. */
  dealState: derivedDealState,
  source: editableFields.source.optional(),
  tags: editableFields.tags.optional(),
  externalId: editableFields.externalId.optional(),
  customFields: editableFields.customFields.optional(),
  /** Tiers set at creation are recorded in the tier history as manual changes. */
  intentTier: IntentTier.optional(),
  satisfactionTier: SatisfactionTier.optional(),
  /** A code from the tenant's value tiers. */
  valueTier: z.string().trim().min(1).max(32).optional(),
  /**
   * The owner, a member whose role works on customers (else 400 `crm.customer.owner_unknown` or
   * `crm.customer.owner_cannot_own`); defaults to the creating user. Give `poolId` instead to put the
   * customer in a pool. Created with an API key and neither given, it goes to its region's pool, else
   * the default pool.
   */
  ownerUserId: z.uuid().optional(),
  teamId: z.uuid().optional(),
  poolId: z.uuid().optional(),
  /** Create even when the customer looks like a duplicate of an existing one. */
  allowDuplicate: z.boolean().optional(),
});
export type CreateCustomerInput = z.infer<typeof CreateCustomerInput>;

/** A partial update of the profile; tiers, owner and pool change through their own endpoints. */
export const UpdateCustomerInput = z
  .object({
    name: editableFields.name.optional(),
    phone: editableFields.phone.nullable().optional(),
    email: editableFields.email.nullable().optional(),
    wechatId: editableFields.wechatId.nullable().optional(),
    region: editableFields.region.nullable().optional(),
    industry: editableFields.industry.nullable().optional(),
    size: editableFields.size.nullable().optional(),
    parentId: editableFields.parentId.nullable().optional(),
    uscc: editableFields.uscc.nullable().optional(),
    agencyLevel: editableFields.agencyLevel.nullable().optional(),
    procurementMode: editableFields.procurementMode.nullable().optional(),
    motive: editableFields.motive.nullable().optional(),
    budget: editableFields.budget.optional(),
    need: editableFields.need.optional(),
    objection: editableFields.objection.nullable().optional(),
    refused: editableFields.refused.optional(),
    locked: editableFields.locked.optional(),
    /** Refused: the deal state is derived from the customer's deals. */
    dealState: derivedDealState,
    source: editableFields.source.nullable().optional(),
    tags: editableFields.tags.optional(),
    externalId: editableFields.externalId.nullable().optional(),
    customFields: editableFields.customFields.optional(),
    teamId: z.uuid().nullable().optional(),
  })
  .refine((value) => Object.keys(value).length > 0, 'nothing to update');
export type UpdateCustomerInput = z.infer<typeof UpdateCustomerInput>;

/** A likely duplicate and the keys it shares with the customer in question. */
export const DuplicateCandidate = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: CustomerKind,
  ownerUserId: z.uuid().nullable(),
  poolId: z.uuid().nullable(),
  matchedOn: z.array(z.enum(['phone', 'email', 'name', 'uscc'])),
});
export type DuplicateCandidate = z.infer<typeof DuplicateCandidate>;

/** Likely duplicates of one customer, strongest match first. */
export const DuplicateList = z.object({ items: z.array(DuplicateCandidate) });
export type DuplicateList = z.infer<typeof DuplicateList>;

export const Customer = z.object({
  id: z.uuid(),
  kind: CustomerKind,
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  wechatId: z.string().nullable(),
  region: z.string().nullable(),
  industry: z.string().nullable(),
  size: z.string().nullable(),
  parentId: z.uuid().nullable(),
  uscc: z.string().nullable(),
  agencyLevel: z.string().nullable(),
  procurementMode: z.string().nullable(),
  motive: z.string().nullable(),
  intentTier: IntentTier.nullable(),
  satisfactionTier: SatisfactionTier.nullable(),
  valueTier: z.string().nullable(),
  persona: z.string().nullable(),
  budget: z.enum(BUDGET_STATES),
  need: z.enum(NEED_STATES),
  objection: z.string().nullable(),
  refused: z.boolean(),
  ownerUserId: z.uuid().nullable(),
  teamId: z.uuid().nullable(),
  poolId: z.uuid().nullable(),
  receivedAt: z.iso.datetime().nullable(),
  lastFollowUpAt: z.iso.datetime().nullable(),
  locked: z.boolean(),
  dealState: z.enum(DEAL_STATES),
  source: z.string().nullable(),
  tags: z.array(z.string()),
  externalId: z.string().nullable(),
  customFields: CustomFieldValues,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Customer = z.infer<typeof Customer>;

/** The answer to a create: the customer, and the likely duplicates when the policy only warns. */
export const CreatedCustomer = Customer.extend({
  duplicates: z.array(DuplicateCandidate).optional(),
});
export type CreatedCustomer = z.infer<typeof CreatedCustomer>;

/** A comma-separated list of tiers; `none` matches customers without one. */
const tierList = <T extends string>(allowed: readonly T[]) =>
  z
    .string()
    .trim()
    .transform((text) => text.split(',').map((part) => part.trim()))
    .pipe(z.array(z.enum(['none', ...allowed] as [T | 'none', ...(T | 'none')[]])).min(1));

export const CUSTOMER_SORTS = ['created', 'lastFollowUp'] as const;

export const ListCustomersQuery = z.object({
  kind: CustomerKind.optional(),
  /** Part of the name, phone or email, case-insensitive. */
  q: z.string().trim().min(1).max(100).optional(),
  /** Another name for `q`, for clients that expect it. */
  search: z.string().trim().min(1).max(100).optional(),
  /** Another name for `q`, for clients that expect it. */
  name: z.string().trim().min(1).max(100).optional(),
  /** Intent tiers, comma-separated, e.g. `A,B` or `none`. */
  intentTier: tierList(['A', 'B', 'C', 'D'] as const).optional(),
  satisfactionTier: tierList(['A', 'B', 'C'] as const).optional(),
  valueTier: z.string().trim().min(1).max(32).optional(),
  persona: z.enum(SERVICE_PERSONAS).optional(),
  ownerUserId: z.uuid().optional(),
  /** Customers in this pool. */
  poolId: z.uuid().optional(),
  /** `pool`: only customers in a pool; `owned`: only owned ones. */
  ownership: z.enum(['pool', 'owned']).optional(),
  tag: z.string().trim().min(1).max(50).optional(),
  /** `created` (newest first, the default) or `lastFollowUp` (most recent first, never followed up last). */
  sort: z.enum(CUSTOMER_SORTS).default('created'),
  /** The `nextCursor` of the previous page. */
  after: z.string().trim().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListCustomersQuery = z.infer<typeof ListCustomersQuery>;

export const CustomerPage = z.object({
  items: z.array(Customer),
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type CustomerPage = z.infer<typeof CustomerPage>;

export const CustomerSummaryQuery = ListCustomersQuery.omit({ sort: true, after: true, limit: true });
export type CustomerSummaryQuery = z.infer<typeof CustomerSummaryQuery>;

export const CustomerSummary = z.object({
  /** Customers the caller may see (matching the filters when given). */
  total: z.number().int(),
  byKind: z.object({ business: z.number().int(), consumer: z.number().int(), government: z.number().int() }),
  /** Counts per intent tier over the same customers; `none` for customers without one. */
  byIntentTier: z.object({
    A: z.number().int(),
    B: z.number().int(),
    C: z.number().int(),
    D: z.number().int(),
    none: z.number().int(),
  }),
});
export type CustomerSummary = z.infer<typeof CustomerSummary>;

/** The error codes of customers, as the API answers them (`code` of a problem); the web app compares against these. */
export const CUSTOMER_ERRORS = {
  notFound: 'crm.customer.not_found',
  merged: 'crm.customer.merged',
  ownerUnknown: 'crm.customer.owner_unknown',
  teamUnknown: 'crm.customer.team_unknown',
  invalid: 'crm.customer.invalid',
  duplicate: 'crm.customer.duplicate',
  externalIdTaken: 'crm.customer.external_id_taken',
  cursorInvalid: 'crm.customer.cursor_invalid',
} as const;
