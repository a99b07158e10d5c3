import {
  boolean,
  date,
  index,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** Items (SKUs). Catch-weight items (fresh goods) are counted in units and also weighed in and out. */
export const items = pgTable(
  'items',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    sku: text('sku').notNull(),
    name: text('name').notNull(),
    /** The counting unit: 件, 箱, pcs, … */
    unit: text('unit').notNull().default('pcs'),
    /** Nominal weight of one unit in kilograms. */
    weightKg: numeric('weight_kg', { precision: 14, scale: 3, mode: 'number' }),
    barcode: text('barcode'),
    catchWeight: boolean('catch_weight').notNull().default(false),
    /** fifo / fefo / nearest, overriding the warehouse's strategy; null follows the warehouse. */
    allocationStrategy: text('allocation_strategy'),
    /** The usual supplier, for returns. */
    supplierId: uuid('supplier_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('items_sku_key').on(t.tenantId, t.sku),
    index('items_barcode_idx').on(t.tenantId, t.barcode),
  ],
);

/** Production lots (批次) of an item, with production date and expiry. */
export const lots = pgTable(
  'lots',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    itemId: uuid('item_id').notNull(),
    lotNumber: text('lot_number').notNull(),
    productionDate: date('production_date', { mode: 'string' }),
    /** The last day the lot may be used; it is expired from the next day on. */
    expiryDate: date('expiry_date', { mode: 'string' }),
    supplierId: uuid('supplier_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('lots_number_key').on(t.tenantId, t.itemId, t.lotNumber),
  ],
);

/** Suppliers goods are received from and returned to. */
export const suppliers = pgTable(
  'suppliers',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('suppliers_code_key').on(t.tenantId, t.code),
  ],
);
