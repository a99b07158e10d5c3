/**
 * From a wave's reserved units to its batches and pick tasks, with no database: the orders' lines at
 * routable locations go to the batching engine; each batch is then split by zone into tasks, each
 * routed on its own. Locations without coordinates (docks, or a location outside the layout) cannot
 * be routed: their stops come after the routed ones, by location code, and add no length.
 */
import type { PickingMethod, SortMode, SortPlan } from '../batching/batching.contract.js';
import { batchOrders, parseBatchingInput } from '../batching/batching.service.js';
import { RouteLayout, type RouteMethod } from '../routing/routing.contract.js';
import { numbered } from './pick-stop.js';
import { planRoute } from '../routing/routing.service.js';
import {
  OPTIMAL_ROUTE_MAX_LINES,
  type PickingSettings,
  type PickStop,
  type SortPlanOut,
} from './picking.contract.js';

/** One reserved quantity of an order at a location (as `pick-source.repository.ts` reads it). */
export type PickSource = Omit<PickStop, 'seq'> & { lineNo: number };

export type PlannedBatch = {
  number: number;
  orderIds: string[];
  units: number;
  oversize: boolean;
  length: number;
  optimal: boolean;
  stops: PickStop[];
  sortPlan: SortPlanOut | null;
};

export type PlannedTask = {
  batchNumber: number;
  number: number;
  zone: string | null;
  units: number;
  routeLength: number;
  stops: PickStop[];
};

export type PickPlan = {
  method: PickingMethod;
  sortMode: SortMode;
  routeMethod: RouteMethod;
  batches: PlannedBatch[];
  tasks: PlannedTask[];
  batchedLength: number;
  singleOrderLength: number;
  saving: number;
};

export type PickPlanInput = {
  /** The warehouse's layout JSON; a layout the route engine cannot read routes nothing. */
  layout: unknown;
  /** The wave's orders in pick order. */
  orderIds: string[];
  sources: PickSource[];
  settings: PickingSettings;
};

const unitsOf = (sources: { quantity: number }[]) => sources.reduce((sum, s) => sum + s.quantity, 0);

const byCode = (a: PickSource, b: PickSource) =>
  Number(a.locationCode > b.locationCode) - Number(a.locationCode < b.locationCode);
const within = (n: number | null, max: number) => n !== null && n >= 1 && n <= max;

type Split = {
  layout: RouteLayout | undefined;
  routable: (s: Pick<PickSource, 'aisle' | 'block' | 'slot'>) => boolean;
  /** Per order, its sources at routable locations, and the others by location code. */
  routed: Map<string, PickSource[]>;
  unrouted: Map<string, PickSource[]>;
};

function splitSources(input: PickPlanInput): Split {
  const parsed = RouteLayout.safeParse(input.layout);
  const layout = parsed.success ? parsed.data : undefined;
  const routable = (s: Pick<PickSource, 'aisle' | 'block' | 'slot'>) =>
    !!layout &&
    within(s.aisle, layout.aisles) &&
    within(s.block ?? 1, layout.blocks) &&
    within(s.slot, layout.slotsPerBlock);
  const routed = new Map<string, PickSource[]>();
  const unrouted = new Map<string, PickSource[]>();
  for (const id of input.orderIds) {
    routed.set(id, []);
    unrouted.set(id, []);
  }
  for (const source of input.sources)
    (routable(source) ? routed : unrouted).get(source.orderId)?.push(source);
  for (const list of unrouted.values()) list.sort(byCode);
  return { layout, routable, routed, unrouted };
}

/** The batches and tasks of one wave. */
export function planWavePicking(input: PickPlanInput): PickPlan {
  const { settings } = input;
  const split = splitSources(input);
  const batchable = input.orderIds.filter((id) => split.routed.get(id)!.length > 0);
  const lineCount = batchable.reduce((sum, id) => sum + split.routed.get(id)!.length, 0);
  const routeMethod: RouteMethod = lineCount <= OPTIMAL_ROUTE_MAX_LINES ? 'optimal' : 'combined';
  const batches: PlannedBatch[] = [];
  let batchedLength = 0;
  let singleOrderLength = 0;
  if (split.layout && batchable.length > 0) {
    const routed = routedBatches(split, split.layout, batchable, settings, routeMethod);
    batches.push(...routed.batches);
    batchedLength = routed.length;
    singleOrderLength = routed.singleOrderLength;
  }
  const rest = input.orderIds.filter((id) => !(split.layout && split.routed.get(id)!.length > 0));
  batches.push(...unroutedBatches(split, rest, settings, batches.length));
  return {
    method: settings.method,
    sortMode: settings.sortMode,
    routeMethod,
    batches,
    tasks: zoneTasks(split, batches, routeMethod),
    batchedLength,
    singleOrderLength,
    saving: singleOrderLength > 0 ? 1 - batchedLength / singleOrderLength : 0,
  };
}

/**
 * The batching engine's batches of the orders with routable units; their other units come last (and
 * ride on the order's first line, so the cart's units count them too).
 */
