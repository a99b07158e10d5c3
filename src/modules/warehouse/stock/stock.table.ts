import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Stock per (location, item, lot): derived from the ledger (`stock_moves`) in the same transaction as
 * each move, and rebuildable from it. Rows are kept at zero so reservations can point at them. What
 * is available is `on_hand` minus the active reservations on the row.
 */
export const stock = pgTable(
  'stock',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    warehouseId: uuid('warehouse_id').notNull(),
    locationId: uuid('location_id').notNull(),
    itemId: uuid('item_id').notNull(),
    /** Null for stock of an item that is not kept in lots. */
    lotId: uuid('lot_id'),
    onHand: integer('on_hand').notNull(),
    /** Catch-weight items: the weight on hand in kilograms as last weighed. */
    weightKg: numeric('weight_kg', { precision: 14, scale: 3, mode: 'number' }),
    /** When the first units of this row were put away here (FIFO reads it). */
    putawayAt: timestamp('putaway_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('stock_key').on(t.tenantId, t.locationId, t.itemId, t.lotId).nullsNotDistinct(),
    index('stock_item_idx').on(t.tenantId, t.warehouseId, t.itemId),
  ],
);

/**
 * The stock ledger: immutable moves, never updated or deleted. Physical moves (receipt, putaway,
 * pick, adjustment, shipment) take `quantity` units out of `from_location_id` and/or into
 * `to_location_id`; `quantity` is always positive. Allocation moves change no stock: they record a
 * reservation (`quantity` > 0) or its release (`quantity` < 0) on `from_location_id`.
 */
export const stockMoves = pgTable(
  'stock_moves',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    warehouseId: uuid('warehouse_id').notNull(),
    /** receipt / putaway / allocation / pick / adjustment / shipment. */
    kind: text('kind').notNull(),
    itemId: uuid('item_id').notNull(),
    lotId: uuid('lot_id'),
    fromLocationId: uuid('from_location_id'),
    toLocationId: uuid('to_location_id'),
    quantity: integer('quantity').notNull(),
    /** Catch-weight items: the weight that moved, as weighed. */
    weightKg: numeric('weight_kg', { precision: 14, scale: 3, mode: 'number' }),
    receiptId: uuid('receipt_id'),
    orderId: uuid('order_id'),
    orderLineNo: integer('order_line_no'),
    /** Adjustments: why (cycle count, damage, …); allocation releases: cancel / reallocate / pick. */
    reason: text('reason'),
    note: text('note'),
    actorUserId: uuid('actor_user_id'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('stock_moves_warehouse_idx').on(t.tenantId, t.warehouseId, t.occurredAt),
    index('stock_moves_item_idx').on(t.tenantId, t.itemId, t.occurredAt),
    index('stock_moves_order_idx').on(t.tenantId, t.orderId),
    index('stock_moves_receipt_idx')
      .on(t.tenantId, t.receiptId)
      .where(sql`${t.receiptId} is not null`),
  ],
);

/** Goods received from a supplier (or an import); their lines are the receipt moves. */
export const receipts = pgTable(
  'receipts',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    warehouseId: uuid('warehouse_id').notNull(),
    supplierId: uuid('supplier_id'),
    /** The delivery note or purchase order number. */
    reference: text('reference'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    createdByUserId: uuid('created_by_user_id'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('receipts_supplier_idx').on(t.tenantId, t.supplierId, t.receivedAt),
  ],
);

/**
 * Reservations: the only source of truth for what is allocated. Available stock is on hand minus the
 * active reservations on the stock row.
 */
export const reservations = pgTable(
  'reservations',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    orderId: uuid('order_id').notNull(),
    lineNo: integer('line_no').notNull(),
    stockId: uuid('stock_id').notNull(),
    quantity: integer('quantity').notNull(),
    /** active / released / picked. */
    status: text('status').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('reservations_stock_idx').on(t.tenantId, t.stockId, t.status),
    index('reservations_order_idx').on(t.tenantId, t.orderId),
  ],
);
