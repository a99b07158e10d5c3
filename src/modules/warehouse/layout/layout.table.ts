import {
  boolean,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * A warehouse the tenant ships from, with its pick layout (the aisle model of
 * `docs/warehouse.md`) and its default allocation strategy and policy.
 */
export const warehouses = pgTable(
  'warehouses',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** The layout JSON of the routing contract: aisles, blocks, slotsPerBlock, slotLength, … */
    layout: jsonb('layout').$type<Record<string, unknown>>().notNull(),
    /** fifo / fefo / nearest: the default for items without their own strategy. */
    allocationStrategy: text('allocation_strategy').notNull().default('fifo'),
    /** partial / backorder: what happens to an order that cannot be served in full. */
    allocationPolicy: text('allocation_policy').notNull().default('partial'),
    /** The IANA time zone the warehouse works in: documents and pages show its times in it. */
    timeZone: text('time_zone').notNull().default('Asia/Shanghai'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('warehouses_code_key').on(t.tenantId, t.code),
  ],
);

/** Zones of a warehouse (e.g. `A` ambient, `C` cold); pickers will own zones. */
export const zones = pgTable(
  'zones',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    warehouseId: uuid('warehouse_id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('zones_code_key').on(t.tenantId, t.warehouseId, t.code),
  ],
);

/**
 * Locations (货位). Storage locations have coordinates in the layout (aisle, block, slot; level is the
 * shelf height and does not change the walk); each warehouse also has a receiving and a shipping
 * dock, which hold stock but are never allocated from.
 */
export const locations = pgTable(
  'locations',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    warehouseId: uuid('warehouse_id').notNull(),
    zoneId: uuid('zone_id'),
    /** e.g. `A-03-12-2`: zone, aisle, slot, level. Unique per warehouse. */
    code: text('code').notNull(),
    /** storage / receiving / shipping. */
    kind: text('kind').notNull().default('storage'),
    aisle: integer('aisle'),
    block: integer('block'),
    slot: integer('slot'),
    level: integer('level'),
    /** Position along the warehouse's picking path (lower is walked first); null for docks. */
    pathRank: integer('path_rank'),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('locations_code_key').on(t.tenantId, t.warehouseId, t.code),
  ],
);
