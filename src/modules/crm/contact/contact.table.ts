import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** People (contacts). A person may belong to several accounts through `account_members`. */
export const people = pgTable(
  'people',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    title: text('title'),
    phone: text('phone'),
    email: text('email'),
    wechatId: text('wechat_id'),
    externalId: text('external_id'),
    notes: text('notes'),
    phoneKey: text('phone_key'),
    emailKey: text('email_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('people_phone_key_idx').on(t.tenantId, t.phoneKey),
    index('people_email_key_idx').on(t.tenantId, t.emailKey),
    uniqueIndex('people_external_id_key').on(t.tenantId, t.externalId),
  ],
);

/** A person's place in an account's buying committee. */
export const accountMembers = pgTable(
  'account_members',
  {
    tenantId: uuid('tenant_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    personId: uuid('person_id').notNull(),
    /** decision_maker / manager / user / procurement / other. */
    role: text('role').notNull(),
    /** technical / finance / compliance / business / executive / other. */
    department: text('department').notNull().default('other'),
    /** supporter / neutral / opponent. */
    stance: text('stance').notNull().default('neutral'),
    /** 1 (little) to 5 (decisive). */
    influence: integer('influence').notNull().default(3),
    isPrimary: boolean('is_primary').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.customerId, t.personId] }),
    index('account_members_person_idx').on(t.tenantId, t.personId),
    uniqueIndex('account_members_primary_key')
      .on(t.tenantId, t.customerId)
      .where(sql`${t.isPrimary}`),
  ],
);
