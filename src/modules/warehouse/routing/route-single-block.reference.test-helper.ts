/**
 * The single-block programme as first written (states as string keys in Maps, options as segment
 * arrays), kept for tests: the integer-coded engine in `route-single-block.ts` must give exactly its
 * routes, visiting order and length, ties included.
 */
import { eulerOrderReference } from './euler-order.reference.test-helper.js';
import { aisleX, crossAisleY, type PickLocation } from './route-geometry.js';
import type { RouteLayout } from './routing.contract.js';

/** Degree of an interface vertex: none, odd, even and positive. */
type Degree = 0 | 1 | 2;
/** Components of the partial tour: none yet, one, two (front and back apart), one finished tour. */
type Components = 'none' | 'one' | 'two' | 'closed';
type State = { front: Degree; back: Degree; comp: Components };

/** One way to walk a vertical line: edge multiplicities of its segments front→back. */
type Option = { segments: number[]; cost: number };

type Line = {
  x: number;
  /** Location indexes on the line, front to back. */
  stops: number[];
  /** Heights of the stops above the front cross aisle. */
  heights: number[];
  depot: boolean;
  aisle: boolean;
};

const key = (s: State): string => `${s.front}${s.back}${s.comp}`;

function addDegree(d: Degree, added: number): Degree {
  if (added === 0) return d;
  const total = d + added;
  return total % 2 === 1 ? 1 : 2;
}

/** The ways to walk a line (Ratliff–Rosenthal's six), as segment multiplicities. */
function lineOptions(line: Line, length: number): Option[] {
  const k = line.stops.length;
  const segments = k + 1;
  const filled = (m: number) => Array.from({ length: segments }, () => m);
  if (!line.aisle) return [{ segments: [], cost: 0 }];
  const options: Option[] = [];
  if (k === 0) options.push({ segments: filled(0), cost: 0 });
  options.push({ segments: filled(1), cost: length });
  options.push({ segments: filled(2), cost: 2 * length });
  if (k > 0) {
    const top = line.heights[k - 1]!;
    const bottom = line.heights[0]!;
    options.push({ segments: filled(2).map((m, i) => (i === k ? 0 : m)), cost: 2 * top });
    options.push({ segments: filled(2).map((m, i) => (i === 0 ? 0 : m)), cost: 2 * (length - bottom) });
  }
  if (k > 1) {
    let gap = 1;
    for (let i = 2; i < k; i++)
      if (line.heights[i]! - line.heights[i - 1]! > line.heights[gap]! - line.heights[gap - 1]!) gap = i;
    const skipped = line.heights[gap]! - line.heights[gap - 1]!;
    options.push({ segments: filled(2).map((m, i) => (i === gap ? 0 : m)), cost: 2 * (length - skipped) });
  }
  return options;
}

/** The state after walking a line with these segment multiplicities, or undefined when it cannot lead to a tour. */
function applyVertical(state: State, option: Option, k: number): State | undefined {
  const seg = option.segments;
  if (seg.length === 0 || seg.every((m) => m === 0)) return k === 0 ? state : undefined;
  if (state.comp === 'closed') return undefined;
  const frontAdded = seg[0]!;
  const backAdded = seg[seg.length - 1]!;
  const through = seg.every((m) => m > 0);
  const front = addDegree(state.front, frontAdded);
  const back = addDegree(state.back, backAdded);
  let comp: Components;
  if (through) comp = 'one';
  else if (front > 0 && back > 0) {
    // front and back stay apart unless they already shared a component
    comp = state.front > 0 && state.back > 0 && state.comp === 'one' ? 'one' : 'two';
  } else comp = 'one';
  return { front, back, comp };
}

/**
 * The state at the next line after `top` back and `bottom` front cross-aisle edges, or undefined.
 * `depot`: this line's front vertex must be on the tour.
 */
function applyHorizontal(state: State, top: number, bottom: number, depot: boolean): State | undefined {
  if (state.front === 1 ? bottom !== 1 : bottom === 1) return undefined;
  if (state.back === 1 ? top !== 1 : top === 1) return undefined;
  if (depot && state.front === 0 && bottom === 0) return undefined;
  const front: Degree = bottom === 0 ? 0 : bottom === 1 ? 1 : 2;
  const back: Degree = top === 0 ? 0 : top === 1 ? 1 : 2;
  if (state.comp === 'closed' || state.comp === 'none') {
    if (top === 0 && bottom === 0) return state;
    if (state.comp === 'closed') return undefined;
    return { front, back, comp: front > 0 && back > 0 ? 'two' : 'one' };
  }
  // Components carried over: which old vertices have an edge to the next line.
  const frontCarried = bottom > 0;
  const backCarried = top > 0;
  const frontOn = state.front > 0;
  const backOn = state.back > 0;
  if (state.comp === 'one') {
    const carried = (frontOn && frontCarried) || (backOn && backCarried);
    if (!carried) {
      if (top > 0 || bottom > 0) return undefined; // a new piece beside a finished tour
      return { front: 0, back: 0, comp: 'closed' };
    }
    // New pieces start at an old vertex with no degree: they stay apart from the carried component.
    const frontJoined = frontCarried && frontOn;
    const backJoined = backCarried && backOn;
    if (front > 0 && back > 0) {
      const same = frontJoined && backJoined;
      return { front, back, comp: same ? 'one' : 'two' };
    }
    return { front, back, comp: 'one' };
  }
  // two components: one through the front vertex, one through the back vertex; both must go on
  if (!frontCarried || !backCarried) return undefined;
  return { front, back, comp: 'two' };
}

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
  for (let a = 1; a <= layout.aisles; a++) {
    const x = aisleX(layout, a);
    const inside = (a >= minAisle || x >= depotX) && (a <= maxAisle || x <= depotX);
    if (inside) lines.push({ x, stops: [], heights: [], depot: x === depotX, aisle: true });
  }
  if (!lines.some((l) => l.depot)) {
    lines.push({ x: depotX, stops: [], heights: [], depot: true, aisle: false });
    lines.sort((a, b) => a.x - b.x);
  }
  const byAisle = new Map(lines.filter((l) => l.aisle).map((l) => [l.x, l]));
  const y0 = crossAisleY(layout, 0);
  const order = locations.map((_, i) => i).sort((a, b) => locations[a]!.y - locations[b]!.y);
  for (const i of order) {
    const line = byAisle.get(locations[i]!.x)!;
    line.stops.push(i);
    line.heights.push(locations[i]!.y - y0);
  }
  return lines;
}

