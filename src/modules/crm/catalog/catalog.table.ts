import {
  bigint,
  boolean,
  doublePrecision,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * The sales catalogue: what deals sell. A stocked product names a warehouse item by its SKU (the item
 * itself stays in the warehouse); a service has no SKU.
 */
export const products = pgTable(
  'products',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    /** stocked / service. */
    kind: text('kind').notNull(),
    sku: text('sku'),
    /** List price in minor units, or null when every deal line names its price. */
    priceAmount: bigint('price_amount', { mode: 'number' }),
    currency: text('currency').notNull(),
    /** Default tax rate of a line, 0..1. */
    taxRate: doublePrecision('tax_rate').notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('products_sku_idx').on(t.tenantId, t.sku)],
);

/**
 * Prices per customer kind and value tier (`value_tier` '' = any tier of that kind), in minor units.
 * A deal line takes the most specific price of its customer unless it names its own.
 */
export const productPrices = pgTable(
  'product_prices',
  {
    tenantId: uuid('tenant_id').notNull(),
    productId: uuid('product_id').notNull(),
    customerKind: text('customer_kind').notNull(),
    valueTier: text('value_tier').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.productId, t.customerKind, t.valueTier] })],
);
