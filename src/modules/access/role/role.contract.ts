/**
 * Roles, what each may do, and how much data each sees by default. The one place permissions live:
 * the actors access builds carry their role's permissions, and platform's `requirePermission` checks
 * them against these names (registered with platform in permission-catalogue.ts).
 */
import { z } from 'zod';
import { DATA_SCOPES, type DataScope } from '../../../platform/auth/data-scope.js';

export { DATA_SCOPES, type DataScope };

/** The roles a membership can carry. */
export const ROLES = [
  'admin',
  'sales_manager',
  'sales_rep',
  'marketer',
  'service_agent',
  'warehouse_manager',
  'picker',
] as const;
export type Role = (typeof ROLES)[number];

/** Actions that are checked before a service runs. */
export const PERMISSIONS = [
  'customers.read',
  'customers.write',
  /** Claim from a pool and release one's own customers back. */
  'customers.claim',
  /** Assign or transfer customers to other users, and take them back. */
  'customers.assign',
  'customers.merge',
  'customers.import',
  'customers.export',
  /** Tier rules, pools, recall, duplicate policy, value tiers and custom fields. */
  'crm.settings',
  'users.manage',
  'teams.manage',
  'apikeys.manage',
  /** Read the audit log of security-relevant actions. */
  'audit.read',
  /** Read touchpoint timelines and CDP persons. */
  'touchpoints.read',
  /** Read insights: funnels over touchpoints. */
  'insights.read',
  /** Import offline touchpoints (salon attendance, trade-show scans) from CSV. */
  'touchpoints.import',
  /** Create and configure event sources and their write keys. */
  'sources.manage',
  /** See warehouses, locations, items, stock, the ledger, the order pool and supplier scorecards. */
  'warehouse.read',
  /** Set up warehouses, locations and items; receive, put away, count; import CSV. */
  'warehouse.stock',
  /** Push, allocate, cancel and ship outbound orders; print their documents. */
  'warehouse.orders',
  /** Stock age by value tier, return reason weights, customer lot rules; rebuild stock from the ledger. */
  'warehouse.settings',
  /** Personal-information requests (export, erase, suppressions, consents), tenant export and removal. */
  'privacy.manage',
  /** See service tickets (within the data scope: other scopes than `all` see their customers' tickets), calendars and SLA policies. */
  'tickets.read',
  /** Open tickets, reply, add internal notes, change their status, priority and policy. */
  'tickets.write',
  /** Business calendars and SLA policies. */
  'service.settings',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const grants: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  sales_manager: [
    'customers.read',
    'customers.write',
    'customers.claim',
    'customers.assign',
    'customers.merge',
    'customers.import',
    'customers.export',
    'touchpoints.read',
    'tickets.read',
  ],
  sales_rep: [
    'customers.read',
    'customers.write',
    'customers.claim',
    'customers.import',
    'customers.export',
    'touchpoints.read',
    'tickets.read',
  ],
  marketer: [
    'customers.read',
    'customers.export',
    'touchpoints.read',
    'touchpoints.import',
    'sources.manage',
    'insights.read',
  ],
  service_agent: ['customers.read', 'touchpoints.read', 'tickets.read', 'tickets.write'],
  warehouse_manager: [
    'customers.read',
    'warehouse.read',
    'warehouse.stock',
    'warehouse.orders',
    'warehouse.settings',
  ],
  picker: ['warehouse.read'],
};

const defaultScopes: Record<Role, DataScope> = {
  admin: 'all',
  sales_manager: 'team',
  sales_rep: 'own',
  marketer: 'all',
  service_agent: 'all',
  warehouse_manager: 'all',
  picker: 'own',
};

/** The permissions of a role. */
export function permissionsOf(role: Role): readonly Permission[] {
  return grants[role];
}

/** True when `value` names a role. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The scope a membership really has: its override when set and valid, else the role's default. */
export function effectiveScope(role: Role, override: string | null): DataScope {
  return (DATA_SCOPES as readonly string[]).includes(override ?? '')
    ? (override as DataScope)
    : defaultScopes[role];
}

/** A role in a request or answer. */
export const RoleSchema = z.enum(ROLES);

/** A data scope in a request or answer. */
export const DataScopeSchema = z.enum(DATA_SCOPES);
