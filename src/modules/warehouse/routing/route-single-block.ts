/**
 * Exact routes. Single block: the Ratliff–Rosenthal dynamic programme over the vertical lines
 * (aisles, and the depot when it lies between aisles), generalised so each transition is computed
 * from the degrees and components it creates; the chosen edges are walked as an Euler tour from the
 * depot to give the visiting order.
 *
 * The programme runs on small integers: a state (front degree, back degree, components) is one of 36
 * codes, every transition is looked up in tables built once from the rules below, and the layers live
 * in typed arrays reused from call to call, so a route costs no allocation per state or step.
 */
import { eulerOrder } from './euler-order.js';
import { SINGLE_BLOCK } from './route-single-block-states.js';
import { aisleX, crossAisleY, type PickLocation } from './route-geometry.js';
import type { RouteLayout } from './routing.contract.js';

// read once into module constants: the hot loops below touch no other module's bindings
const { STATES, START, VERTICAL, HORIZONTALS, FINISHED, segmentsOf } = SINGLE_BLOCK;
const { MOVE_START, MOVE_CHOICE, MOVE_TO, MOVE_EDGES } = SINGLE_BLOCK;
const { ZERO, THROUGH1, THROUGH2, TOP, BOTTOM, GAP } = SINGLE_BLOCK.kinds;

type Line = {
  x: number;
  /** Location indexes on the line, front to back. */
  stops: number[];
  /** Heights of the stops above the front cross aisle. */
  heights: number[];
  depot: boolean;
  aisle: boolean;
};

/** Builds the vertical lines between the leftmost and rightmost place the tour must reach. */
function buildLines(layout: RouteLayout, locations: PickLocation[]): Line[] {
  const depotX = layout.depot.x;
  let minAisle = Infinity;
  let maxAisle = -Infinity;
  for (const loc of locations) {
    minAisle = Math.min(minAisle, loc.aisle);
    maxAisle = Math.max(maxAisle, loc.aisle);
  }
  const lines: Line[] = [];
  // lineOf[a]: the line of aisle a
  const lineOf: (Line | undefined)[] = [];
  for (let a = 1; a <= layout.aisles; a++) {
    const x = aisleX(layout, a);
    const inside = (a >= minAisle || x >= depotX) && (a <= maxAisle || x <= depotX);
    if (inside) {
      const line = { x, stops: [], heights: [], depot: x === depotX, aisle: true };
      lines.push(line);
      lineOf[a] = line;
    }
  }
  if (!lines.some((l) => l.depot)) {
    lines.push({ x: depotX, stops: [], heights: [], depot: true, aisle: false });
    lines.sort((a, b) => a.x - b.x);
  }
  const y0 = crossAisleY(layout, 0);
  const order = locations.map((_, i) => i).sort((a, b) => locations[a]!.y - locations[b]!.y);
  for (const i of order) {
    const line = lineOf[locations[i]!.aisle]!;
    line.stops.push(i);
    line.heights.push(locations[i]!.y - y0);
  }
  return lines;
}

/** Scratch space of the programme, grown as needed and reused (the engine is synchronous). */
let capacity = 0;
/** Per layer (entering line j: layer 2j, leaving it: 2j+1) and state: the cheapest cost, previous state and choice. */
let cost = new Float64Array(0);
let from = new Int8Array(0);
let choiceOf = new Int8Array(0);
/** Per layer: the states in the order first reached (ties keep the first way found), and their count. */
let reached = new Int8Array(0);
let reachedCount = new Int32Array(0);

function reserve(layers: number): void {
  if (layers <= capacity) return;
  capacity = Math.max(layers, 2 * capacity);
  cost = new Float64Array(capacity * STATES);
  from = new Int8Array(capacity * STATES);
  choiceOf = new Int8Array(capacity * STATES);
  reached = new Int8Array(capacity * STATES);
  reachedCount = new Int32Array(capacity);
}

/** Opens layer `to` with no state reached. */
function clearLayer(to: number): void {
  cost.fill(Infinity, to * STATES, (to + 1) * STATES);
  reachedCount[to] = 0;
}

/** Steps into layer `to` from layer `to - 1`, keeping the cheapest way into each state (first found on ties). */
function step(
  to: number,
  next: number,
  costOf: number,
  choice: number,
  fromState: number,
  base: number,
): void {
  const at = to * STATES + next;
  if (cost[at] === Infinity) {
    reached[to * STATES + reachedCount[to]!++] = next;
    cost[at] = base + costOf;
    from[at] = fromState;
    choiceOf[at] = choice;
  } else if (base + costOf < cost[at]!) {
    cost[at] = base + costOf;
    from[at] = fromState;
    choiceOf[at] = choice;
  }
}

