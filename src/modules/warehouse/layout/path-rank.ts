/**
 * Where a storage location lies along the S-shape picking path, as one integer: nearest-first
 * allocation sorts by it, so the order is fixed here and nowhere else.
 */
import type { Layout } from './layout.contract.js';

/** Shelf levels a slot may have (0..99); the level is the last, finest part of the rank. */
export const LEVELS = 100;

/** A location's place in the layout: aisle 1..aisles, block 1..blocks, slot 1..slotsPerBlock, level 0..99. */
export type Coordinates = { aisle: number; block: number; slot: number; level: number };

/** The layout fields the rank depends on. */
export type RankLayout = Pick<Layout, 'aisles' | 'blocks' | 'slotsPerBlock'>;

/**
 * The position along the picking path: block by block from the front; within a block aisles
 * ascending, odd aisles walked front→back (slot ascending) and even aisles back→front (slot
 * descending); the level last. Coordinates must lie in the layout (see `coordinateIssue`).
 * @example pathRank({ aisles: 2, blocks: 1, slotsPerBlock: 3 }, { aisle: 2, block: 1, slot: 3, level: 0 }) // 300
 */
export function pathRank(layout: RankLayout, at: Coordinates): number {
  const slotIndex = at.aisle % 2 === 1 ? at.slot - 1 : layout.slotsPerBlock - at.slot;
  const position = ((at.block - 1) * layout.aisles + (at.aisle - 1)) * layout.slotsPerBlock + slotIndex;
  return position * LEVELS + at.level;
}

/** The largest rank a layout produces; it must fit the `integer` column. */
export function maxPathRank(layout: RankLayout): number {
  return layout.blocks * layout.aisles * layout.slotsPerBlock * LEVELS - 1;
}

/** The first coordinate outside the layout, with a message, or undefined when all fit. */
export function coordinateIssue(
  layout: RankLayout,
  at: Coordinates,
): { path: keyof Coordinates; message: string } | undefined {
  if (at.aisle < 1 || at.aisle > layout.aisles)
    return { path: 'aisle', message: `aisle ${at.aisle} is outside 1..${layout.aisles}` };
  if (at.block < 1 || at.block > layout.blocks)
    return { path: 'block', message: `block ${at.block} is outside 1..${layout.blocks}` };
  if (at.slot < 1 || at.slot > layout.slotsPerBlock)
    return { path: 'slot', message: `slot ${at.slot} is outside 1..${layout.slotsPerBlock}` };
  if (at.level < 0 || at.level >= LEVELS)
    return { path: 'level', message: `level ${at.level} is outside 0..${LEVELS - 1}` };
  return undefined;
}
