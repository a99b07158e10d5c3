import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A person at a lead, who joins the customer's buying committee on conversion. */
export type StoredLeadPerson = {
  name: string;
  role?: string;
  phone?: string;
  email?: string;
  title?: string;
};

/**
 * Leads (线索): a prospect not yet a customer, from manual entry, CSV import, web forms, campaigns or
 * channel partners, with the answers to its requirements form. The share columns hold the public
 * form link: only the SHA-256 of its token is kept.
 */
export const leads = pgTable(
  'leads',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    /** business / consumer / government, as customers. */
    kind: text('kind').notNull(),
    /** The company, body or person. */
    name: text('name').notNull(),
    contactName: text('contact_name'),
    phone: text('phone'),
    email: text('email'),
    region: text('region'),
    /** manual / import / web_form / campaign / partner, or the tenant's own words. */
    source: text('source').notNull(),
    /** Which campaign, partner or file it came from. */
    sourceRef: text('source_ref'),
    productId: uuid('product_id'),
    formId: uuid('form_id'),
    /** The form version the answers were given to. */
    formVersion: integer('form_version'),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull(),
    people: jsonb('people').$type<StoredLeadPerson[]>().notNull(),
    /** zh-CN / en: the language of the public form. */
    language: text('language').notNull(),
    /** new / working / qualified / disqualified. */
    status: text('status').notNull(),
    disqualifyReason: text('disqualify_reason'),
    note: text('note'),
    ownerUserId: uuid('owner_user_id'),
    teamId: uuid('team_id'),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    customerId: uuid('customer_id'),
    dealId: uuid('deal_id'),
    shareTokenHash: text('share_token_hash'),
    shareExpiresAt: timestamp('share_expires_at', { withTimezone: true }),
    qualifiedAt: timestamp('qualified_at', { withTimezone: true }),
    convertedAt: timestamp('converted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('leads_owner_idx').on(t.tenantId, t.ownerUserId, t.assignedAt),
    index('leads_status_idx').on(t.tenantId, t.status, t.id),
    index('leads_form_idx').on(t.tenantId, t.formId),
    // The public link finds its lead by the token alone (the visitor names no tenant).
    index('leads_share_token_idx').on(t.shareTokenHash),
  ],
);

/** One row per tenant: the reasons a lead may be disqualified for, and how new leads are assigned. */
export const leadSettings = pgTable('lead_settings', {
  tenantId: uuid('tenant_id').primaryKey(),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull(),
  /** Round-robin position: how many leads the rotation has handed out. */
  rotation: integer('rotation').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
