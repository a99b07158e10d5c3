import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLocationCode } from './location-code.js';
import { coordinateIssue, pathRank, type Coordinates } from './path-rank.js';

const layoutArb = fc.record({
  aisles: fc.integer({ min: 1, max: 8 }),
  blocks: fc.integer({ min: 1, max: 3 }),
  slotsPerBlock: fc.integer({ min: 1, max: 12 }),
});

/** Every coordinate of a layout in S-shape walking order, as the spec describes it. */
function walk(
  layout: { aisles: number; blocks: number; slotsPerBlock: number },
  levels: number[],
): Coordinates[] {
  const order: Coordinates[] = [];
  for (let block = 1; block <= layout.blocks; block++)
    for (let aisle = 1; aisle <= layout.aisles; aisle++) {
      const slots = Array.from({ length: layout.slotsPerBlock }, (_, i) => i + 1);
      for (const slot of aisle % 2 === 1 ? slots : slots.reverse())
        for (const level of levels) order.push({ aisle, block, slot, level });
    }
  return order;
}

describe('pathRank', () => {
  it('ranks every coordinate uniquely, in S-shape order (block, aisle, odd up / even down, level)', () => {
    fc.assert(
      fc.property(
        layoutArb,
        fc.uniqueArray(fc.integer({ min: 0, max: 99 }), { minLength: 1, maxLength: 3 }),
        (layout, levels) => {
          const ranks = walk(
            layout,
            levels.sort((a, b) => a - b),
          ).map((at) => pathRank(layout, at));
          expect(new Set(ranks).size).toBe(ranks.length);
          for (let i = 1; i < ranks.length; i++) expect(ranks[i]).toBeGreaterThan(ranks[i - 1]!);
        },
      ),
    );
  });

  it('walks aisle 1 front to back and aisle 2 back to front', () => {
    const layout = { aisles: 2, blocks: 1, slotsPerBlock: 3 };
    const rank = (aisle: number, slot: number) => pathRank(layout, { aisle, block: 1, slot, level: 0 });
    expect([rank(1, 1), rank(1, 3), rank(2, 3), rank(2, 1)]).toEqual([0, 200, 300, 500]);
  });

  it('names the first coordinate outside the layout', () => {
    const layout = { aisles: 4, blocks: 2, slotsPerBlock: 10 };
    expect(coordinateIssue(layout, { aisle: 5, block: 1, slot: 1, level: 1 })).toMatchObject({
      path: 'aisle',
    });
    expect(coordinateIssue(layout, { aisle: 1, block: 3, slot: 1, level: 1 })).toMatchObject({
      path: 'block',
    });
    expect(coordinateIssue(layout, { aisle: 1, block: 1, slot: 11, level: 1 })).toMatchObject({
      path: 'slot',
    });
    expect(coordinateIssue(layout, { aisle: 4, block: 2, slot: 10, level: 99 })).toBeUndefined();
  });

  it('reads zone, aisle, slot and level out of a code', () => {
    expect(parseLocationCode('A-03-12-2')).toEqual({ zone: 'A', aisle: 3, block: 1, slot: 12, level: 2 });
    expect(parseLocationCode('RECV')).toBeUndefined();
    expect(parseLocationCode('A-03-12')).toBeUndefined();
  });
});
