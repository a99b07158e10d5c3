import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * The order pool (订单池): outbound orders pushed by upstream systems, deals and consumer orders.
 * Processed urgent first (lowest `priority_rank`), then by push time.
 */
export const outboundOrders = pgTable(
  'outbound_orders',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    /** The ship-from warehouse. */
    warehouseId: uuid('warehouse_id').notNull(),
    /** The upstream system that pushed the order (`api` when none is named). */
    source: text('source').notNull(),
    /** The order's number in that system; unique per source. */
    externalRef: text('external_ref').notNull(),
    /** sales / return_to_supplier / requisition / scrap / transfer. */
    type: text('type').notNull(),
    /** upstream / deal / consumer / manual. */
    origin: text('origin').notNull().default('upstream'),
    /** urgent / high / normal / low. */
    priority: text('priority').notNull(),
    /** 0 urgent … 3 low: the pool's first sort key. */
    priorityRank: smallint('priority_rank').notNull(),
    pushedAt: timestamp('pushed_at', { withTimezone: true }).notNull(),
    /** pending / allocated / partially_allocated / backordered / shipped / cancelled. */
    status: text('status').notNull(),
    carrier: text('carrier'),
    /** province, city, district, address, store, contact, phone. */
    destination: jsonb('destination').$type<Record<string, string>>().notNull(),
    /** Sales: the CRM customer, whose value tier the allocation obeys. */
    customerId: uuid('customer_id'),
    /** return_to_supplier: wrong_goods / defective / expired / over_delivery / other. */
    returnReason: text('return_reason'),
    supplierId: uuid('supplier_id'),
    /** transfer: the receiving warehouse. */
    targetWarehouseId: uuid('target_warehouse_id'),
    /** partial / backorder; null follows the warehouse. */
    allocationPolicy: text('allocation_policy'),
    /** Serve each line from one lot; null follows the customer's rule. */
    singleLotPerLine: boolean('single_lot_per_line'),
    note: text('note'),
    createdByUserId: uuid('created_by_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    shippedAt: timestamp('shipped_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('outbound_orders_external_ref_key').on(t.tenantId, t.source, t.externalRef),
    index('outbound_orders_pool_idx').on(t.tenantId, t.status, t.priorityRank, t.pushedAt, t.id),
    index('outbound_orders_supplier_idx').on(t.tenantId, t.supplierId, t.pushedAt),
  ],
);

/** Lines of an outbound order; what was allocated is the sum of the line's active reservations. */
export const outboundOrderLines = pgTable(
  'outbound_order_lines',
  {
    tenantId: uuid('tenant_id').notNull(),
    orderId: uuid('order_id').notNull(),
    lineNo: integer('line_no').notNull(),
    itemId: uuid('item_id').notNull(),
    quantity: integer('quantity').notNull(),
    /** A lot the line must come from (returns of one lot, a customer's request). */
    lotId: uuid('lot_id'),
    /** Units the last allocation could not serve, and why (a code of `SHORT_REASONS`). */
    shortQuantity: integer('short_quantity').notNull().default(0),
    shortReason: text('short_reason'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.orderId, t.lineNo] })],
);

/** Each allocation of an order, with the rule that chose or rejected every candidate lot. */
export const allocationRuns = pgTable(
  'allocation_runs',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    orderId: uuid('order_id').notNull(),
    /** The result as returned by the API (`AllocationResult`). */
    result: jsonb('result').$type<Record<string, unknown>>().notNull(),
    actorUserId: uuid('actor_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('allocation_runs_order_idx').on(t.tenantId, t.orderId, t.createdAt),
  ],
);

/** Per-customer lot rules of the warehouse (e.g. a hospital takes one lot per line). */
export const customerLotRules = pgTable(
  'customer_lot_rules',
  {
    tenantId: uuid('tenant_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    singleLotPerLine: boolean('single_lot_per_line').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.customerId] })],
);
