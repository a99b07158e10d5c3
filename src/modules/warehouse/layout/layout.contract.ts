/** Warehouses, their pick layout and locations: the public contract of this feature. */
import { z } from 'zod';
import { TimeZoneName } from '../../../platform/time-zone.js';

export const ALLOCATION_STRATEGIES = ['fifo', 'fefo', 'nearest'] as const;
/** fifo: earliest putaway first; fefo: earliest expiry first; nearest: first along the picking path. */
export const AllocationStrategy = z.enum(ALLOCATION_STRATEGIES);
export type AllocationStrategy = z.infer<typeof AllocationStrategy>;

export const ALLOCATION_POLICIES = ['partial', 'backorder'] as const;
/** partial: reserve what the rules allow and report the rest short; backorder: all or nothing. */
export const AllocationPolicy = z.enum(ALLOCATION_POLICIES);
export type AllocationPolicy = z.infer<typeof AllocationPolicy>;

/** The pick layout of the routing contract (aisle-centre model). */
export const Layout = z.object({
  aisles: z.number().int().min(1).max(500),
  blocks: z.number().int().min(1).max(50),
  slotsPerBlock: z.number().int().min(1).max(1000),
  slotLength: z.number().positive().max(100),
  aislePitch: z.number().positive().max(100),
  crossAisleDepth: z.number().min(0).max(100),
  depot: z.object({ x: z.number() }),
});
export type Layout = z.infer<typeof Layout>;

export const DEFAULT_LAYOUT: Layout = {
  aisles: 10,
  blocks: 1,
  slotsPerBlock: 30,
  slotLength: 1,
  aislePitch: 3,
  crossAisleDepth: 2,
  depot: { x: 0 },
};

const code = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'letters, digits, _ . -');

export const Warehouse = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  layout: Layout,
  allocationStrategy: AllocationStrategy,
  allocationPolicy: AllocationPolicy,
  /** The IANA time zone the warehouse works in; its documents and pages show times in it. */
  timeZone: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Warehouse = z.infer<typeof Warehouse>;

export const WarehouseList = z.object({ items: z.array(Warehouse) });
export type WarehouseList = z.infer<typeof WarehouseList>;

/** A new warehouse; it gets a receiving dock `RECV` and a shipping dock `SHIP`. */
export const CreateWarehouseInput = z.object({
  code,
  name: z.string().trim().min(1).max(100),
  layout: Layout.optional(),
  allocationStrategy: AllocationStrategy.optional(),
  allocationPolicy: AllocationPolicy.optional(),
  /** Default `Asia/Shanghai`. */
  timeZone: TimeZoneName.optional(),
});
export type CreateWarehouseInput = z.infer<typeof CreateWarehouseInput>;

export const UpdateWarehouseInput = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  layout: Layout.optional(),
  allocationStrategy: AllocationStrategy.optional(),
  allocationPolicy: AllocationPolicy.optional(),
  timeZone: TimeZoneName.optional(),
});
export type UpdateWarehouseInput = z.infer<typeof UpdateWarehouseInput>;

export const LOCATION_KINDS = ['storage', 'receiving', 'shipping'] as const;
export const LocationKind = z.enum(LOCATION_KINDS);
export type LocationKind = z.infer<typeof LocationKind>;

export const Location = z.object({
  id: z.uuid(),
  warehouseId: z.uuid(),
  code: z.string(),
  zone: z.string().nullable(),
  kind: LocationKind,
  aisle: z.number().int().nullable(),
  block: z.number().int().nullable(),
  slot: z.number().int().nullable(),
  level: z.number().int().nullable(),
  /** Position along the picking path; null for docks. */
  pathRank: z.number().int().nullable(),
  disabled: z.boolean(),
});
export type Location = z.infer<typeof Location>;

export const LocationList = z.object({ items: z.array(Location) });
export type LocationList = z.infer<typeof LocationList>;

/**
 * A storage location. Coordinates may be left out when the code reads `<zone>-<aisle>-<slot>-<level>`
 * (e.g. `A-03-12-2`: zone A, aisle 3, slot 12, level 2, block 1).
 */
export const CreateLocationInput = z.object({
  code,
  zone: z.string().trim().min(1).max(20).optional(),
  kind: LocationKind.optional(),
  aisle: z.number().int().min(1).optional(),
  block: z.number().int().min(1).optional(),
  slot: z.number().int().min(1).optional(),
  level: z.number().int().min(0).max(99).optional(),
});
export type CreateLocationInput = z.infer<typeof CreateLocationInput>;

/** `value` with LIKE's wildcards escaped, for a literal "contains" match. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
