/**
 * The actor: who is asking, in which tenant, with which role, permissions and data scope. Every
 * service call that touches tenant data takes one. The access context builds it (from a session, an
 * API key or for an operator) and resolves its permissions; platform only checks them.
 */
import { AppError } from '../errors.js';
import type { DataScope } from './data-scope.js';

/**
 * The names of roles and permissions, registered by the context that owns the catalogue
 * (src/modules/access/role/permission-catalogue.ts) through declaration merging, the way an app registers its
 * router with TanStack Router. Platform names no role or permission, yet a misspelt permission
 * still fails to compile.
 */
// eslint-disable-next-line no-restricted-syntax, @typescript-eslint/no-empty-object-type -- filled in by declaration merging
export interface PermissionCatalogue {}

/** A role of the registered catalogue (any string until one is registered). */
export type Role = PermissionCatalogue extends { role: infer R extends string } ? R : string;

/** A permission of the registered catalogue (any string until one is registered). */
export type Permission = PermissionCatalogue extends { permission: infer P extends string } ? P : string;

/** Who is asking. `userId` is null for API keys, which act as their role without an owner. */
export type Actor = {
  tenantId: string;
  tenantSlug: string;
  userId: string | null;
  role: Role;
  /** What the role may do, resolved when the actor was built. */
  permissions: readonly Permission[];
  scope: DataScope;
  /** Teams the user belongs to (for `team` scope). */
  teamIds: string[];
  via: 'session' | 'api_key' | 'system';
};

/** Throws `forbidden` unless the actor's role grants `permission`. */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (!actor.permissions.includes(permission)) {
    throw new AppError('forbidden', 'auth.forbidden', `The role ${actor.role} may not ${permission}.`, {
      details: { permission },
    });
  }
}
