import { sql, type SQL } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { tripledSql } from '../../../platform/db/text-search.js';

/** The columns the list's `q` searches. */
type SearchedColumns = { name: AnyPgColumn; phone: AnyPgColumn; email: AnyPgColumn };

/**
 * What the `q` search indexes hold: name, phone and email in one text, as it is and with each
 * character tripled (platform/db/text-search.ts). Queries must use this very expression.
 */
export const customerSearchText = (t: SearchedColumns): SQL =>
  sql`${t.name} || ' ' || coalesce(${t.phone}, '') || ' ' || coalesce(${t.email}, '')`;

/**
 * Customers of the three kinds; kind-specific columns are null where they do not apply. A customer
 * is either owned (`owner_user_id`) or sits in a pool (`pool_id`), never both.
 */
export const customers = pgTable(
  'customers',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    /**
     * The first letters of the pinyin of the name's Chinese characters (杭州云帆 -> `hzyf`), written
     * with the name (name-initials.ts); null for names without Chinese. Searched by prefix.
     */
    nameInitials: text('name_initials'),
    phone: text('phone'),
    email: text('email'),
    /** consumer (and anyone): WeChat id. */
    wechatId: text('wechat_id'),
    region: text('region'),
    /** business: industry; government: the agency's sector. */
    industry: text('industry'),
    /** business: micro / small / medium / large / enterprise. */
    size: text('size'),
    /** business: the parent account, a customer id of the same tenant. */
    parentId: uuid('parent_id'),
    /** business: unified social credit code (统一社会信用代码). */
    uscc: text('uscc'),
    /** government: national / provincial / municipal / county. */
    agencyLevel: text('agency_level'),
    /** government: single_source / public_tender. */
    procurementMode: text('procurement_mode'),
    /** consumer: rational / emotional / habitual / deal_driven. */
    motive: text('motive'),
    /** Intent tier A/B/C/D, or null while unset. */
    intentTier: text('intent_tier'),
    /** Satisfaction tier A/B/C, or null. */
    satisfactionTier: text('satisfaction_tier'),
    /** Value tier: a code from the tenant's list (svip / vip / standard by default). */
    valueTier: text('value_tier'),
    /** Service persona, one of the eight. */
    persona: text('persona'),
    /** Qualification facts the tier rules read. */
    budget: text('budget').notNull().default('unknown'),
    need: text('need').notNull().default('unknown'),
    objection: text('objection'),
    refused: boolean('refused').notNull().default(false),
    ownerUserId: uuid('owner_user_id'),
    teamId: uuid('team_id'),
    poolId: uuid('pool_id'),
    /** When the current owner received the customer (claim, assign, transfer or creation). */
    receivedAt: timestamp('received_at', { withTimezone: true }),
    lastFollowUpAt: timestamp('last_follow_up_at', { withTimezone: true }),
    /** When the owner was last warned that recall is near; cleared by any move or follow-up. */
    recallWarnedAt: timestamp('recall_warned_at', { withTimezone: true }),
    /** Locked customers are exempt from recall where the tenant says so. */
    locked: boolean('locked').notNull().default(false),
    /** none / open / won / lost: kept by the deals feature, read by recall. */
    dealState: text('deal_state').notNull().default('none'),
    source: text('source'),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Id of this customer in an upstream system (import, touchpoints `groupId`). */
    externalId: text('external_id'),
    customFields: jsonb('custom_fields')
      .$type<Record<string, string | number | boolean | null>>()
      .notNull()
      .default({}),
    /** Duplicate-matching keys, normalised (E.164 phone, lower-case email, company name without suffixes). */
    phoneKey: text('phone_key'),
    emailKey: text('email_key'),
    nameKey: text('name_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('customers_kind_idx').on(t.tenantId, t.kind, t.id),
    // `q`: trigrams of the text serve three characters or more, of the tripled text one or two.
    index('customers_search_idx').using('gin', sql`(${customerSearchText(t)}) gin_trgm_ops`),
    index('customers_search_short_idx').using('gin', sql`${tripledSql(customerSearchText(t))} gin_trgm_ops`),
    index('customers_initials_idx').on(t.tenantId, t.nameInitials.op('text_pattern_ops')),
    index('customers_owner_idx').on(t.tenantId, t.ownerUserId, t.id),
    // The list's shapes: `id desc` is `nulls first` to match the queries' ORDER BY exactly, and `kind`
    // rides along so the summary's counts for an owner and tier are index-only.
    index('customers_owner_follow_up_idx').on(
      t.tenantId,
      t.ownerUserId,
      t.intentTier,
      t.lastFollowUpAt.desc().nullsLast(),
      t.id.desc().nullsFirst(),
      t.kind,
    ),
    index('customers_tier_follow_up_idx').on(
      t.tenantId,
      t.intentTier,
      t.lastFollowUpAt.desc().nullsLast(),
      t.id.desc().nullsFirst(),
    ),
    index('customers_follow_up_idx').on(
      t.tenantId,
      t.lastFollowUpAt.desc().nullsLast(),
      t.id.desc().nullsFirst(),
    ),
    // Mostly-null columns get partial indexes: smaller, and cheaper for every insert.
    index('customers_team_idx')
      .on(t.tenantId, t.teamId, t.id)
      .where(sql`${t.teamId} is not null`),
    index('customers_pool_idx')
      .on(t.tenantId, t.poolId, t.id)
      .where(sql`${t.poolId} is not null`),
    index('customers_phone_key_idx')
      .on(t.tenantId, t.phoneKey)
      .where(sql`${t.phoneKey} is not null`),
    index('customers_email_key_idx')
      .on(t.tenantId, t.emailKey)
      .where(sql`${t.emailKey} is not null`),
    index('customers_name_key_idx')
      .on(t.tenantId, t.nameKey)
      .where(sql`${t.nameKey} is not null`),
    index('customers_uscc_idx')
      .on(t.tenantId, t.uscc)
      .where(sql`${t.uscc} is not null`),
    uniqueIndex('customers_external_id_key').on(t.tenantId, t.externalId),
  ],
);

/** Customers merged away: where each went and what it was, so an old id still explains itself. */
export const customerMerges = pgTable(
  'customer_merges',
  {
    tenantId: uuid('tenant_id').notNull(),
    /** The id of the customer that no longer exists. */
    fromId: uuid('from_id').notNull(),
    intoId: uuid('into_id').notNull(),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    mergedByUserId: uuid('merged_by_user_id'),
    mergedAt: timestamp('merged_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.fromId] }),
    index('customer_merges_into_idx').on(t.tenantId, t.intoId),
  ],
);
