import { boolean, index, integer, numeric, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Fresh goods (catch-weight items) weighed out against what was weighed in: one row per shipped
 * line and stock row. A loss above the tenant's tolerance per day is flagged, with who weighed the
 * goods in and out, so someone is accountable.
 */
export const weightChecks = pgTable(
  'weight_checks',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    warehouseId: uuid('warehouse_id').notNull(),
    orderId: uuid('order_id').notNull(),
    lineNo: integer('line_no').notNull(),
    itemId: uuid('item_id').notNull(),
    lotId: uuid('lot_id'),
    stockId: uuid('stock_id').notNull(),
    quantity: integer('quantity').notNull(),
    /** The weight these units had when weighed in (the row's weight per unit × quantity). */
    weighedInKg: numeric('weighed_in_kg', { precision: 14, scale: 3, mode: 'number' }).notNull(),
    weighedOutKg: numeric('weighed_out_kg', { precision: 14, scale: 3, mode: 'number' }).notNull(),
    /** Days between weighing in (putaway) and weighing out. */
    days: numeric('days', { precision: 10, scale: 3, mode: 'number' }).notNull(),
    /** (in − out) / in. */
    lossRatio: numeric('loss_ratio', { precision: 10, scale: 6, mode: 'number' }).notNull(),
    /** tolerance per day × days, at most 1. */
    allowedRatio: numeric('allowed_ratio', { precision: 10, scale: 6, mode: 'number' }).notNull(),
    overTolerance: boolean('over_tolerance').notNull(),
    weighedInByUserId: uuid('weighed_in_by_user_id'),
    weighedOutByUserId: uuid('weighed_out_by_user_id'),
    weighedInAt: timestamp('weighed_in_at', { withTimezone: true }).notNull(),
    weighedOutAt: timestamp('weighed_out_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('weight_checks_flagged_idx').on(t.tenantId, t.overTolerance, t.weighedOutAt),
    index('weight_checks_order_idx').on(t.tenantId, t.orderId),
  ],
);
