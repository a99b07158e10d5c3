import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planRoute } from './plan-route.js';
import { sequenceLength } from './route-geometry.js';
import { oracleLength, oracleWalk } from './route-oracle.test-helper.js';
import { ROUTE_METHODS, type RouteLayout, type RoutePick } from './routing.contract.js';

const HEURISTICS = ['s-shape', 'largest-gap', 'combined'] as const;

const layoutArb = (blocks: fc.Arbitrary<number>) =>
  fc
    .record({
      aisles: fc.integer({ min: 1, max: 7 }),
      blocks,
      slotsPerBlock: fc.integer({ min: 1, max: 12 }),
      slotLength: fc.constantFrom(0.5, 1, 1.25),
      aislePitch: fc.constantFrom(1, 2.5, 3),
      crossAisleDepth: fc.constantFrom(0, 1, 2),
      depotStep: fc.integer({ min: -2, max: 16 }),
    })
    .map(({ depotStep, ...rest }): RouteLayout => ({
      ...rest,
      // on an aisle, between two, or beyond either end
      depot: { x: (depotStep * rest.aislePitch) / 2 },
    }));

const instanceArb = (blocks: fc.Arbitrary<number>, maxPicks: number) =>
  layoutArb(blocks).chain((layout) =>
    fc.record({
      layout: fc.constant(layout),
      picks: fc.array(
        fc.record({
          aisle: fc.integer({ min: 1, max: layout.aisles }),
          block: fc.integer({ min: 1, max: layout.blocks }),
          slot: fc.integer({ min: 1, max: layout.slotsPerBlock }),
        }),
        { maxLength: maxPicks },
      ),
    }),
  );

function expectVisitsEveryPickOnce(sequence: number[], picks: RoutePick[]): void {
  expect([...sequence].sort((a, b) => a - b)).toEqual(picks.map((_, i) => i));
}

/**
 * Every method visits every pick once and reports the length it walks; `optimal` is proven and equals
 * the brute-force oracle, every heuristic is no shorter.
 */
function matchesOracle(layout: RouteLayout, picks: RoutePick[]): void {
  const best = oracleLength(layout, picks);
  for (const method of ROUTE_METHODS) {
    const route = planRoute(layout, picks, method);
    expectVisitsEveryPickOnce(route.sequence, picks);
    expect(route.length).toBeCloseTo(oracleWalk(layout, picks, route.sequence), 9);
    if (method === 'optimal') {
      expect(route.optimal).toBe(true);
      expect(Math.abs(route.length - best)).toBeLessThan(1e-9);
    } else expect(route.length).toBeGreaterThanOrEqual(best - 1e-9);
  }
}

describe('planRoute', () => {
  const layout: RouteLayout = {
    aisles: 10,
    blocks: 1,
    slotsPerBlock: 30,
    slotLength: 1,
    aislePitch: 3,
    crossAisleDepth: 2,
    depot: { x: 0 },
  };

  it('walks the contract example: up aisle 3 and back, along the front, up aisle 7 and back', () => {
    const picks = [
      { aisle: 3, block: 1, slot: 12 },
      { aisle: 7, block: 1, slot: 2 },
    ];
    // depot→(6,12.5): 18.5; →(18,2.5) by the front: 12+12.5+2.5=27; →depot: 20.5
    expect(planRoute(layout, picks, 'optimal')).toEqual({
      length: 66,
      optimal: true,
      method: 'optimal',
      sequence: [0, 1],
    });
  });

  it('lists picks sharing a location together and an empty pick list as a zero route', () => {
    const picks = [
      { aisle: 2, block: 1, slot: 5 },
      { aisle: 9, block: 1, slot: 29 },
      { aisle: 2, block: 1, slot: 5 },
    ];
    const route = planRoute(layout, picks, 'optimal');
    const at = route.sequence.indexOf(0);
    expect(route.sequence.indexOf(2)).toBe(at + 1);
    expect(planRoute(layout, [], 's-shape')).toEqual({
      length: 0,
      optimal: false,
      method: 's-shape',
      sequence: [],
    });
    expect(planRoute(layout, [], 'optimal').length).toBe(0);
  });

  it('is exactly optimal on single-block layouts, and every heuristic is no shorter (oracle)', () => {
    fc.assert(
      fc.property(instanceArb(fc.constant(1), 10), ({ layout, picks }) => matchesOracle(layout, picks)),
      { numRuns: 250 },
    );
  });

  it('proves small multi-block routes optimal and keeps heuristics no shorter (oracle)', () => {
    fc.assert(
      fc.property(instanceArb(fc.integer({ min: 2, max: 3 }), 9), ({ layout, picks }) =>
        matchesOracle(layout, picks),
      ),
      { numRuns: 80 },
    );
  });

  it('on large instances, optimal is no longer than any heuristic and its length is its walk', () => {
    fc.assert(
      fc.property(instanceArb(fc.integer({ min: 1, max: 4 }), 40), ({ layout, picks }) => {
        const optimal = planRoute(layout, picks, 'optimal');
        expectVisitsEveryPickOnce(optimal.sequence, picks);
        expect(optimal.length).toBeCloseTo(sequenceLength(layout, picks, optimal.sequence), 9);
        for (const method of HEURISTICS) {
          const route = planRoute(layout, picks, method);
          expectVisitsEveryPickOnce(route.sequence, picks);
          expect(route.length).toBeCloseTo(sequenceLength(layout, picks, route.sequence), 9);
          expect(optimal.length).toBeLessThanOrEqual(route.length + 1e-9);
        }
      }),
      { numRuns: 60 },
    );
  });
});
