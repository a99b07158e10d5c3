import { sql } from 'drizzle-orm';
import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Customers of the three kinds; kind-specific columns are null where they do not apply. */
export const customers = pgTable(
  'customers',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    phone: text('phone'),
    email: text('email'),
    region: text('region'),
    /** business: industry; government: the agency's sector. */
    industry: text('industry'),
    /** business: unified social credit code (统一社会信用代码). */
    uscc: text('uscc'),
    /** government: national / provincial / municipal / county. */
    agencyLevel: text('agency_level'),
    ownerUserId: uuid('owner_user_id'),
    teamId: uuid('team_id'),
    source: text('source'),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('customers_kind_idx').on(t.tenantId, t.kind, t.id),
    index('customers_owner_idx').on(t.tenantId, t.ownerUserId, t.id),
    index('customers_team_idx').on(t.tenantId, t.teamId, t.id),
  ],
);
