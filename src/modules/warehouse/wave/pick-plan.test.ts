import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planWavePicking, type PickSource } from './pick-plan.js';
import { PickingSettings } from './picking.contract.js';

const LAYOUT = {
  aisles: 12,
  blocks: 2,
  slotsPerBlock: 20,
  slotLength: 1,
  aislePitch: 3,
  crossAisleDepth: 2,
  depot: { x: 0 },
};
const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;

/** Orders with 1–4 lines each; aisle 0 stands for a location without coordinates. */
const world = fc.record({
  orders: fc.array(
    fc.array(
      fc.record({
        aisle: fc.integer({ min: 0, max: 12 }),
        block: fc.integer({ min: 1, max: 2 }),
        slot: fc.integer({ min: 1, max: 20 }),
        quantity: fc.integer({ min: 1, max: 30 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    { minLength: 0, maxLength: 25 },
  ),
  method: fc.constantFrom('by_order', 'pick_and_sort', 'batch_pick_then_sort'),
  totes: fc.integer({ min: 1, max: 6 }),
  units: fc.integer({ min: 5, max: 80 }),
});

function sourcesOf(orders: { aisle: number; block: number; slot: number; quantity: number }[][]) {
  let n = 0;
  const orderIds = orders.map((_, o) => uuid(1000 + o));
  const sources: PickSource[] = orders.flatMap((lines, o) =>
    lines.map((line, lineNo) => {
      const id = ++n;
      const placed = line.aisle > 0;
      return {
        reservationId: uuid(id),
        orderId: orderIds[o]!,
        lineNo,
        quantity: line.quantity,
        locationId: uuid(5000 + id),
        locationCode: placed ? `L-${line.aisle}-${line.block}-${line.slot}` : `DOCK-${id}`,
        aisle: placed ? line.aisle : null,
        block: placed ? line.block : null,
        slot: placed ? line.slot : null,
        zone: placed ? (line.aisle <= 6 ? 'A' : 'B') : null,
        itemId: uuid(9000 + id),
        sku: `S${id}`,
        lotNumber: null,
      };
    }),
  );
  return { orderIds, sources };
}

describe('a wave planned into batches and pick tasks', () => {
  it('puts every reserved unit in exactly one batch and one task, split by zone, within the cart', () => {
    fc.assert(
      fc.property(world, ({ orders, method, totes, units }) => {
        const { orderIds, sources } = sourcesOf(orders);
        const settings = PickingSettings.parse({ method, cart: { totes, units } });
        const plan = planWavePicking({ layout: LAYOUT, orderIds, sources, settings });
        const expected = sources.map((s) => `${s.reservationId}:${s.quantity}`).sort();
        const inBatches = plan.batches.flatMap((b) => b.stops.map((s) => `${s.reservationId}:${s.quantity}`));
        const inTasks = plan.tasks.flatMap((t) => t.stops.map((s) => `${s.reservationId}:${s.quantity}`));
        expect(inBatches.sort()).toEqual(expected);
        expect(inTasks.sort()).toEqual(expected);
        const perBatch = method === 'by_order' ? 1 : totes;
        for (const batch of plan.batches) {
          expect(batch.orderIds.length).toBeLessThanOrEqual(perBatch);
          expect(batch.units <= units || batch.oversize).toBe(true);
          if (method === 'batch_pick_then_sort')
            expect(batch.sortPlan!.puts).toHaveLength(batch.stops.length);
        }
        for (const task of plan.tasks) {
          expect(task.stops.every((s) => s.zone === task.zone)).toBe(true);
          expect(task.stops.map((s) => s.seq)).toEqual(task.stops.map((_, i) => i + 1));
          if (task.zone === null) expect(task.routeLength).toBe(0);
        }
        expect(plan.batchedLength).toBeCloseTo(
          plan.batches.reduce((sum, b) => sum + b.length, 0),
          6,
        );
        expect(plan.batchedLength).toBeLessThanOrEqual(plan.singleOrderLength + 1e-6);
        expect(plan.saving).toBe(
          plan.singleOrderLength > 0 ? 1 - plan.batchedLength / plan.singleOrderLength : 0,
        );
      }),
      { numRuns: 60, seed: 18 },
    );
  });

  it('routes waves of more than 2,000 lines by the combined heuristic', () => {
    const orders = Array.from({ length: 700 }, (_, o) =>
      [0, 1, 2].map((k) => ({
        aisle: 1 + ((o + k * 5) % 12),
        block: 1 + (o % 2),
        slot: 1 + ((o * 7 + k) % 20),
        quantity: 1,
      })),
    );
    const { orderIds, sources } = sourcesOf(orders);
    const plan = planWavePicking({ layout: LAYOUT, orderIds, sources, settings: PickingSettings.parse({}) });
    expect(plan.routeMethod).toBe('combined');
    expect(plan.tasks.flatMap((t) => t.stops)).toHaveLength(2100);
    const small = sourcesOf(orders.slice(0, 10));
    expect(
      planWavePicking({ layout: LAYOUT, ...small, settings: PickingSettings.parse({}) }).routeMethod,
    ).toBe('optimal');
  });
});
