/**
 * Invitations: a pending membership the invited person accepts through a link. Tenant-owned
 * (`tenant_id` first in every key). The link's secret is kept only while the invitation is pending,
 * so admins can copy the link again; accepting or revoking clears it.
 */
import { foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenants, users } from './identity.table.js';

export const invitations = pgTable(
  'invitations',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    email: text('email').notNull(),
    /** The name a new account gets; an existing account keeps its own. */
    name: text('name').notNull(),
    role: text('role').notNull(),
    scope: text('scope'),
    teamIds: uuid('team_ids').array().notNull().default([]),
    /** The random part of the link; null once accepted or revoked. */
    secret: text('secret'),
    invitedBy: uuid('invited_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.invitedBy], foreignColumns: [users.id] }).onDelete('set null'),
    foreignKey({ columns: [t.acceptedBy], foreignColumns: [users.id] }),
    index('invitations_tenant_email_idx').on(t.tenantId, t.email),
  ],
);
