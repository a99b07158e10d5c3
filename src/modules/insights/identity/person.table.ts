import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Persons of the customer data platform: whoever sent touchpoints, anonymous or known. Not the CRM's
 * `people` (contacts): a person links to one through `crm_person_id`.
 */
export const persons = pgTable(
  'persons',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    /** Set when this person was merged into another; follow it to the survivor. */
    mergedInto: uuid('merged_into'),
    /** The person's `userId`, once identified (at most one per person). */
    userId: text('user_id'),
    /** Current traits, latest identify wins; the history is in `person_trait_changes`. */
    traits: jsonb('traits').notNull().default({}),
    emailKey: text('email_key'),
    phoneKey: text('phone_key'),
    /** The CRM contact this person is, when linked by email, phone or external id. */
    crmPersonId: uuid('crm_person_id'),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('persons_merged_into_idx')
      .on(t.tenantId, t.mergedInto)
      .where(sql`${t.mergedInto} is not null`),
    index('persons_crm_person_idx')
      .on(t.tenantId, t.crmPersonId)
      .where(sql`${t.crmPersonId} is not null`),
    index('persons_last_seen_idx').on(t.tenantId, t.lastSeenAt.desc(), t.id.desc()),
    // Search by prefix (person-view.repository.ts): lower-cased, compared by character, not collation.
    index('persons_user_id_search_idx').on(t.tenantId, sql`lower(${t.userId}) text_pattern_ops`),
    index('persons_name_search_idx').on(t.tenantId, sql`lower(${t.traits}->>'name') text_pattern_ops`),
    index('persons_email_search_idx').on(t.tenantId, sql`lower(${t.traits}->>'email') text_pattern_ops`),
  ],
);

/** The ids a person is known by: `user_id` and `anonymous_id` values, each pointing at one person. */
export const personIdentities = pgTable(
  'person_identities',
  {
    tenantId: uuid('tenant_id').notNull(),
    /** user_id / anonymous_id. */
    kind: text('kind').notNull(),
    value: text('value').notNull(),
    personId: uuid('person_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.kind, t.value] }),
    index('person_identities_person_idx').on(t.tenantId, t.personId),
    // Search by an id's prefix, whatever its kind (person-view.repository.ts).
    index('person_identities_search_idx').on(t.tenantId, sql`lower(${t.value}) text_pattern_ops`),
  ],
);

/** Every trait change an identify made: the history behind `persons.traits`. */
export const personTraitChanges = pgTable(
  'person_trait_changes',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    personId: uuid('person_id').notNull(),
    trait: text('trait').notNull(),
    oldValue: jsonb('old_value'),
    newValue: jsonb('new_value'),
    messageId: text('message_id'),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('person_trait_changes_person_idx').on(t.tenantId, t.personId, t.changedAt),
  ],
);

/** Which CRM accounts a person acts for, learnt from `group` calls and contact links. */
export const personAccounts = pgTable(
  'person_accounts',
  {
    tenantId: uuid('tenant_id').notNull(),
    personId: uuid('person_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    groupId: text('group_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.personId, t.customerId] }),
    index('person_accounts_customer_idx').on(t.tenantId, t.customerId),
  ],
);
