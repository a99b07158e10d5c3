import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { depotPoint, pickPoint, planRoute, walkDistance } from '../routing/routing.service.js';
import type { RouteLayout } from '../routing/routing.contract.js';
import {
  BatchingInput,
  PICKING_METHODS,
  type BatchOrder,
  type BatchPlan,
  type CheckedBatchingInput,
} from './batching.contract.js';
import { batchOrders } from './batching.service.js';

const layoutArb = fc
  .record({
    aisles: fc.integer({ min: 1, max: 8 }),
    blocks: fc.integer({ min: 1, max: 3 }),
    slotsPerBlock: fc.integer({ min: 1, max: 12 }),
    slotLength: fc.constantFrom(0.5, 1, 1.25),
    aislePitch: fc.constantFrom(1, 2.5, 3),
    crossAisleDepth: fc.constantFrom(0, 1, 2),
    depotStep: fc.integer({ min: -2, max: 16 }),
  })
  .map(({ depotStep, ...rest }): RouteLayout => ({
    ...rest,
    depot: { x: (depotStep * rest.aislePitch) / 2 },
  }));

/** Orders of up to 4 lines: their own optimal routes stay exact on any layout (Held–Karp up to 13 locations). */
const inputArb = layoutArb.chain((layout) =>
  fc
    .record({
      orders: fc.array(
        fc.array(
          fc.record({
            aisle: fc.integer({ min: 1, max: layout.aisles }),
            block: fc.integer({ min: 1, max: layout.blocks }),
            slot: fc.integer({ min: 1, max: layout.slotsPerBlock }),
            units: fc.integer({ min: 1, max: 6 }),
            volume: fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        { maxLength: 24 },
      ),
      totes: fc.integer({ min: 1, max: 6 }),
      units: fc.integer({ min: 1, max: 18 }),
      volume: fc.option(fc.integer({ min: 4, max: 30 }), { nil: undefined }),
      method: fc.constantFrom(...PICKING_METHODS),
      putWallSlots: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
      sortMode: fc.constantFrom('sow' as const, 'pick' as const),
      routeMethod: fc.constantFrom('optimal' as const, 'combined' as const, 's-shape' as const),
      seed: fc.integer({ min: 0, max: 1000 }),
    })
    .map((r): CheckedBatchingInput =>
      BatchingInput.parse({
        layout,
        orders: r.orders.map((lines, i) => ({ id: `o${i}`, lines })),
        capacity: { totes: r.totes, units: r.units, ...(r.volume === undefined ? {} : { volume: r.volume }) },
        method: r.method,
        putWallSlots: r.putWallSlots,
        sortMode: r.sortMode,
        routeMethod: r.routeMethod,
        seed: r.seed,
      }),
    ),
);

/** The walked length of a batch's stops, depot to depot, under the distance model. */
function walked(layout: RouteLayout, stops: { aisle: number; block: number; slot: number }[]): number {
  let at = depotPoint(layout);
  let total = 0;
  for (const stop of stops) {
    const point = pickPoint(layout, stop);
    total += walkDistance(layout, at, point);
    at = point;
  }
  return total + walkDistance(layout, at, depotPoint(layout));
}

const unitsOf = (order: BatchOrder) => order.lines.reduce((s, l) => s + l.units, 0);
const volumeOf = (order: BatchOrder) => order.lines.reduce((s, l) => s + (l.volume ?? 0), 0);

/** Everything a plan must hold, whatever the search found. */
function expectValidPlan(input: CheckedBatchingInput, plan: BatchPlan): void {
  const byId = new Map(input.orders.map((o) => [o.id, o]));
  const maxOrders =
    input.method === 'by_order'
      ? 1
      : input.method === 'batch_pick_then_sort'
        ? (input.putWallSlots ?? input.capacity.totes)
        : input.capacity.totes;
  // every order in exactly one batch, every line in exactly one stop
  const placed = plan.batches.flatMap((b) => b.orders).sort();
  expect(placed).toEqual(input.orders.map((o) => o.id).sort());
  const lines = plan.batches.flatMap((b) => b.stops.map((s) => `${s.order}#${s.line}`)).sort();
  expect(lines).toEqual(input.orders.flatMap((o) => o.lines.map((_, i) => `${o.id}#${i}`)).sort());
  let total = 0;
  for (const batch of plan.batches) {
    const members = batch.orders.map((id) => byId.get(id)!);
    expect(new Set(batch.stops.map((s) => s.order))).toEqual(new Set(batch.orders));
    expect(batch.units).toBe(members.reduce((s, o) => s + unitsOf(o), 0));
    expect(batch.volume).toBeCloseTo(
      members.reduce((s, o) => s + volumeOf(o), 0),
      9,
    );
    if (batch.oversize) {
      expect(batch.orders).toHaveLength(1);
      const over = batch.units > input.capacity.units || batch.volume > (input.capacity.volume ?? Infinity);
      expect(over).toBe(true);
    } else {
      expect(batch.orders.length).toBeLessThanOrEqual(maxOrders);
      expect(batch.units).toBeLessThanOrEqual(input.capacity.units);
      expect(batch.volume).toBeLessThanOrEqual(input.capacity.volume ?? Infinity);
    }
    for (const stop of batch.stops) {
      const line = byId.get(stop.order)!.lines[stop.line]!;
      expect([stop.aisle, stop.block, stop.slot, stop.units]).toEqual([
        line.aisle,
        line.block,
        line.slot,
        line.units,
      ]);
    }
    expect(batch.length).toBeCloseTo(walked(input.layout, batch.stops), 6);
    total += batch.length;
    if (input.method === 'batch_pick_then_sort') {
      const plan = batch.sortPlan!;
      expect(plan.mode).toBe(input.sortMode);
      expect(plan.slots.map((s) => s.wallSlot)).toEqual(batch.orders.map((_, i) => i + 1));
      expect(plan.slots.map((s) => s.order).sort()).toEqual([...batch.orders].sort());
      const slotOf = new Map(plan.slots.map((s) => [s.order, s.wallSlot]));
      expect(plan.puts).toHaveLength(batch.stops.length);
      for (const put of plan.puts) expect(put.wallSlot).toBe(slotOf.get(put.order));
    } else expect(batch.sortPlan).toBeUndefined();
  }
  expect(plan.length).toBeCloseTo(total, 6);
  expect(plan.length).toBeLessThanOrEqual(plan.singleOrderLength + 1e-6);
}

describe('planBatches', () => {
  it('never exceeds a capacity, places every order and line once, reports the lengths it walks', () => {
    fc.assert(
      fc.property(inputArb, (input) => expectValidPlan(input, batchOrders(input))),
      { numRuns: 200 },
    );
  });

  it('measures the baseline as each order picked alone by the exact route', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const alone = input.orders.reduce(
          (s, o) => s + planRoute(input.layout, o.lines, 'optimal').length,
          0,
        );
        const plan = batchOrders({ ...input, routeMethod: 'optimal' });
        expect(plan.singleOrderLength).toBeCloseTo(alone, 6);
      }),
      { numRuns: 100 },
    );
  });

  it('is the same plan for the same input and seed', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        expect(batchOrders(input)).toEqual(batchOrders(structuredClone(input)));
      }),
      { numRuns: 60 },
    );
  });

  it('walks identical orders once per cart: the total is one route per full cart', () => {
    fc.assert(
      fc.property(
        layoutArb,
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 8 }),
        (layout, n, totes) => {
          const line = { aisle: layout.aisles, block: layout.blocks, slot: layout.slotsPerBlock, units: 1 };
          const input = BatchingInput.parse({
            layout,
            orders: Array.from({ length: n }, (_, i) => ({ id: `o${i}`, lines: [line] })),
            capacity: { totes, units: 100 },
          });
          const plan = batchOrders(input);
          expectValidPlan(input, plan);
          const one = planRoute(layout, [line], 'optimal').length;
          expect(plan.batches).toHaveLength(Math.ceil(n / totes));
          expect(plan.length).toBeCloseTo(Math.ceil(n / totes) * one, 6);
          expect(plan.singleOrderLength).toBeCloseTo(n * one, 6);
          if (n > 1 && totes > 1) expect(plan.length).toBeLessThan(plan.singleOrderLength);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('puts an order larger than the cart in a batch of its own, flagged', () => {
    const layout: RouteLayout = {
      aisles: 4,
      blocks: 1,
      slotsPerBlock: 10,
      slotLength: 1,
      aislePitch: 3,
      crossAisleDepth: 2,
      depot: { x: 0 },
    };
    const input = BatchingInput.parse({
      layout,
      orders: [
        { id: 'big', lines: [{ aisle: 2, slot: 3, units: 50 }] },
        { id: 'bulky', lines: [{ aisle: 2, slot: 4, units: 1, volume: 90 }] },
        { id: 'a', lines: [{ aisle: 2, slot: 5, units: 2 }] },
        { id: 'b', lines: [{ aisle: 2, slot: 6, units: 2 }] },
      ],
      capacity: { totes: 8, units: 10, volume: 60 },
      method: 'batch_pick_then_sort',
    });
    const plan = batchOrders(input);
    expectValidPlan(input, plan);
    expect(plan.batches.map((b) => [b.orders, b.oversize])).toEqual([
      [['a', 'b'], false],
      [['big'], true],
      [['bulky'], true],
    ]);
    expect(plan.batches[0]!.sortPlan).toEqual({
      mode: 'sow',
      slots: [
        { wallSlot: 1, order: 'a' },
        { wallSlot: 2, order: 'b' },
      ],
      puts: [
        { wallSlot: 1, order: 'a', line: 0, units: 2 },
        { wallSlot: 2, order: 'b', line: 0, units: 2 },
      ],
    });
  });

  it('stops the search at its time budget with a valid plan (fake clock)', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        let t = 0;
        const plan = batchOrders({ ...input, searchBudgetMs: 5 }, { now: () => (t += 1) });
        expectValidPlan(input, plan);
      }),
      { numRuns: 50 },
    );
  });
});
