/**
 * Inviting people into a tenant. Adding a user over the API never reveals whether an email has an
 * account elsewhere and never makes anyone a member without their consent: it creates an invitation
 * whose link the person opens; they accept signed in as that account, or set a password when the
 * email has no account yet. The answer to the admin is the same in both cases.
 */
import { timingSafeEqual } from 'node:crypto';
import { DAY_MS, type Clock } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors.js';
import { newId, isUuid } from '../../../platform/ids.js';
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import { hashPassword, newToken } from '../../../platform/auth/secrets.js';
import { DataScopeSchema } from '../role/role.contract.js';
import { asRole } from './identity.service.js';
import { recordAudit, type AuditContext } from '../audit/audit.service.js';
import * as repo from './identity.repository.js';
import * as invitationRepo from './invitation.repository.js';
import {
  ACCEPT_INVITATION_PATH,
  INVITATION_DAYS,
  type AcceptInvitationInput,
  type InvitationOut,
  type InvitationPreview,
  type InvitationWithLink,
  type InviteUserInput,
} from './invitation.contract.js';

const notFound = (): AppError =>
  new AppError(
    'not_found',
    'auth.invitation.not_found',
    'This invitation is unknown, used, revoked or expired.',
  );
const signInRequired = (): AppError =>
  new AppError(
    'unauthenticated',
    'auth.invitation.sign_in_required',
    'Sign in with the invited email to accept, or set a password if you have no account yet.',
  );

/** Invites a person into the actor's tenant; a pending invitation of the same email is replaced. */
export async function inviteUser(
  db: Db,
  clock: Clock,
  actor: Actor,
  input: InviteUserInput,
  context: AuditContext = {},
): Promise<InvitationWithLink> {
  requirePermission(actor, 'users.manage');
  const now = clock.now();
  const row = await db.transaction(async (tx) => {
    const user = await repo.findUserByEmail(tx, input.email);
    if (user && (await repo.findMembership(tx, actor.tenantId, user.id))) {
      throw new AppError(
        'conflict',
        'auth.user.exists',
        `${input.email} is a member of this tenant already.`,
      );
    }
    for (const teamId of input.teamIds ?? []) {
      if (!(await repo.findTeam(tx, actor.tenantId, teamId))) {
        throw new AppError('invalid', 'auth.team.not_found', `No team ${teamId}.`, {
          issues: [{ path: 'teamIds', message: `no team ${teamId}` }],
        });
      }
    }
    await invitationRepo.revokeInvitationsOfEmail(tx, actor.tenantId, input.email, now);
    const invitation = {
      tenantId: actor.tenantId,
      id: newId(),
      email: input.email,
      name: input.name,
      role: input.role,
      scope: input.scope ?? null,
      teamIds: input.teamIds ?? [],
      secret: newToken(),
      invitedBy: actor.userId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + INVITATION_DAYS * DAY_MS),
    };
    await invitationRepo.insertInvitation(tx, invitation);
    const { id, email, role, scope, teamIds } = invitation;
    await recordAudit(tx, actor, 'user.invited', { invitationId: id, email, role, scope, teamIds }, context);
    return invitation;
  });
  return withLink(row);
}

/** The tenant's pending invitations with their links. */
export async function listInvitations(db: Db, clock: Clock, actor: Actor): Promise<InvitationWithLink[]> {
  requirePermission(actor, 'users.manage');
  return (await invitationRepo.listPendingInvitations(db, actor.tenantId, clock.now())).map(withLink);
}

/** Revokes a pending invitation of the actor's tenant; its link stops working at once. */
export async function revokeInvitation(
  db: Db,
  clock: Clock,
  actor: Actor,
  id: string,
  context: AuditContext = {},
): Promise<void> {
  requirePermission(actor, 'users.manage');
  if (!(await invitationRepo.revokeInvitation(db, actor.tenantId, id, clock.now()))) throw notFound();
  await recordAudit(db, actor, 'user.invitation_revoked', { invitationId: id }, context);
}

