/**
 * Turning a membership into an Actor, with its role's permissions, and the membership checks other
 * contexts need. Tenants are in tenant.service.ts, users in member.service.ts, teams in
 * team.service.ts, sessions and API keys in their own services.
 */
import type { Db } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { effectiveScope, isRole, permissionsOf, type Role } from '../role/role.contract.js';
import * as repo from './identity.repository.js';

/** An actor with its role's permissions filled in, e.g. `buildActor({ ..., role: 'sales_rep' })`. */
export function buildActor(fields: Omit<Actor, 'permissions'>): Actor {
  return { ...fields, permissions: permissionsOf(fields.role) };
}

/** An actor with full access to one tenant, for seeding and CLI commands run by an operator. */
export function systemActor(tenantId: string, tenantSlug: string): Actor {
  return buildActor({
    tenantId,
    tenantSlug,
    userId: null,
    role: 'admin',
    scope: 'all',
    teamIds: [],
    via: 'system',
  });
}

/** Builds the Actor for a user's membership in a tenant, or undefined when they are not a member. */
export async function actorForMember(
  db: Db,
  tenant: { id: string; slug: string },
  userId: string,
  via: Actor['via'],
): Promise<Actor | undefined> {
  const membership = await repo.findMembership(db, tenant.id, userId);
  if (!membership) return undefined;
  const role = asRole(membership.role);
  return buildActor({
    tenantId: tenant.id,
    tenantSlug: tenant.slug,
    userId,
    role,
    scope: effectiveScope(role, membership.scope),
    teamIds: await repo.listTeamIdsOfUser(db, tenant.id, userId),
    via,
  });
}

/** A role read from the database; throws on an unknown one (a bug, not bad input). */
export function asRole(value: string): Role {
  if (!isRole(value)) throw new Error(`unknown role in database: ${value}`);
  return value;
}

/** True when the user is a member of the tenant. */
export async function isMemberOf(db: Db, tenantId: string, userId: string): Promise<boolean> {
  return (await repo.findMembership(db, tenantId, userId)) !== undefined;
}

/** True when the tenant has this team. */
export async function hasTeam(db: Db, tenantId: string, teamId: string): Promise<boolean> {
  return (await repo.findTeam(db, tenantId, teamId)) !== undefined;
}
