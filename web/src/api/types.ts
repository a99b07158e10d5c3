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
} from '../../../src/platform/auth/auth.contract';
export type {
  CreateCustomerInput,
  Customer,
  CustomerKind,
  CustomerPage,
  CustomerSummary,
} from '../../../src/modules/crm/customer/customer.contract';

import type { z } from 'zod';
import type { CreateTeamInput as CreateTeamSchema, Me } from '../../../src/platform/auth/auth.contract';
import type { Customer } from '../../../src/modules/crm/customer/customer.contract';

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
void [rolesComplete, scopesComplete, kindsComplete, localesComplete];

/** An action a role may be allowed to take. */
export type Permission = Me['permissions'][number];
