/**
 * Tenants, and turning a membership into an Actor. Users are in member.service.ts, teams in
 * team.service.ts.
 */
import { AppError } from '../errors.js';
import { newId } from '../ids.js';
import type { Db } from '../db/database.js';
import type { Actor } from './actor.js';
import type { Me } from './auth.contract.js';
import { tenantNotFound, userNotFound } from './auth.errors.js';
import * as repo from './identity.repository.js';
import { effectiveScope, isRole, permissionsOf, type Role } from './roles.js';

const SLUG_RE = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Creates a tenant, e.g. `createTenant(db, { slug: 'acme', name: 'Acme' })`. */
export async function createTenant(db: Db, input: { slug: string; name: string }): Promise<repo.TenantRow> {
  if (!SLUG_RE.test(input.slug)) {
    throw new AppError(
      'invalid',
      'auth.tenant.invalid_slug',
      'A tenant slug is 1-63 lower-case letters, digits and dashes.',
      {
        issues: [{ path: 'slug', message: 'lower-case letters, digits and dashes' }],
      },
    );
  }
  if (await repo.findTenantBySlug(db, input.slug)) {
    throw new AppError(
      'conflict',
      'auth.tenant.exists',
      `A tenant with slug "${input.slug}" exists already.`,
    );
  }
  const row = { id: newId(), slug: input.slug, name: input.name, createdAt: new Date() };
  await repo.insertTenant(db, row);
  return row;
}

/** The tenant with this slug; throws not_found. */
export async function getTenantBySlug(db: Db, slug: string): Promise<repo.TenantRow> {
  const tenant = await repo.findTenantBySlug(db, slug);
  if (!tenant) throw tenantNotFound(slug);
  return tenant;
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
  return {
    tenantId: tenant.id,
    tenantSlug: tenant.slug,
    userId,
    role,
    scope: effectiveScope(role, membership.scope),
    teamIds: await repo.listTeamIdsOfUser(db, tenant.id, userId),
    via,
  };
}

/** What the signed-in user's interface needs to know about them. */
export async function describeMe(db: Db, actor: Actor): Promise<Me> {
  if (!actor.userId) throw new AppError('invalid', 'auth.me.no_user', 'An API key has no user.');
  const [user, tenant, tenants] = await Promise.all([
    repo.findUserById(db, actor.userId),
    repo.findTenantById(db, actor.tenantId),
    repo.listMembershipsOfUser(db, actor.userId),
  ]);
  if (!user || !tenant) throw userNotFound(actor.userId);
  return {
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      locale: user.locale === 'zh-CN' || user.locale === 'en' ? user.locale : null,
    },
    tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name },
    role: actor.role,
    scope: actor.scope,
    permissions: [...permissionsOf(actor.role)],
    tenants: tenants.map((t) => ({ slug: t.slug, role: asRole(t.role) })),
  };
}

/** Remembers the user's interface language. */
export async function setLocale(db: Db, actor: Actor, locale: string): Promise<void> {
  if (!actor.userId) throw new AppError('invalid', 'auth.me.no_user', 'An API key has no user.');
  await repo.updateUserLocale(db, actor.userId, locale);
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
