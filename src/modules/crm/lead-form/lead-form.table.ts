import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** One field of a requirements form as stored in a version (the contract's `FormField`). */
export type StoredFormField = {
  key: string;
  label: string;
  type: string;
  required: boolean;
  options?: string[];
  help?: string;
};

/** Requirements forms (需求收集表) a tenant configures, one per product or topic; the current version's number. */
export const leadForms = pgTable(
  'lead_forms',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    productId: uuid('product_id'),
    currentVersion: integer('current_version').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('lead_forms_product_idx').on(t.tenantId, t.productId),
  ],
);

/** Every version of a form's fields, kept so that answers given to an old version stay readable. */
export const leadFormVersions = pgTable(
  'lead_form_versions',
  {
    tenantId: uuid('tenant_id').notNull(),
    formId: uuid('form_id').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    fields: jsonb('fields').$type<StoredFormField[]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.formId, t.version] })],
);
