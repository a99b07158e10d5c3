import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Consent records: a person's (CDP person or CRM contact) grant or withdrawal of one purpose, with
 * when and where it was given. Append-only: the newest record per subject and purpose is in force.
 */
export const consents = pgTable(
  'consents',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    /** The person's or the CRM contact's id. */
    subjectId: uuid('subject_id').notNull(),
    /** marketing / analytics. */
    purpose: text('purpose').notNull(),
    /** granted / withdrawn. */
    status: text('status').notNull(),
    /** Where it was given: a form, a call, an import, the API. */
    source: text('source').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    recordedBy: uuid('recorded_by'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('consents_subject_idx').on(t.tenantId, t.subjectId, t.purpose, t.at),
  ],
);
