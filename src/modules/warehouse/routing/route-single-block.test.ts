import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pickLocations } from './route-geometry.js';
import { routeSingleBlock } from './route-single-block.js';
import { routeSingleBlockReference } from './route-single-block.reference.test-helper.js';
import type { RouteLayout } from './routing.contract.js';

const instanceArb = fc
  .record({
    aisles: fc.integer({ min: 1, max: 40 }),
    slotsPerBlock: fc.integer({ min: 1, max: 50 }),
    slotLength: fc.constantFrom(0.5, 1, 1.25),
    aislePitch: fc.constantFrom(1, 2.5, 3),
    crossAisleDepth: fc.constantFrom(0, 1, 2),
    depotStep: fc.integer({ min: -2, max: 82 }),
  })
  .chain(({ depotStep, ...rest }) => {
    const layout: RouteLayout = { ...rest, blocks: 1, depot: { x: (depotStep * rest.aislePitch) / 2 } };
    return fc.record({
      layout: fc.constant(layout),
      picks: fc.array(
        fc.record({
          aisle: fc.integer({ min: 1, max: layout.aisles }),
          block: fc.constant(1),
          slot: fc.integer({ min: 1, max: layout.slotsPerBlock }),
        }),
        { minLength: 1, maxLength: 60 },
      ),
    });
  });

describe('routeSingleBlock', () => {
  it('gives exactly the routes of the reference programme: same order, same length, ties included', () => {
    fc.assert(
      fc.property(instanceArb, ({ layout, picks }) => {
        const locations = pickLocations(layout, picks);
        expect(routeSingleBlock(layout, locations)).toEqual(routeSingleBlockReference(layout, locations));
      }),
      { numRuns: 400 },
    );
  });

  it('breaks ties the same way on symmetric instances (picks mirrored about the depot)', () => {
    const layout: RouteLayout = {
      aisles: 9,
      blocks: 1,
      slotsPerBlock: 10,
      slotLength: 1,
      aislePitch: 3,
      crossAisleDepth: 2,
      depot: { x: 12 },
    };
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ offset: fc.integer({ min: 1, max: 4 }), slot: fc.integer({ min: 1, max: 10 }) }),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        (half) => {
          const picks = half.flatMap(({ offset, slot }) => [
            { aisle: 5 - offset, block: 1, slot },
            { aisle: 5 + offset, block: 1, slot },
          ]);
          const locations = pickLocations(layout, picks);
          expect(routeSingleBlock(layout, locations)).toEqual(routeSingleBlockReference(layout, locations));
        },
      ),
      { numRuns: 200 },
    );
  });
});
