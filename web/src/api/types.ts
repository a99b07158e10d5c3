/**
 * The shapes the web app exchanges with the server, taken from the server's public contracts so a
 * change there fails the web typecheck instead of a user's screen.
 */
export type {
  ApiKeyOut,
  CreatedApiKey,
  CreateUserInput,
  Me,
  TeamOut,
  UpdateTeamInput,
  UpdateUserInput,
  UserDirectoryEntry,
  UserOut,
} from '../../../src/modules/access/identity/identity.contract';
export type {
  InvitationOut,
  InvitationPreview,
  InvitationWithLink,
  InviteUserInput,
} from '../../../src/modules/access/identity/invitation.contract';
export type {
  CreateCustomerInput,
  CreatedCustomer,
  Customer,
  CustomerKind,
  CustomerPage,
  CustomerSummary,
  DuplicateCandidate,
  UpdateCustomerInput,
} from '../../../src/modules/crm/customer/customer.contract';
export type { CreateSavedViewInput, SavedView } from '../../../src/modules/crm/view/saved-view.contract';
export type {
  CrmSettings,
  CustomFieldDef,
  IntentTier,
  PoolRules,
  SatisfactionTier,
  TierCondition,
  TierRule,
  UpdateCrmSettingsInput,
} from '../../../src/modules/crm/settings/crm-settings.contract';

import type { z } from 'zod';
import type {
  CreateTeamInput as CreateTeamSchema,
  Me,
} from '../../../src/modules/access/identity/identity.contract';
import type {
  CreateCustomerInput,
  Customer,
  ListCustomersQuery,
} from '../../../src/modules/crm/customer/customer.contract';
import type { CrmSettings, CustomFieldDef } from '../../../src/modules/crm/settings/crm-settings.contract';

/** A role a user or API key can carry. */
export type Role = Me['role'];

/** How much of the tenant's data a user sees. */
export type DataScope = Me['scope'];

/** The body of `POST /api/teams`: a name and, optionally, the first members. */
export type CreateTeamInput = z.infer<typeof CreateTeamSchema>;

/** An interface language. */
export type Locale = NonNullable<Me['user']['locale']>;

/** The level of a government customer. */
export type AgencyLevel = 'national' | 'provincial' | 'municipal' | 'county' | 'other';

/** The size of a business customer. */
export type BusinessSize = NonNullable<CreateCustomerInput['size']>;

/** How a government customer buys. */
export type ProcurementMode = NonNullable<CreateCustomerInput['procurementMode']>;

/** Why a consumer buys. */
export type ConsumerMotive = NonNullable<CreateCustomerInput['motive']>;

/** One of the eight service personas. */
export type ServicePersona = NonNullable<CreateCustomerInput['persona']>;

/** What is known of a customer's budget. */
export type BudgetState = Customer['budget'];

/** What is known of a customer's need. */
export type NeedState = Customer['need'];

/** Where a customer stands in buying. */
export type DealState = Customer['dealState'];

/** The order of the customer list. */
export type CustomerSort = ListCustomersQuery['sort'];

/** The type of a tenant's custom field. */
export type CustomFieldType = CustomFieldDef['type'];

/** What a likely duplicate does at an entry point. */
export type DuplicatePolicy = CrmSettings['duplicatePolicy']['create'];

/** Every role, in the order the interface lists them. */
export const ROLES = [
  'admin',
  'sales_manager',
  'sales_rep',
  'marketer',
  'service_agent',
  'warehouse_manager',
  'picker',
] as const satisfies readonly Role[];

/** Every data scope, from the narrowest to the widest. */
export const DATA_SCOPES = ['own', 'team', 'all'] as const satisfies readonly DataScope[];

/** Every customer kind, in the order the interface lists them. */
export const CUSTOMER_KINDS = [
  'business',
  'consumer',
  'government',
] as const satisfies readonly Customer['kind'][];

/** Every agency level, from the top down. */
export const AGENCY_LEVELS = [
  'national',
  'provincial',
  'municipal',
  'county',
  'other',
] as const satisfies readonly AgencyLevel[];