type Step = { cost: number; from: string | undefined; choice: number };
type Layer = Map<string, Step>;
type Move = { to: State; cost: number } | undefined;

const HORIZONTALS: [number, number][] = [0, 1, 2].flatMap((top) =>
  [0, 1, 2].map((bottom): [number, number] => [top, bottom]),
);

/** Every state reached, by key. */
class StateTable {
  private readonly byKey = new Map<string, State>();
  remember(s: State): string {
    const k = key(s);
    if (!this.byKey.has(k)) this.byKey.set(k, s);
    return k;
  }
  get(k: string): State {
    return this.byKey.get(k)!;
  }
}

/** The cheapest step into each state reachable from `layer` by `moves` (one per choice). */
function relax(layer: Layer, states: StateTable, moves: (from: State) => Move[]): Layer {
  const next: Layer = new Map();
  for (const [fromKey, step] of layer)
    moves(states.get(fromKey)).forEach((move, choice) => {
      if (!move) return;
      const cost = step.cost + move.cost;
      const toKey = states.remember(move.to);
      const best = next.get(toKey);
      if (!best || cost < best.cost) next.set(toKey, { cost, from: fromKey, choice });
    });
  return next;
}

/** entering[j]: the steps into line j before its vertical walk; leaving[j]: after it. */
function runProgramme(
  lines: Line[],
  options: Option[][],
  states: StateTable,
): { entering: Layer[]; leaving: Layer[] } {
  const start = states.remember({ front: 0, back: 0, comp: 'none' });
  const entering: Layer[] = [new Map([[start, { cost: 0, from: undefined, choice: -1 }]])];
  const leaving: Layer[] = [];
  lines.forEach((line, j) => {
    leaving.push(
      relax(entering[j]!, states, (from) =>
        options[j]!.map((option) => {
          const to = applyVertical(from, option, line.stops.length);
          return to && { to, cost: option.cost };
        }),
      ),
    );
    if (j === lines.length - 1) return;
    const gap = lines[j + 1]!.x - line.x;
    entering.push(
      relax(leaving[j]!, states, (from) =>
        HORIZONTALS.map(([top, bottom]) => {
          const to = applyHorizontal(from, top, bottom, line.depot);
          return to && { to, cost: (top + bottom) * gap };
        }),
      ),
    );
  });
  return { entering, leaving };
}

/** The cheapest finished tour: one component, even degrees, the depot on it. */
function bestEnd(lines: Line[], last: Layer, states: StateTable): { endKey: string; endCost: number } {
  const depotLast = lines[lines.length - 1]!.depot;
  let endKey: string | undefined;
  let endCost = Infinity;
  for (const [k, step] of last) {
    const s = states.get(k);
    const done =
      (s.comp === 'one' && s.front !== 1 && s.back !== 1 && (!depotLast || s.front > 0)) ||
      (s.comp === 'closed' && !depotLast);
    if (done && step.cost < endCost) {
      endCost = step.cost;
      endKey = k;
    }
  }
  if (endKey === undefined) throw new Error('no tour found');
  return { endKey, endCost };
}

/**
 * The shortest tour on a single-block layout through every location, as location indexes in visiting
 * order, and its length.
 */
export function routeSingleBlockReference(
  layout: RouteLayout,
  locations: PickLocation[],
): { order: number[]; length: number } {
  if (locations.length === 0) return { order: [], length: 0 };
  const lines = buildLines(layout, locations);
  const length = crossAisleY(layout, 1) - crossAisleY(layout, 0);
  const options = lines.map((line) => lineOptions(line, length));
  const states = new StateTable();
  const { entering, leaving } = runProgramme(lines, options, states);
  const { endKey, endCost } = bestEnd(lines, leaving[lines.length - 1]!, states);
  // walk the choices back
  const vertical: number[] = new Array<number>(lines.length).fill(0);
  const horizontal: number[] = new Array<number>(lines.length).fill(0);
  let k: string | undefined = endKey;
  for (let j = lines.length - 1; j >= 0; j--) {
    const v: Step = leaving[j]!.get(k!)!;
    vertical[j] = v.choice;
    k = v.from;
    if (j > 0) {
      const h: Step = entering[j]!.get(k!)!;
      horizontal[j - 1] = h.choice;
      k = h.from;
    }
  }
  const walked = lines.map((line, j) => ({
    stops: line.stops,
    depot: line.depot,
    segments: options[j]![vertical[j]!]!.segments,
    next: HORIZONTALS[horizontal[j]!]!,
  }));
  return { order: eulerOrderReference(walked), length: endCost };
}
