/**
 * The brute-force route oracle the routing tests and bench measure against: the aisle graph built
 * node by node (every aisle/cross-aisle crossing, every pick point, the depot), all shortest paths by
 * Floyd–Warshall, and Held–Karp over the distinct pick locations. It shares no code with the engine.
 */
import type { RouteLayout, RoutePick } from './routing.contract.js';

type Node = { x: number; y: number };

/** Shortest walks between the depot (index 0) and each distinct pick location (1..n), and the picks' location indexes. */
export function oracleDistances(
  layout: RouteLayout,
  picks: RoutePick[],
): { d: number[][]; locationOf: number[] } {
  const blockLength = layout.slotsPerBlock * layout.slotLength + layout.crossAisleDepth;
  const nodes: Node[] = [];
  const at = new Map<string, number>();
  const node = (x: number, y: number): number => {
    const k = `${x}|${y}`;
    let i = at.get(k);
    if (i === undefined) {
      i = nodes.length;
      nodes.push({ x, y });
      at.set(k, i);
    }
    return i;
  };
  const depot = node(layout.depot.x, 0);
  const locationKeys = new Map<string, number>();
  const targets = [depot];
  const locationOf = picks.map((p) => {
    const k = `${p.aisle}:${p.block}:${p.slot}`;
    let loc = locationKeys.get(k);
    if (loc === undefined) {
      loc = targets.length;
      locationKeys.set(k, loc);
      const y = (p.block - 1) * blockLength + layout.crossAisleDepth / 2 + (p.slot - 0.5) * layout.slotLength;
      targets.push(node((p.aisle - 1) * layout.aislePitch, y));
    }
    return loc;
  });
  for (let a = 1; a <= layout.aisles; a++)
    for (let c = 0; c <= layout.blocks; c++) node((a - 1) * layout.aislePitch, c * blockLength);
  const n = nodes.length;
  const d = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 0 : Infinity)),
  );
  linkLines(layout, blockLength, nodes, d);
  for (let k = 0; k < n; k++)
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) if (d[i]![k]! + d[k]![j]! < d[i]![j]!) d[i]![j] = d[i]![k]! + d[k]![j]!;
  return { d: targets.map((i) => targets.map((j) => d[i]![j]!)), locationOf };
}

/** Edges between neighbouring nodes on each aisle and each cross aisle. */
function linkLines(layout: RouteLayout, blockLength: number, nodes: Node[], d: number[][]): void {
  const link = (line: number[], coordinate: (i: number) => number) => {
    const sorted = [...line].sort((p, q) => coordinate(p) - coordinate(q));
    for (let i = 1; i < sorted.length; i++) {
      const [p, q] = [sorted[i - 1]!, sorted[i]!];
      const w = coordinate(q) - coordinate(p);
      d[p]![q] = Math.min(d[p]![q]!, w);
      d[q]![p] = Math.min(d[q]![p]!, w);
    }
  };
  for (let a = 1; a <= layout.aisles; a++) {
    const x = (a - 1) * layout.aislePitch;
    link(
      nodes.flatMap((p, i) => (p.x === x ? [i] : [])),
      (i) => nodes[i]!.y,
    );
  }
  for (let c = 0; c <= layout.blocks; c++) {
    const y = c * blockLength;
    link(
      nodes.flatMap((p, i) => (p.y === y ? [i] : [])),
      (i) => nodes[i]!.x,
    );
  }
}

/** The shortest tour length from the depot through every pick and back (Held–Karp; at most ~12 locations). */
export function oracleLength(layout: RouteLayout, picks: RoutePick[]): number {
  const { d } = oracleDistances(layout, picks);
  const n = d.length - 1;
  if (n === 0) return 0;
  const size = 1 << n;
  const best = Array.from({ length: size }, () => new Array<number>(n).fill(Infinity));
  for (let i = 0; i < n; i++) best[1 << i]![i] = d[0]![i + 1]!;
  for (let mask = 1; mask < size; mask++)
    for (let last = 0; last < n; last++) {
      const here = best[mask]![last]!;
      if (here === Infinity) continue;
      for (let next = 0; next < n; next++) {
        if (mask & (1 << next)) continue;
        const to = mask | (1 << next);
        best[to]![next] = Math.min(best[to]![next]!, here + d[last + 1]![next + 1]!);
      }
    }
  return Math.min(...best[size - 1]!.map((c, i) => c + d[i + 1]![0]!));
}

/** The walked length of a pick sequence over the oracle's shortest paths. */
export function oracleWalk(layout: RouteLayout, picks: RoutePick[], sequence: number[]): number {
  const { d, locationOf } = oracleDistances(layout, picks);
  let total = 0;
  let from = 0;
  for (const i of sequence) {
    total += d[from]![locationOf[i]!]!;
    from = locationOf[i]!;
  }
  return total + d[from]![0]!;
}
