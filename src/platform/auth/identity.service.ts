/**
 * Tenants, users, teams and memberships: creating them and turning a membership into an Actor.
 */
import { AppError } from '../errors.js';
import { newId } from '../ids.js';
import type { Db } from '../db/database.js';
import type { Actor } from './actor.js';
import { requirePermission } from './actor.js';
import type { CreateUserInput, Me, TeamOut, UserDirectoryEntry, UserOut } from './auth.contract.js';
import { tenantNotFound, userNotFound } from './auth.errors.js';
import * as repo from './identity.repository.js';
import { defaultScopeOf, isRole, permissionsOf, type DataScope, type Role } from './roles.js';
import { hashPassword } from './secrets.js';

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

/**
 * Adds a user to a tenant with a role. A user that exists already (same email) joins the tenant;
 * a new one is created with the password.
 */
export async function addUser(db: Db, tenantId: string, input: CreateUserInput): Promise<UserOut> {
  return db.transaction(async (tx) => {
    let user = await repo.findUserByEmail(tx, input.email);
    if (!user) {
      user = {
        id: newId(),
        email: input.email,
        name: input.name,
        passwordHash: await hashPassword(input.password),
        locale: null,
        createdAt: new Date(),
        disabledAt: null,
      };
      await repo.insertUser(tx, user);
    } else if (await repo.findMembership(tx, tenantId, user.id)) {
      throw new AppError(
        'conflict',
        'auth.user.exists',
        `${input.email} is a member of this tenant already.`,
      );
    }
    const membership = {
      tenantId,
      userId: user.id,
      role: input.role,
      scope: input.scope ?? null,
      createdAt: new Date(),
    };
    await repo.upsertMembership(tx, membership);
    for (const teamId of input.teamIds ?? []) {
      if (!(await repo.findTeam(tx, tenantId, teamId))) {
        throw new AppError('invalid', 'auth.team.not_found', `No team ${teamId}.`, {
          issues: [{ path: 'teamIds', message: `no team ${teamId}` }],
        });
      }
      await repo.addTeamMember(tx, tenantId, teamId, user.id);
    }
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      role: input.role,
      scope: input.scope ?? defaultScopeOf(input.role),
      createdAt: membership.createdAt.toISOString(),
    };
  });
}

/** The users of the actor's tenant. */
export async function listUsers(db: Db, actor: Actor): Promise<UserOut[]> {
  requirePermission(actor, 'users.manage');
  const rows = await repo.listMembersOfTenant(db, actor.tenantId);
  return rows.map((r) => {
    const role = asRole(r.role);
    return {
      id: r.id,
      email: r.email,
      name: r.name,
      role,
      scope: (r.scope as DataScope | null) ?? defaultScopeOf(role),
      createdAt: r.createdAt.toISOString(),
    };
  });
}

/** The names of the tenant's users, for every member: who owns a record should never show as an id. */
export async function listUserDirectory(db: Db, actor: Actor): Promise<UserDirectoryEntry[]> {
  return (await repo.listMembersOfTenant(db, actor.tenantId)).map((r) => ({ id: r.id, name: r.name }));
}

/** Creates a team in the actor's tenant with the given members. */
export async function createTeam(
  db: Db,
  actor: Actor,
  input: { name: string; memberIds?: string[] },
): Promise<TeamOut> {
  requirePermission(actor, 'teams.manage');
  return db.transaction(async (tx) => {
    const id = newId();
    await repo.insertTeam(tx, { tenantId: actor.tenantId, id, name: input.name }).catch((error: unknown) => {
      if ((error as { cause?: { code?: string } }).cause?.code === '23505') {
        throw new AppError('conflict', 'auth.team.exists', `A team named "${input.name}" exists already.`);
      }
      throw error;
    });
    for (const userId of input.memberIds ?? []) {
      if (!(await repo.findMembership(tx, actor.tenantId, userId))) throw userNotFound(userId);
      await repo.addTeamMember(tx, actor.tenantId, id, userId);
    }
    return { id, name: input.name, memberIds: input.memberIds ?? [] };
  });
}

/** The teams of the actor's tenant. */
export async function listTeams(db: Db, actor: Actor): Promise<TeamOut[]> {
  return repo.listTeams(db, actor.tenantId);
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
    scope: (membership.scope as DataScope | null) ?? defaultScopeOf(role),
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

function asRole(value: string): Role {
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
