/** The users of a tenant: adding them, changing their role, scope and teams, and removing them. */
import { AppError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { withTransactionRetry } from '../../../platform/db/retry.js';
import type { Db } from '../../../platform/db/database.js';
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { CreateUserInput, UpdateUserInput, UserDirectoryEntry, UserOut } from './identity.contract.js';
import { userNotFound } from './identity.errors.js';
import { asRole } from './identity.service.js';
import * as repo from './identity.repository.js';
import { effectiveScope } from '../role/role.contract.js';
import { hashPassword } from '../../../platform/auth/secrets.js';
import { recordAudit, type AuditContext } from '../audit/audit.service.js';

const lastAdmin = (): AppError =>
  new AppError('conflict', 'auth.user.last_admin', 'A tenant keeps at least one admin.');

async function joinTeams(db: Db, tenantId: string, userId: string, teamIds: string[]): Promise<void> {
  for (const teamId of teamIds) {
    if (!(await repo.findTeam(db, tenantId, teamId))) {
      throw new AppError('invalid', 'auth.team.not_found', `No team ${teamId}.`, {
        issues: [{ path: 'teamIds', message: `no team ${teamId}` }],
      });
    }
    await repo.addTeamMember(db, tenantId, teamId, userId);
  }
}

/**
 * Adds a user to a tenant with a role. A user that exists already (same email) joins the tenant;
 * a new one is created with the password.
 */
export async function addUser(db: Db, tenantId: string, input: CreateUserInput): Promise<UserOut> {
  // Users and memberships are reference tables on Citus, written on every node: concurrent additions
  // can meet in a distributed deadlock, which a fresh attempt resolves.
  const id = await withTransactionRetry(() =>
    db.transaction(async (tx) => {
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
      await repo.upsertMembership(tx, {
        tenantId,
        userId: user.id,
        role: input.role,
        scope: input.scope ?? null,
      });
      await joinTeams(tx, tenantId, user.id, input.teamIds ?? []);
      return user.id;
    }),
  );
  return getMember(db, tenantId, id);
}

/** The users of the actor's tenant with their role, effective scope and teams. */
export async function listUsers(db: Db, actor: Actor): Promise<UserOut[]> {
  requirePermission(actor, 'users.manage');
  return listMembers(db, actor.tenantId);
}

async function listMembers(db: Db, tenantId: string): Promise<UserOut[]> {
  const [rows, teamLinks] = await Promise.all([
    repo.listMembersOfTenant(db, tenantId),
    repo.listTeamMemberships(db, tenantId),
  ]);
  return rows.map((r) => {
    const role = asRole(r.role);
    return {
      id: r.id,
      email: r.email,
      name: r.name,
      role,
      scope: effectiveScope(role, r.scope),
      teamIds: teamLinks.filter((link) => link.userId === r.id).map((link) => link.teamId),
      createdAt: r.createdAt.toISOString(),
    };
  });
}

async function getMember(db: Db, tenantId: string, userId: string): Promise<UserOut> {
  const member = (await listMembers(db, tenantId)).find((m) => m.id === userId);
  if (!member) throw userNotFound(userId);
  return member;
}

/** The user with this sign-in email (in any tenant), or undefined; never their password hash. */
export async function findUserByEmail(
  db: Db,
  email: string,
): Promise<{ id: string; email: string; name: string } | undefined> {
  const user = await repo.findUserByEmail(db, email);
  return user && { id: user.id, email: user.email, name: user.name };
}

/** The tenant's members with their teams, by name (e.g. to match an owner column of a CSV by email). */
export async function listMembersWithTeams(
  db: Db,
  tenantId: string,
): Promise<{ id: string; email: string; name: string; teamIds: string[] }[]> {
  const [members, teams] = await Promise.all([
    repo.listMembersOfTenant(db, tenantId),
    repo.listTeamMemberships(db, tenantId),
  ]);
  return members.map((member) => ({
    id: member.id,
    email: member.email,
    name: member.name,
    teamIds: teams.filter((team) => team.userId === member.id).map((team) => team.teamId),
  }));
}

/** The names of the tenant's users, for every member: who owns a record should never show as an id. */
export async function listUserDirectory(db: Db, actor: Actor): Promise<UserDirectoryEntry[]> {
  return (await repo.listMembersOfTenant(db, actor.tenantId)).map((r) => ({ id: r.id, name: r.name }));
}

/** Changes a member's role, data scope (null: the role's default) and/or teams. */
export async function updateMember(
  db: Db,
  actor: Actor,
  userId: string,
  input: UpdateUserInput,
  context: AuditContext = {},
): Promise<UserOut> {
  requirePermission(actor, 'users.manage');
  await db.transaction(async (tx) => {
    const membership = await repo.findMembership(tx, actor.tenantId, userId);
    if (!membership) throw userNotFound(userId);
    const demotesAdmin = membership.role === 'admin' && input.role !== undefined && input.role !== 'admin';
    if (demotesAdmin && (await repo.countAdmins(tx, actor.tenantId)) <= 1) throw lastAdmin();
    if (input.role !== undefined || input.scope !== undefined) {
      await repo.updateMembership(tx, actor.tenantId, userId, {
        ...(input.role !== undefined ? { role: input.role } : {}),
        ...(input.scope !== undefined ? { scope: input.scope } : {}),
      });
    }
    if (input.teamIds) {
      await repo.removeUserFromTeams(tx, actor.tenantId, userId);
      await joinTeams(tx, actor.tenantId, userId, input.teamIds);
    }
    await recordAudit(tx, actor, 'user.changed', { userId, ...input }, context);
  });
  return getMember(db, actor.tenantId, userId);
}

/**
 * Removes a user from the tenant: membership, teams and sessions there. The user's other tenants
 * are untouched. Nobody removes themselves, and the last admin stays.
 */
export async function removeMember(
  db: Db,
  actor: Actor,
  userId: string,
  context: AuditContext = {},
): Promise<void> {
  requirePermission(actor, 'users.manage');
  await db.transaction(async (tx) => {
    const membership = await repo.findMembership(tx, actor.tenantId, userId);
    if (!membership) throw userNotFound(userId);
    if (userId === actor.userId) {
      throw new AppError(
        'conflict',
        'auth.user.remove_self',
        'You cannot remove yourself; ask another admin.',
      );
    }
    if (membership.role === 'admin' && (await repo.countAdmins(tx, actor.tenantId)) <= 1) throw lastAdmin();
    await repo.removeUserFromTeams(tx, actor.tenantId, userId);
    await repo.deleteSessionsInTenant(tx, actor.tenantId, userId);
    await repo.deleteMembership(tx, actor.tenantId, userId);
    await recordAudit(tx, actor, 'user.removed', { userId, role: membership.role }, context);
  });
}
