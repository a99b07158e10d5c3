import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** A released wave's batches: one cart trip each, its orders, route and (batch-then-sort) sort plan. */
export const waveBatches = pgTable(
  'wave_batches',
  {
    tenantId: uuid('tenant_id').notNull(),
    waveId: uuid('wave_id').notNull(),
    /** 1, 2, 3… per wave. */
    number: integer('number').notNull(),
    orderIds: jsonb('order_ids').$type<string[]>().notNull(),
    units: integer('units').notNull(),
    oversize: boolean('oversize').notNull(),
    length: doublePrecision('length').notNull(),
    optimal: boolean('optimal').notNull(),
    /** open / cancelled. */
    status: text('status').notNull(),
    /** The stops in route order (`PickStop[]`). */
    stops: jsonb('stops').$type<unknown[]>().notNull(),
    sortPlan: jsonb('sort_plan').$type<Record<string, unknown>>(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.waveId, t.number] })],
);

/** Pick tasks: a batch's stops in one zone, routed, for one picker. */
export const pickTasks = pgTable(
  'pick_tasks',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    warehouseId: uuid('warehouse_id').notNull(),
    waveId: uuid('wave_id').notNull(),
    waveNumber: integer('wave_number').notNull(),
    batchNumber: integer('batch_number').notNull(),
    /** 1, 2, 3… per wave. */
    number: integer('number').notNull(),
    /** The zone's code; null for locations without a zone. */
    zone: text('zone'),
    /** open / assigned / in_progress / done / cancelled. */
    status: text('status').notNull(),
    assigneeUserId: uuid('assignee_user_id'),
    urgent: boolean('urgent').notNull(),
    units: integer('units').notNull(),
    routeLength: doublePrecision('route_length').notNull(),
    /** The stops in route order (`PickStop[]`). */
    stops: jsonb('stops').$type<unknown[]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('pick_tasks_number_key').on(t.tenantId, t.waveId, t.number),
    index('pick_tasks_open_idx').on(t.tenantId, t.warehouseId, t.status, t.zone),
    index('pick_tasks_created_idx').on(t.tenantId, t.createdAt, t.id),
  ],
);

/** The zones each picker of a warehouse owns (takes tasks in). */
export const pickerZones = pgTable(
  'picker_zones',
  {
    tenantId: uuid('tenant_id').notNull(),
    warehouseId: uuid('warehouse_id').notNull(),
    userId: uuid('user_id').notNull(),
    zone: text('zone').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.warehouseId, t.userId, t.zone] })],
);