/** The ways to walk each line as kinds and their costs, in the order they are tried; `gaps[j]`: line j's skipped segment. */
function lineOptions(
  lines: Line[],
  length: number,
): { kinds: number[][]; costs: number[][]; gaps: number[] } {
  const kinds: number[][] = [];
  const costs: number[][] = [];
  const gaps: number[] = [];
  for (const line of lines) {
    const k = line.stops.length;
    const h = line.heights;
    let gap = 0;
    if (!line.aisle) {
      kinds.push([ZERO]);
      costs.push([0]);
    } else if (k === 0) {
      kinds.push([ZERO, THROUGH1, THROUGH2]);
      costs.push([0, length, 2 * length]);
    } else {
      const kind: number[] = [THROUGH1, THROUGH2, TOP, BOTTOM];
      const cost = [length, 2 * length, 2 * h[k - 1]!, 2 * (length - h[0]!)];
      if (k > 1) {
        gap = 1;
        for (let i = 2; i < k; i++) if (h[i]! - h[i - 1]! > h[gap]! - h[gap - 1]!) gap = i;
        kind.push(GAP);
        cost.push(2 * (length - (h[gap]! - h[gap - 1]!)));
      }
      kinds.push(kind);
      costs.push(cost);
    }
    gaps.push(gap);
  }
  return { kinds, costs, gaps };
}

/** Runs the programme over the lines: layer 2j enters line j, layer 2j+1 leaves it. */
function runProgramme(lines: Line[], kinds: number[][], costs: number[][]): void {
  const n = lines.length;
  reserve(2 * n);
  clearLayer(0);
  step(0, START, 0, -1, -1, 0);
  for (let j = 0; j < n; j++) {
    // the vertical walk of line j
    const into = 2 * j;
    const out = into + 1;
    clearLayer(out);
    const lineKinds = kinds[j]!;
    const lineCosts = costs[j]!;
    for (let r = 0; r < reachedCount[into]!; r++) {
      const s = reached[into * STATES + r]!;
      const base = cost[into * STATES + s]!;
      for (let c = 0; c < lineKinds.length; c++) {
        const to = lineKinds[c] === ZERO ? s : VERTICAL[lineKinds[c]! * STATES + s]!;
        if (to >= 0) step(out, to, lineCosts[c]!, c, s, base);
      }
    }
    if (j === n - 1) break;
    // the cross-aisle edges to line j+1
    const gap = lines[j + 1]!.x - lines[j]!.x;
    const table = lines[j]!.depot ? STATES : 0;
    clearLayer(out + 1);
    for (let r = 0; r < reachedCount[out]!; r++) {
      const s = reached[out * STATES + r]!;
      const base = cost[out * STATES + s]!;
      for (let m = MOVE_START[table + s]!; m < MOVE_START[table + s + 1]!; m++)
        step(out + 1, MOVE_TO[m]!, MOVE_EDGES[m]! * gap, MOVE_CHOICE[m]!, s, base);
    }
  }
}

/** The cheapest finished tour in the last layer (first found on ties): its state and cost. */
function bestEnd(lines: Line[]): { end: number; endCost: number } {
  const last = 2 * lines.length - 1;
  const finished = lines[lines.length - 1]!.depot ? STATES : 0;
  let end = -1;
  let endCost = Infinity;
  for (let r = 0; r < reachedCount[last]!; r++) {
    const s = reached[last * STATES + r]!;
    if (FINISHED[finished + s] === 1 && cost[last * STATES + s]! < endCost) {
      endCost = cost[last * STATES + s]!;
      end = s;
    }
  }
  if (end < 0) throw new Error('no tour found');
  return { end, endCost };
}

/**
 * The shortest tour on a single-block layout through every location, as location indexes in visiting
 * order, and its length.
 */
export function routeSingleBlock(
  layout: RouteLayout,
  locations: PickLocation[],
): { order: number[]; length: number } {
  if (locations.length === 0) return { order: [], length: 0 };
  const lines = buildLines(layout, locations);
  const length = crossAisleY(layout, 1) - crossAisleY(layout, 0);
  const { kinds, costs, gaps } = lineOptions(lines, length);
  runProgramme(lines, kinds, costs);
  const { end, endCost } = bestEnd(lines);
  // walk the choices back
  const walked = lines.map((line) => ({
    stops: line.stops,
    depot: line.depot,
    segments: [] as number[],
    next: HORIZONTALS[0]!,
  }));
  let s = end;
  for (let layer = 2 * lines.length - 1; layer > 0; layer--) {
    const at = layer * STATES + s;
    const j = layer >> 1;
    const line = lines[j]!;
    if (layer % 2 === 1)
      walked[j]!.segments = segmentsOf(kinds[j]![choiceOf[at]!]!, line.stops.length, gaps[j]!, line.aisle);
    else walked[j - 1]!.next = HORIZONTALS[choiceOf[at]!]!;
    s = from[at]!;
  }
  return { order: eulerOrder(walked), length: endCost };
}
