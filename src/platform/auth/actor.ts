/**
 * The actor: who is asking, in which tenant, with which role and data scope. Every service call that
 * touches tenant data takes one; it is built once per request by the auth hook.
 */
import { AppError } from '../errors.js';
import { permissionsOf, type DataScope, type Permission, type Role } from './roles.js';

/** Who is asking. `userId` is null for API keys, which act as their role without an owner. */
export type Actor = {
  tenantId: string;
  tenantSlug: string;
  userId: string | null;
  role: Role;
  scope: DataScope;
  /** Teams the user belongs to (for `team` scope). */
  teamIds: string[];
  via: 'session' | 'api_key' | 'system';
};

/** Throws `forbidden` unless the actor's role grants `permission`. */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (!permissionsOf(actor.role).includes(permission)) {
    throw new AppError('forbidden', 'auth.forbidden', `The role ${actor.role} may not ${permission}.`, {
      details: { permission },
    });
  }
}

/** An actor with full access to one tenant, for seeding and CLI commands run by an operator. */
export function systemActor(tenantId: string, tenantSlug: string): Actor {
  return { tenantId, tenantSlug, userId: null, role: 'admin', scope: 'all', teamIds: [], via: 'system' };
}
