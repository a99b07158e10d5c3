import {
  bigint,
  date,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  integer,
} from 'drizzle-orm/pg-core';
import type { QuoteLine, QuoteTotals } from './quote.contract.js';

/**
 * Quotes (报价单) of a deal: every sent quote is one version, numbered 1, 2, 3… per deal, with a
 * snapshot of the lines, totals and names as they were when it was made. A version is never changed.
 */
export const dealQuotes = pgTable(
  'deal_quotes',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    dealId: uuid('deal_id').notNull(),
    version: integer('version').notNull(),
    /** zh-CN or en: the language the quote is printed in. */
    language: text('language').notNull(),
    currency: text('currency').notNull(),
    /** The deal's lines as quoted: product name and SKU, quantity, prices, discount, tax, totals. */
    lines: jsonb('lines').$type<QuoteLine[]>().notNull(),
    /** Minor units: before discount, the discount, the tax and what the customer pays. */
    totals: jsonb('totals').$type<QuoteTotals>().notNull(),
    /** Minor units, the total with tax, kept as a column so lists need not read the snapshot. */
    total: bigint('total', { mode: 'number' }).notNull(),
    customerName: text('customer_name').notNull(),
    sellerName: text('seller_name').notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    note: text('note'),
    /** Always `sent`: a quote is kept as it was sent. */
    status: text('status').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('deal_quotes_version_key').on(t.tenantId, t.dealId, t.version),
  ],
);
