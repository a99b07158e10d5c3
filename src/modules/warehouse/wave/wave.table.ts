import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** A warehouse's wave strategy: its release rules in order (`WaveRule[]`). Releases lock this row. */
export const waveStrategies = pgTable(
  'wave_strategies',
  {
    tenantId: uuid('tenant_id').notNull(),
    warehouseId: uuid('warehouse_id').notNull(),
    rules: jsonb('rules').$type<unknown[]>().notNull(),
    releasePartiallyAllocated: boolean('release_partially_allocated').notNull().default(false),
    /** Picking settings (`PickingSettings`); null: the defaults. */
    picking: jsonb('picking').$type<Record<string, unknown>>(),
    updatedByUserId: uuid('updated_by_user_id'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.warehouseId] })],
);

/** Released waves (波次): released → picking → done, or cancelled before picking starts. */
export const waves = pgTable(
  'waves',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    warehouseId: uuid('warehouse_id').notNull(),
    /** 1, 2, 3… per warehouse. */
    number: integer('number').notNull(),
    /** The rule that took the orders, as it was at release. */
    rule: jsonb('rule').$type<Record<string, unknown>>().notNull(),
    status: text('status').notNull(),
    orderCount: integer('order_count').notNull(),
    lineCount: integer('line_count').notNull(),
    unitCount: integer('unit_count').notNull(),
    weightKg: numeric('weight_kg', { precision: 14, scale: 3, mode: 'number' }),
    /** How the wave was batched (`WavePicking` without the lengths); null before batching existed. */
    picking: jsonb('picking').$type<Record<string, unknown>>(),
    /** Metres walked by the wave's batches, by its orders picked one by one, and 1 − their ratio. */
    batchedLength: doublePrecision('batched_length'),
    singleOrderLength: doublePrecision('single_order_length'),
    saving: doublePrecision('saving'),
    releasedByUserId: uuid('released_by_user_id'),
    releasedAt: timestamp('released_at', { withTimezone: true }).notNull(),
    cancelledByUserId: uuid('cancelled_by_user_id'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('waves_number_key').on(t.tenantId, t.warehouseId, t.number),
    index('waves_released_idx').on(t.tenantId, t.releasedAt, t.id),
  ],
);

/**
 * The orders of a wave in pick order. `active` until the wave is cancelled; an order is in one active
 * wave at most (the partial unique index), so two releases can never share an order.
 */
export const waveOrders = pgTable(
  'wave_orders',
  {
    tenantId: uuid('tenant_id').notNull(),
    waveId: uuid('wave_id').notNull(),
    orderId: uuid('order_id').notNull(),
    position: integer('position').notNull(),
    /** The order's reference, priority and push time at release (the wave page lists them). */
    externalRef: text('external_ref').notNull(),
    priority: text('priority').notNull(),
    pushedAt: timestamp('pushed_at', { withTimezone: true }).notNull(),
    active: boolean('active').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.waveId, t.orderId] }),
    uniqueIndex('wave_orders_active_order_key')
      .on(t.tenantId, t.orderId)
      .where(sql`active`),
  ],
);
