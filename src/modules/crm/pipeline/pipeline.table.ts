import {
  boolean,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** Sales pipelines; each tenant gets a default one per customer kind on first use. */
export const pipelines = pgTable(
  'pipelines',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    /** business / consumer / government: the kind whose deals start here by default. */
    customerKind: text('customer_kind').notNull(),
    isDefault: boolean('is_default').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('pipelines_kind_idx').on(t.tenantId, t.customerKind),
  ],
);

/** The stages of a pipeline in order; `won` / `lost` stages are where closed deals stand. */
export const pipelineStages = pgTable(
  'pipeline_stages',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    pipelineId: uuid('pipeline_id').notNull(),
    /** A stable key of the default stages (`reach`, `decision_maker`, …); custom stages get one too. */
    key: text('key').notNull(),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    /** Default win probability, 0..1. */
    probability: doublePrecision('probability').notNull(),
    won: boolean('won').notNull().default(false),
    lost: boolean('lost').notNull().default(false),
    guidance: text('guidance').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('pipeline_stages_key_key').on(t.tenantId, t.pipelineId, t.key),
  ],
);

/** The tenant's list of reasons a deal is lost. */
export const lostReasons = pgTable(
  'lost_reasons',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    label: text('label').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);
