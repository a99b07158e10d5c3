/** Web sign-in: a password check, then an opaque session token kept hashed in `sessions`. */
import type { Clock } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/auth/actor.js';
import type { SignInInput } from './identity.contract.js';
import { badCredentials } from './identity.errors.js';
import { actorForMember, asRole, buildActor } from './identity.service.js';
import { effectiveScope } from '../role/role.contract.js';
import * as repo from './identity.repository.js';
import { hashPassword, hashToken, newToken, verifyPassword } from '../../../platform/auth/secrets.js';
import { DAY_MS } from '../../../platform/clock.js';

/** How long a session lasts without signing in again. */
export const SESSION_DAYS = 30;

// Verifying against a throwaway hash when the email is unknown keeps the answer time the same.
const decoyHash = hashPassword('decoy-password-for-unknown-users');

/** Checks the credentials and opens a session; returns the token for the cookie and the actor. */
export async function signIn(
  db: Db,
  clock: Clock,
  input: SignInInput,
): Promise<{ token: string; expiresAt: Date; actor: Actor }> {
  const user = await repo.findUserByEmail(db, input.email);
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await decoyHash));
  if (!user || !ok || user.disabledAt) throw badCredentials();
  const memberships = await repo.listMembershipsOfUser(db, user.id);
  const chosen = input.tenant ? memberships.find((m) => m.slug === input.tenant) : memberships[0];
  if (!chosen) throw badCredentials();
  const session = await openSession(db, clock, user.id, { id: chosen.tenantId, slug: chosen.slug });
  if (!session) throw badCredentials();
  return session;
}

/** Opens a session of a member in a tenant; undefined when they are not a member there. */
export async function openSession(
  db: Db,
  clock: Clock,
  userId: string,
  tenant: { id: string; slug: string },
): Promise<{ token: string; expiresAt: Date; actor: Actor } | undefined> {
  const actor = await actorForMember(db, tenant, userId, 'session');
  if (!actor) return undefined;
  await repo.deleteExpiredSessions(db, userId, clock.now());
  const token = newToken();
  const expiresAt = new Date(clock.now().getTime() + SESSION_DAYS * DAY_MS);
  await repo.insertSession(db, { tokenHash: hashToken(token), userId, tenantId: tenant.id, expiresAt });
  return { token, expiresAt, actor };
}

/** Ends a session; a token that is already gone is fine. */
export async function signOut(db: Db, token: string): Promise<void> {
  await repo.deleteSession(db, hashToken(token));
}

/** The actor behind a session token, or undefined when it is unknown, expired or its membership is gone. */
export async function actorFromSession(db: Db, clock: Clock, token: string): Promise<Actor | undefined> {
  const member = await repo.findSessionMember(db, hashToken(token), clock.now());
  if (!member) return undefined;
  const role = asRole(member.role);
  return buildActor({
    tenantId: member.tenantId,
    tenantSlug: member.tenantSlug,
    userId: member.userId,
    role,
    scope: effectiveScope(role, member.scope),
    teamIds: await repo.listTeamIdsOfUser(db, member.tenantId, member.userId),
    via: 'session',
  });
}
