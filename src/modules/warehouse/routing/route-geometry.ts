/**
 * The aisle-centre distance model (docs/warehouse-routing.md): where a pick is picked from, and the
 * shortest walk between two points along aisle and cross-aisle centre lines.
 */
import type { RouteLayout, RoutePick } from './routing.contract.js';

/** A point of the walk: on aisle `aisle` (1-based) at height `y`, or the depot (`aisle` 0). */
export type WalkPoint = { aisle: number; x: number; y: number };

/** A distinct pick location and the pick indexes that share it (ascending). */
export type PickLocation = WalkPoint & { block: number; slot: number; picks: number[] };

/** The centre line of aisle `aisle`. */
export function aisleX(layout: RouteLayout, aisle: number): number {
  return (aisle - 1) * layout.aislePitch;
}

/** The centre line of cross aisle `c` (0 = front, blocks = back). */
export function crossAisleY(layout: RouteLayout, c: number): number {
  return c * (layout.slotsPerBlock * layout.slotLength + layout.crossAisleDepth);
}

/** Where a pick is picked from. */
export function pickPoint(layout: RouteLayout, pick: RoutePick): WalkPoint {
  const y =
    crossAisleY(layout, pick.block - 1) + layout.crossAisleDepth / 2 + (pick.slot - 0.5) * layout.slotLength;
  return { aisle: pick.aisle, x: aisleX(layout, pick.aisle), y };
}

/** The depot, on the front cross aisle. */
export function depotPoint(layout: RouteLayout): WalkPoint {
  return { aisle: 0, x: layout.depot.x, y: crossAisleY(layout, 0) };
}

/**
 * The shortest walk between two points: along one aisle when both are on it, else up or down to a
 * cross aisle, across, and along the other aisle (every aisle crosses every cross aisle).
 */
export function walkDistance(layout: RouteLayout, p: WalkPoint, q: WalkPoint): number {
  if (p.aisle !== 0 && p.aisle === q.aisle) return Math.abs(p.y - q.y);
  if (p.x === q.x && (p.aisle === 0 || q.aisle === 0)) return Math.abs(p.y - q.y);
  let vertical = Infinity;
  for (let c = 0; c <= layout.blocks; c++) {
    const yc = crossAisleY(layout, c);
    vertical = Math.min(vertical, Math.abs(p.y - yc) + Math.abs(yc - q.y));
  }
  return Math.abs(p.x - q.x) + vertical;
}

/** The distinct locations of the picks, in order of first appearance. */
export function pickLocations(layout: RouteLayout, picks: RoutePick[]): PickLocation[] {
  // a location inside the layout is keyed by one number; anything else by its text
  const blocks = layout.blocks + 1;
  const slots = layout.slotsPerBlock + 1;
  const byKey = new Map<number | string, PickLocation>();
  const locations: PickLocation[] = [];
  for (let i = 0; i < picks.length; i++) {
    const pick = picks[i]!;
    const inside =
      Number.isInteger(pick.aisle) &&
      pick.aisle >= 0 &&
      Number.isInteger(pick.block) &&
      pick.block >= 0 &&
      pick.block < blocks &&
      Number.isInteger(pick.slot) &&
      pick.slot >= 0 &&
      pick.slot < slots;
    const key = inside
      ? (pick.aisle * blocks + pick.block) * slots + pick.slot
      : `${pick.aisle}:${pick.block}:${pick.slot}`;
    const found = byKey.get(key);
    if (found) found.picks.push(i);
    else {
      const point = pickPoint(layout, pick);
      const location: PickLocation = {
        aisle: point.aisle,
        x: point.x,
        y: point.y,
        block: pick.block,
        slot: pick.slot,
        picks: [i],
      };
      byKey.set(key, location);
      locations.push(location);
    }
  }
  return locations;
}

/** The walked length of a route: depot, the points in order, depot. */
export function walkedLength(layout: RouteLayout, points: WalkPoint[]): number {
  const depot = depotPoint(layout);
  let total = 0;
  let at = depot;
  for (const point of points) {
    total += walkDistance(layout, at, point);
    at = point;
  }
  return total + walkDistance(layout, at, depot);
}

/** The walked length of a pick sequence (indexes into `picks`). */
export function sequenceLength(layout: RouteLayout, picks: RoutePick[], sequence: number[]): number {
  return walkedLength(
    layout,
    sequence.map((i) => pickPoint(layout, picks[i]!)),
  );
}
