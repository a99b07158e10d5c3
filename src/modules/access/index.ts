/**
 * Access: who may do what in which tenant. This context owns the tenants, the users and their
 * memberships (a role and a data scope per tenant), teams, web sessions and API keys; it signs people
 * in and out, builds the Actor every other context receives (with the permissions of its role, from
 * the one role catalogue in role/role.contract.ts) and serves /api/auth, /api/me, /api/users,
 * /api/teams, /api/api-keys, /api/invitations and /api/audit-log, and keeps the audit log of
 * security-relevant actions (`recordAudit`, which other contexts call for theirs). Platform keeps only what names no role or tenant: password hashing
 * and tokens, the Actor type with `requirePermission`, and the request hook, which takes its
 * resolvers from `actorResolvers` here through the composition root.
 *
 * Three features: role/ (the catalogue, pure), audit/ (the audit log, written only through
 * recordAudit) and identity/ (everything else with rows), in that order. The identity
 * tables stay one feature because they are one aggregate: every one names a tenant or a user by
 * foreign key, a request's actor is read in one query across four of them, and removing a member
 * ends their sessions and team places in one transaction. Its files are split by use case instead
 * (tenant, member, team, session, api-key, me).
 */
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { ActorResolvers } from '../../platform/http/auth-hook.js';
import { actorFromApiKey } from './identity/api-key.service.js';
import { actorFromSession } from './identity/session.service.js';

export { registerAccessRoutes } from './access.routes.js';
export type { AccessDeps } from './access-deps.js';
export { ROLES, PERMISSIONS, permissionsOf, type Role, type Permission } from './role/role.contract.js';
export {
  createTenant,
  findTenantBySlug,
  findTenantName,
  getTenantBySlug,
  hasAnyTenant,
  listTenantIds,
} from './identity/tenant.service.js';
export { actorForMember, hasTeam, isMemberOf, systemActor } from './identity/identity.service.js';
export { addUser, findUserByEmail, listMembersWithTeams } from './identity/member.service.js';
export { createTeam } from './identity/team.service.js';
export { createApiKey, actorFromApiKey, expiryAfterDays } from './identity/api-key.service.js';
export { signIn } from './identity/session.service.js';
export { CreateUserInput } from './identity/identity.contract.js';
export { findUserNames, type UserName } from './identity/user-name.service.js';
export { recordAudit, auditRetentionJob, type AuditActor, type AuditContext } from './audit/audit.service.js';

/** How the request hook turns a bearer key or a session cookie into an actor. */
export function actorResolvers(db: Db, clock: Clock): ActorResolvers {
  return {
    fromApiKey: (key) => actorFromApiKey(db, clock, key),
    fromSession: (token) => actorFromSession(db, clock, token),
  };
}