/** What an invitation link offers, for the page that accepts it. */
export async function previewInvitation(db: Db, clock: Clock, token: string): Promise<InvitationPreview> {
  const found = await findByToken(db, clock, token);
  return {
    email: found.invitation.email,
    name: found.invitation.name,
    tenantName: found.tenantName,
    role: asRole(found.invitation.role),
    expiresAt: found.invitation.expiresAt.toISOString(),
  };
}

/**
 * Accepts an invitation: as the signed-in user whose email it names, or by creating the account with
 * `password` when the email has none. Returns the member and the tenant, for a session there.
 */
export async function acceptInvitation(
  db: Db,
  clock: Clock,
  actor: Actor | undefined,
  input: AcceptInvitationInput,
  context: AuditContext = {},
): Promise<{ userId: string; tenant: { id: string; slug: string } }> {
  const passwordHash = input.password && !actor?.userId ? await hashPassword(input.password) : undefined;
  return db.transaction(async (tx) => {
    const found = await findByToken(tx, clock, input.token);
    const { invitation } = found;
    const userId = await acceptingUser(tx, actor, invitation, passwordHash);
    if (!(await repo.findMembership(tx, invitation.tenantId, userId))) {
      await repo.upsertMembership(tx, {
        tenantId: invitation.tenantId,
        userId,
        role: asRole(invitation.role),
        scope: invitation.scope,
      });
      for (const teamId of invitation.teamIds) {
        if (await repo.findTeam(tx, invitation.tenantId, teamId)) {
          await repo.addTeamMember(tx, invitation.tenantId, teamId, userId);
        }
      }
    }
    await invitationRepo.markInvitationAccepted(tx, invitation.tenantId, invitation.id, userId, clock.now());
    await recordAudit(
      tx,
      { tenantId: invitation.tenantId, userId, via: 'session' },
      'user.invitation_accepted',
      { invitationId: invitation.id, email: invitation.email, role: invitation.role },
      { ...context, clock },
    );
    return { userId, tenant: { id: invitation.tenantId, slug: found.tenantSlug } };
  });
}

async function acceptingUser(
  db: Db,
  actor: Actor | undefined,
  invitation: invitationRepo.InvitationRow,
  passwordHash: string | undefined,
): Promise<string> {
  if (actor?.userId) {
    const user = await repo.findUserById(db, actor.userId);
    if (user?.email.toLowerCase() !== invitation.email.toLowerCase()) {
      throw new AppError(
        'forbidden',
        'auth.invitation.other_account',
        'This invitation is for another email; sign out and accept it as that account.',
      );
    }
    return user.id;
  }
  // A password creates an account; it never opens one that exists (that would hand it to the link holder).
  if (!passwordHash || (await repo.findUserByEmail(db, invitation.email))) throw signInRequired();
  const id = newId();
  await repo.insertUser(db, {
    id,
    email: invitation.email,
    name: invitation.name,
    passwordHash,
    locale: null,
  });
  return id;
}

/** Reads `<tenant id>.<invitation id>.<secret>` and finds the pending invitation it names. */
async function findByToken(db: Db, clock: Clock, token: string) {
  const [tenantId, id, secret] = token.split('.');
  if (!tenantId || !id || !secret || !isUuid(tenantId) || !isUuid(id)) throw notFound();
  const found = await invitationRepo.findPendingInvitation(db, tenantId, id, clock.now());
  const stored = Buffer.from(found?.invitation.secret ?? '');
  const given = Buffer.from(secret);
  if (!found || stored.length !== given.length || !timingSafeEqual(stored, given)) throw notFound();
  return found;
}

type LinkedRow = Pick<
  invitationRepo.InvitationRow,
  'tenantId' | 'id' | 'email' | 'name' | 'role' | 'scope' | 'teamIds' | 'secret' | 'createdAt' | 'expiresAt'
>;

function withLink(row: LinkedRow): InvitationWithLink {
  const invitation: InvitationOut = {
    id: row.id,
    email: row.email,
    name: row.name,
    role: asRole(row.role),
    scope: row.scope === null ? null : DataScopeSchema.parse(row.scope),
    teamIds: row.teamIds,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
  const token = `${row.tenantId}.${row.id}.${row.secret ?? ''}`;
  return { invitation, link: `${ACCEPT_INVITATION_PATH}#${token}` };
}