/** Every business size, from the smallest. */
export const BUSINESS_SIZES = [
  'micro',
  'small',
  'medium',
  'large',
  'enterprise',
] as const satisfies readonly BusinessSize[];

/** Every procurement mode. */
export const PROCUREMENT_MODES = [
  'single_source',
  'public_tender',
] as const satisfies readonly ProcurementMode[];

/** Every consumer motive. */
export const CONSUMER_MOTIVES = [
  'rational',
  'emotional',
  'habitual',
  'deal_driven',
] as const satisfies readonly ConsumerMotive[];

/** Every service persona, in the order of MISSION 2.4. */
export const SERVICE_PERSONAS = [
  'prospect',
  'first_time_buyer',
  'loyal_buyer',
  'impulse_buyer',
  'sceptical',
  'researcher',
  'discount_chaser',
  'angry',
] as const satisfies readonly ServicePersona[];

/** Every intent tier, best first. */
export const INTENT_TIERS = ['A', 'B', 'C', 'D'] as const satisfies readonly NonNullable<
  Customer['intentTier']
>[];

/** Every satisfaction tier, best first. */
export const SATISFACTION_TIERS = ['A', 'B', 'C'] as const satisfies readonly NonNullable<
  Customer['satisfactionTier']
>[];

/** Every budget state. */
export const BUDGET_STATES = [
  'unknown',
  'confirmed',
  'over_budget',
  'none',
] as const satisfies readonly BudgetState[];

/** Every need state. */
export const NEED_STATES = ['unknown', 'recorded', 'latent', 'none'] as const satisfies readonly NeedState[];

/** Every deal state. */
export const DEAL_STATES = ['none', 'open', 'won', 'lost'] as const satisfies readonly DealState[];

/** Every order of the customer list; the first is the default. */
export const CUSTOMER_SORTS = ['created', 'lastFollowUp'] as const satisfies readonly CustomerSort[];

/** Every custom field type. */
export const CUSTOM_FIELD_TYPES = [
  'text',
  'number',
  'boolean',
  'date',
  'select',
] as const satisfies readonly CustomFieldType[];

/** Every interface language. */
export const LOCALES = ['zh-CN', 'en'] as const satisfies readonly Locale[];

// The lists above must name every member of their union; these fail to compile when the server adds one.
type Covers<List extends readonly string[], Union extends string> = [Exclude<Union, List[number]>] extends [
  never,
]
  ? true
  : false;
const rolesComplete: Covers<typeof ROLES, Role> = true;
const scopesComplete: Covers<typeof DATA_SCOPES, DataScope> = true;
const kindsComplete: Covers<typeof CUSTOMER_KINDS, Customer['kind']> = true;
const localesComplete: Covers<typeof LOCALES, Locale> = true;
const crmListsComplete: [
  Covers<typeof BUSINESS_SIZES, BusinessSize>,
  Covers<typeof PROCUREMENT_MODES, ProcurementMode>,
  Covers<typeof CONSUMER_MOTIVES, ConsumerMotive>,
  Covers<typeof SERVICE_PERSONAS, ServicePersona>,
  Covers<typeof BUDGET_STATES, BudgetState>,
  Covers<typeof NEED_STATES, NeedState>,
  Covers<typeof DEAL_STATES, DealState>,
  Covers<typeof CUSTOMER_SORTS, CustomerSort>,
  Covers<typeof CUSTOM_FIELD_TYPES, CustomFieldType>,
  Covers<typeof INTENT_TIERS, NonNullable<Customer['intentTier']>>,
  Covers<typeof SATISFACTION_TIERS, NonNullable<Customer['satisfactionTier']>>,
] = [true, true, true, true, true, true, true, true, true, true, true];
void [rolesComplete, scopesComplete, kindsComplete, localesComplete, crmListsComplete];

/** An action a role may be allowed to take. */
export type Permission = Me['permissions'][number];
