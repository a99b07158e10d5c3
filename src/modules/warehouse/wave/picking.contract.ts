/**
 * Picking of released waves: the warehouse's picking settings, a wave's batches (cart trips) and its
 * pick tasks (a batch's share in one zone, for one picker), and which zones each picker owns.
 */
import { z } from 'zod';
import { PickingMethod, SortMode } from '../batching/batching.contract.js';

/** A rule's own picking method (and put-wall sort mode); unset: the warehouse's. */
export const RulePicking = z.object({
  method: PickingMethod.optional(),
  sortMode: SortMode.optional(),
});
export type RulePicking = z.infer<typeof RulePicking>;

/** The warehouse's picking settings: the default method, the cart and the put wall. */
export const PickingSettings = z.object({
  method: PickingMethod.default('pick_and_sort'),
  sortMode: SortMode.default('sow'),
  cart: z
    .object({
      totes: z.number().int().min(1).max(1000).default(12),
      units: z.number().int().min(1).max(1_000_000).default(200),
    })
    .default({ totes: 12, units: 200 }),
  /** batch_pick_then_sort: orders per batch (one put-wall slot each); unset: the cart's totes. */
  putWallSlots: z.number().int().min(1).max(1000).optional(),
});
export type PickingSettings = z.infer<typeof PickingSettings>;
export const DEFAULT_PICKING: PickingSettings = PickingSettings.parse({});

/** Waves up to this many pick lines get exact (`optimal`) batch routes; larger ones `combined`. */
export const OPTIMAL_ROUTE_MAX_LINES = 2000;

/** What a wave's batching came to (null for waves released before batching existed). */
export const WavePicking = z.object({
  method: PickingMethod,
  sortMode: SortMode,
  routeMethod: z.string(),
  batches: z.number().int(),
  tasks: z.number().int(),
  /** Metres walked by the batches. */
  batchedLength: z.number(),
  /** Metres walked picking each order alone. */
  singleOrderLength: z.number(),
  /** 1 − batchedLength / singleOrderLength (0 when nothing is walked). */
  saving: z.number(),
});
export type WavePicking = z.infer<typeof WavePicking>;

export const PICK_TASK_STATUSES = ['open', 'assigned', 'in_progress', 'done', 'cancelled'] as const;
export const PickTaskStatus = z.enum(PICK_TASK_STATUSES);
export type PickTaskStatus = z.infer<typeof PickTaskStatus>;

/** One stop of a batch or task: what is picked where, for which order. */
export const PickStop = z.object({
  /** 1, 2, 3… in route order. */
  seq: z.number().int(),
  locationId: z.uuid(),
  locationCode: z.string(),
  /** Null for a location without coordinates (visited after the routed stops). */
  aisle: z.number().int().nullable(),
  block: z.number().int().nullable(),
  slot: z.number().int().nullable(),
  zone: z.string().nullable(),
  itemId: z.uuid(),
  sku: z.string(),
  lotNumber: z.string().nullable(),
  quantity: z.number().int(),
  orderId: z.uuid(),
  reservationId: z.uuid(),
});
export type PickStop = z.infer<typeof PickStop>;

export const SortPlanOut = z.object({
  mode: SortMode,
  slots: z.array(z.object({ wallSlot: z.number().int(), orderId: z.string() })),
  puts: z.array(
    z.object({ wallSlot: z.number().int(), orderId: z.string(), reservationId: z.uuid(), units: z.number() }),
  ),
});
export type SortPlanOut = z.infer<typeof SortPlanOut>;

export const WaveBatch = z.object({
  number: z.number().int(),
  orderIds: z.array(z.uuid()),
  units: z.number().int(),
  /** A single order larger than the cart: its own batch. */
  oversize: z.boolean(),
  length: z.number(),
  optimal: z.boolean(),
  status: z.enum(['open', 'cancelled']),
  stops: z.array(PickStop),
  sortPlan: SortPlanOut.nullable(),
});
export type WaveBatch = z.infer<typeof WaveBatch>;

export const PickTask = z.object({
  id: z.uuid(),
  warehouseId: z.uuid(),
  waveId: z.uuid(),
  waveNumber: z.number().int(),
  batchNumber: z.number().int(),
  /** 1, 2, 3… per wave. */
  number: z.number().int(),
  /** The zone's code; null for stops in locations without a zone. */
  zone: z.string().nullable(),
  status: PickTaskStatus,
  assigneeUserId: z.uuid().nullable(),
  /** The wave has an urgent order (pulled first). */
  urgent: z.boolean(),
  units: z.number().int(),
  stopCount: z.number().int(),
  routeLength: z.number(),
  createdAt: z.iso.datetime(),
  assignedAt: z.iso.datetime().nullable(),
});
export type PickTask = z.infer<typeof PickTask>;

export const PickTaskDetail = PickTask.extend({ stops: z.array(PickStop) });
export type PickTaskDetail = z.infer<typeof PickTaskDetail>;

export const PickTaskQuery = z.object({
  warehouseId: z.uuid().optional(),
  waveId: z.uuid().optional(),
  zone: z.string().trim().min(1).max(32).optional(),
  status: PickTaskStatus.optional(),
  assignee: z.uuid().optional(),
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type PickTaskQuery = z.infer<typeof PickTaskQuery>;

/** Oldest first (a release's tasks in number order). */
export const PickTaskPage = z.object({ items: z.array(PickTask), nextCursor: z.string().nullable() });
export type PickTaskPage = z.infer<typeof PickTaskPage>;

export const AssignPickTaskInput = z.object({ userId: z.uuid() });
export const PullPickTaskInput = z.object({ warehouseId: z.uuid() });
export const PullPickTaskResult = z.object({ task: PickTaskDetail.nullable() });
export type PullPickTaskResult = z.infer<typeof PullPickTaskResult>;

const zoneCode = z.string().trim().min(1).max(32);
export const PickerZonesInput = z
  .object({
    assignments: z.array(z.object({ userId: z.uuid(), zones: z.array(zoneCode).max(200) })).max(1000),
  })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.assignments.forEach((entry, index) => {
      if (seen.has(entry.userId))
        ctx.addIssue({
          code: 'custom',
          path: ['assignments', index, 'userId'],
          message: 'each user is listed once',
        });
      seen.add(entry.userId);
    });
  });
export type PickerZonesInput = z.infer<typeof PickerZonesInput>;

export const PickerZones = z.object({
  warehouseId: z.uuid(),
  assignments: z.array(z.object({ userId: z.uuid(), zones: z.array(z.string()) })),
});
export type PickerZones = z.infer<typeof PickerZones>;

export const PICKING_ERRORS = {
  taskNotFound: 'warehouse.pick_task.not_found',
  notAssignable: 'warehouse.pick_task.not_assignable',
  notZonePicker: 'warehouse.pick_task.not_zone_picker',
  notPicker: 'warehouse.pick_task.not_picker',
  badCursor: 'warehouse.pick_task.bad_cursor',
  unknownZone: 'warehouse.picker_zones.unknown_zone',
  unknownUser: 'warehouse.picker_zones.unknown_user',
} as const;
