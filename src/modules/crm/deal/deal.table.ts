import {
  bigint,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/** Deals (商机): a customer, a pipeline stage, an outcome and an amount. */
export const deals = pgTable(
  'deals',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    customerId: uuid('customer_id').notNull(),
    name: text('name').notNull(),
    pipelineId: uuid('pipeline_id').notNull(),
    stageId: uuid('stage_id').notNull(),
    /** open / won / lost / invalid. */
    outcome: text('outcome').notNull(),
    /** Minor units: the lines' total, or entered when the deal has no lines. */
    amount: bigint('amount', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    expectedCloseDate: date('expected_close_date', { mode: 'string' }),
    ownerUserId: uuid('owner_user_id'),
    teamId: uuid('team_id'),
    lostReason: text('lost_reason'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    leadId: uuid('lead_id'),
    source: text('source'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('deals_customer_idx').on(t.tenantId, t.customerId),
    index('deals_owner_idx').on(t.tenantId, t.ownerUserId, t.id),
    index('deals_stage_idx').on(t.tenantId, t.stageId, t.id),
  ],
);

/** A deal's lines: product, quantity, unit price, discount and tax, with the totals worked out. */
export const dealLines = pgTable(
  'deal_lines',
  {
    tenantId: uuid('tenant_id').notNull(),
    dealId: uuid('deal_id').notNull(),
    lineNo: integer('line_no').notNull(),
    productId: uuid('product_id').notNull(),
    quantity: doublePrecision('quantity').notNull(),
    unitPrice: bigint('unit_price', { mode: 'number' }).notNull(),
    discountPercent: doublePrecision('discount_percent').notNull(),
    taxRate: doublePrecision('tax_rate').notNull(),
    /** quantity × unit price less the discount, rounded to a minor unit. */
    net: bigint('net', { mode: 'number' }).notNull(),
    tax: bigint('tax', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.dealId, t.lineNo] })],
);

/** Every stage or outcome change of a deal, with who made it and when. */
export const dealStageChanges = pgTable(
  'deal_stage_changes',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    dealId: uuid('deal_id').notNull(),
    fromStageId: uuid('from_stage_id'),
    toStageId: uuid('to_stage_id').notNull(),
    fromOutcome: text('from_outcome'),
    toOutcome: text('to_outcome').notNull(),
    userId: uuid('user_id'),
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('deal_stage_changes_deal_idx').on(t.tenantId, t.dealId, t.at),
  ],
);

/** People on the buying committee of one deal: role, department and stance towards us. */
export const dealParticipants = pgTable(
  'deal_participants',
  {
    tenantId: uuid('tenant_id').notNull(),
    dealId: uuid('deal_id').notNull(),
    personId: uuid('person_id').notNull(),
    roles: jsonb('roles').$type<string[]>().notNull(),
    department: text('department'),
    stance: text('stance'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.dealId, t.personId] })],
);
