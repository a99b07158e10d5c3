/** Queries on invitations. No rules here. */
import { and, asc, eq, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { tenants } from './identity.table.js';
import { invitations } from './invitation.table.js';

export type InvitationRow = typeof invitations.$inferSelect;

export const insertInvitation = async (db: Db, row: typeof invitations.$inferInsert): Promise<void> => {
  await db.insert(invitations).values(row);
};

/** A pending invitation (not accepted, revoked or expired) with its tenant's name, locked for accepting. */
export const findPendingInvitation = async (db: Db, tenantId: string, id: string, now: Date) =>
  (
    await db
      .select({ invitation: invitations, tenantName: tenants.name, tenantSlug: tenants.slug })
      .from(invitations)
      .innerJoin(tenants, eq(tenants.id, invitations.tenantId))
      .where(
        and(
          eq(invitations.tenantId, tenantId),
          eq(invitations.id, id),
          isNotNull(invitations.secret),
          gt(invitations.expiresAt, now),
        ),
      )
      .for('update', { of: invitations })
  )[0];

export const listPendingInvitations = async (db: Db, tenantId: string, now: Date): Promise<InvitationRow[]> =>
  db
    .select()
    .from(invitations)
    .where(
      and(eq(invitations.tenantId, tenantId), isNotNull(invitations.secret), gt(invitations.expiresAt, now)),
    )
    .orderBy(asc(invitations.createdAt));

/** Ends the pending invitations of one email in a tenant (a new one replaces them); returns how many. */
export const revokeInvitationsOfEmail = async (
  db: Db,
  tenantId: string,
  email: string,
  now: Date,
): Promise<number> =>
  (
    await db
      .update(invitations)
      .set({ secret: null, revokedAt: now })
      .where(
        and(
          eq(invitations.tenantId, tenantId),
          sql`lower(${invitations.email}) = lower(${email})`,
          isNotNull(invitations.secret),
        ),
      )
      .returning({ id: invitations.id })
  ).length;

/** Revokes one pending invitation; false when there is none. */
export const revokeInvitation = async (db: Db, tenantId: string, id: string, now: Date): Promise<boolean> =>
  (
    await db
      .update(invitations)
      .set({ secret: null, revokedAt: now })
      .where(
        and(
          eq(invitations.tenantId, tenantId),
          eq(invitations.id, id),
          isNotNull(invitations.secret),
          isNull(invitations.acceptedAt),
        ),
      )
      .returning({ id: invitations.id })
  ).length > 0;

export const markInvitationAccepted = async (
  db: Db,
  tenantId: string,
  id: string,
  userId: string,
  now: Date,
): Promise<void> => {
  await db
    .update(invitations)
    .set({ secret: null, acceptedAt: now, acceptedBy: userId })
    .where(and(eq(invitations.tenantId, tenantId), eq(invitations.id, id)));
};
