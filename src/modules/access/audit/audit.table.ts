/**
 * The audit log: security-relevant actions in a tenant (sign-ins, user, role and invitation changes,
 * API keys), with who, when and from which address. Tenant-owned; append-only except for retention.
 */
import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const auditLog = pgTable(
  'audit_log',
  {
    tenantId: uuid('tenant_id').notNull(),
    /** UUIDv7: newer entries have greater ids, so pages go by id. */
    id: uuid('id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    /** The user who acted; null for an API key, an operator or a failed sign-in of an unknown person. */
    actorUserId: uuid('actor_user_id'),
    /** `session`, `api_key`, `system` or `anonymous`. */
    actorKind: text('actor_kind').notNull(),
    /** Dotted, e.g. `auth.sign_in.failed`, `user.role_changed`, `apikey.rotated`. */
    action: text('action').notNull(),
    address: text('address'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('audit_log_tenant_at_idx').on(t.tenantId, t.at),
    index('audit_log_tenant_action_idx').on(t.tenantId, t.action, t.at),
  ],
);