function routedBatches(
  split: Split,
  layout: RouteLayout,
  orderIds: string[],
  settings: PickingSettings,
  routeMethod: RouteMethod,
): { batches: PlannedBatch[]; length: number; singleOrderLength: number } {
  const { routed, unrouted } = split;
  const plan = batchOrders(
    parseBatchingInput({
      layout,
      orders: orderIds.map((id) => ({
        id,
        lines: routed.get(id)!.map((s, i) => ({
          aisle: s.aisle,
          block: s.block ?? 1,
          slot: s.slot,
          units: s.quantity + (i === 0 ? unitsOf(unrouted.get(id)!) : 0),
        })),
      })),
      capacity: { totes: settings.cart.totes, units: settings.cart.units },
      method: settings.method,
      ...(settings.putWallSlots ? { putWallSlots: settings.putWallSlots } : {}),
      sortMode: settings.sortMode,
      routeMethod,
    }),
  );
  const batches = plan.batches.map((batch, index): PlannedBatch => {
    const sources = [
      ...batch.stops.map((stop) => routed.get(stop.order)![stop.line]!),
      ...batch.orders.flatMap((id) => unrouted.get(id)!),
    ];
    const sortPlan = batch.sortPlan ? toSortPlan(split, batch.sortPlan, batch.orders) : null;
    return {
      number: index + 1,
      orderIds: batch.orders,
      units: unitsOf(sources),
      oversize: batch.oversize,
      length: batch.length,
      optimal: batch.optimal,
      stops: numbered(sources),
      sortPlan,
    };
  });
  return { batches, length: plan.length, singleOrderLength: plan.singleOrderLength };
}

/** The engine's put-wall plan by reservation; the orders' unrouted units go to their slots last. */
function toSortPlan(split: Split, plan: SortPlan, orders: string[]): SortPlanOut {
  const slotOf = new Map(plan.slots.map((slot) => [slot.order, slot.wallSlot]));
  return {
    mode: plan.mode,
    slots: plan.slots.map((slot) => ({ wallSlot: slot.wallSlot, orderId: slot.order })),
    puts: [
      ...plan.puts.map((put) => ({
        wallSlot: put.wallSlot,
        orderId: put.order,
        reservationId: split.routed.get(put.order)![put.line]!.reservationId,
        units: split.routed.get(put.order)![put.line]!.quantity,
      })),
      ...orders.flatMap((id) =>
        split.unrouted.get(id)!.map((s) => ({
          wallSlot: slotOf.get(id)!,
          orderId: id,
          reservationId: s.reservationId,
          units: s.quantity,
        })),
      ),
    ],
  };
}

/** Orders with no routable unit, packed in pick order under the method's orders and the cart's units. */
function unroutedBatches(
  split: Split,
  orderIds: string[],
  settings: PickingSettings,
  before: number,
): PlannedBatch[] {
  const perBatch =
    settings.method === 'by_order'
      ? 1
      : settings.method === 'batch_pick_then_sort'
        ? (settings.putWallSlots ?? settings.cart.totes)
        : settings.cart.totes;
  const groups: string[][] = [];
  let group: string[] = [];
  let groupUnits = 0;
  for (const id of orderIds) {
    const units = unitsOf(split.unrouted.get(id)!);
    if (units === 0) continue;
    if (group.length >= perBatch || (group.length > 0 && groupUnits + units > settings.cart.units)) {
      groups.push(group);
      group = [];
      groupUnits = 0;
    }
    group.push(id);
    groupUnits += units;
  }
  if (group.length > 0) groups.push(group);
  return groups.map((orders, index) => {
    const sources = orders.flatMap((id) => split.unrouted.get(id)!);
    const units = unitsOf(sources);
    return {
      number: before + index + 1,
      orderIds: orders,
      units,
      oversize: units > settings.cart.units,
      length: 0,
      optimal: true,
      stops: numbered(sources),
      sortPlan:
        settings.method === 'batch_pick_then_sort'
          ? {
              mode: settings.sortMode,
              slots: orders.map((orderId, i) => ({ wallSlot: i + 1, orderId })),
              puts: sources.map((s) => ({
                wallSlot: orders.indexOf(s.orderId) + 1,
                orderId: s.orderId,
                reservationId: s.reservationId,
                units: s.quantity,
              })),
            }
          : null,
    };
  });
}

/** Each batch split by zone (zones in the order the batch's route reaches them), each part routed alone. */
function zoneTasks(split: Split, batches: PlannedBatch[], routeMethod: RouteMethod): PlannedTask[] {
  const tasks: PlannedTask[] = [];
  for (const batch of batches) {
    const zones: (string | null)[] = [];
    for (const stop of batch.stops) if (!zones.includes(stop.zone)) zones.push(stop.zone);
    for (const zone of zones) {
      const stops = batch.stops.filter((stop) => stop.zone === zone);
      const onRoute = stops.filter((stop) => split.routable(stop));
      const offRoute = stops.filter((stop) => !split.routable(stop));
      let routeLength = 0;
      let ordered = onRoute;
      if (split.layout && onRoute.length > 0) {
        const route = planRoute(
          split.layout,
          onRoute.map((stop) => ({ aisle: stop.aisle!, block: stop.block ?? 1, slot: stop.slot! })),
          routeMethod,
        );
        routeLength = route.length;
        ordered = route.sequence.map((i) => onRoute[i]!);
      }
      tasks.push({
        batchNumber: batch.number,
        number: tasks.length + 1,
        zone,
        units: unitsOf(stops),
        routeLength,
        stops: numbered([...ordered, ...offRoute]),
      });
    }
  }
  return tasks;
}
