/**
 * The states of the single-block programme (route-single-block.ts) and its transitions. A state is the
 * front vertex's degree, the back vertex's degree and the components of the partial tour at a line: one
 * of 36 small integer codes. The rules are written once, plainly, over decoded states; every
 * transition is looked up in tables built from them when the module loads.
 */
/** Degree of an interface vertex: none, odd, even and positive. */
type Degree = 0 | 1 | 2;
/** Components of the partial tour: none yet, one, two (front and back apart), one finished tour. */
type Components = 'none' | 'one' | 'two' | 'closed';
type State = { front: Degree; back: Degree; comp: Components };

const COMPONENTS: Components[] = ['none', 'one', 'two', 'closed'];
const DEGREES: Degree[] = [0, 1, 2];
/** The number of state codes: code = front · 12 + back · 4 + components. */
const STATES = 36;
const encode = (s: State): number => s.front * 12 + s.back * 4 + COMPONENTS.indexOf(s.comp);
const decode = (code: number): State => ({
  front: DEGREES[Math.floor(code / 12)]!,
  back: DEGREES[Math.floor(code / 4) % 3]!,
  comp: COMPONENTS[code % 4]!,
});

/**
 * The ways to walk a line (Ratliff–Rosenthal's six). `zero`: not at all; `through1`/`through2`: end to
 * end once or twice; `top`: up from the front and back, up to the last stop; `bottom`: down from the back
 * to the first stop and back; `gap`: in from both sides, leaving out the largest gap between stops.
 */
const ZERO = 0;
const THROUGH1 = 1;
const THROUGH2 = 2;
const TOP = 3;
const BOTTOM = 4;
const GAP = 5;
const KINDS = 6;

/** Segment multiplicities front→back of a line with `k` stops walked by `kind` (`gap`: the skipped segment). */
function segmentsOf(kind: number, k: number, gap: number, aisle: boolean): number[] {
  if (!aisle) return [];
  const m = kind === ZERO ? 0 : kind === THROUGH1 ? 1 : 2;
  const segments = new Array<number>(k + 1).fill(m);
  if (kind === TOP) segments[k] = 0;
  else if (kind === BOTTOM) segments[0] = 0;
  else if (kind === GAP) segments[gap] = 0;
  return segments;
}

function addDegree(d: Degree, added: number): Degree {
  if (added === 0) return d;
  const total = d + added;
  return total % 2 === 1 ? 1 : 2;
}

/** The state after walking a line with these segment multiplicities, or undefined when it cannot lead to a tour. */
function applyVertical(state: State, seg: number[], k: number): State | undefined {
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

/** The cross-aisle choices between two lines, as [back, front] edge counts, in the order they are tried. */
const HORIZONTALS: [number, number][] = [0, 1, 2].flatMap((top) =>
  [0, 1, 2].map((bottom): [number, number] => [top, bottom]),
);
const HORIZONTAL_COST = Int8Array.from(HORIZONTALS, ([top, bottom]) => top + bottom);

/** VERTICAL[kind · 36 + state]: the state after walking a line by `kind` (a line with stops unless `zero`), -1: none. */
const VERTICAL = new Int8Array(KINDS * STATES);
/** HORIZONTAL[(depot · 36 + state) · 9 + choice]: the state at the next line, -1: none. */
const HORIZONTAL = new Int8Array(2 * STATES * HORIZONTALS.length);
/** FINISHED[depotLast · 36 + state]: the state is a finished tour (one component, even degrees, the depot on it). */
const FINISHED = new Uint8Array(2 * STATES);
for (let code = 0; code < STATES; code++) {
  const s = decode(code);
  // representative multiplicities: the rules read only the end segments and whether any is zero
  const shapes = [[0], [1, 1], [2, 2], [2, 0], [0, 2], [2, 0, 2]];
  shapes.forEach((seg, kind) => {
    const to = applyVertical(s, seg, kind === ZERO ? 0 : 1);
    VERTICAL[kind * STATES + code] = to ? encode(to) : -1;
  });
  for (const depot of [0, 1]) {
    HORIZONTALS.forEach(([top, bottom], choice) => {
      const to = applyHorizontal(s, top, bottom, depot === 1);
      HORIZONTAL[(depot * STATES + code) * HORIZONTALS.length + choice] = to ? encode(to) : -1;
    });
    FINISHED[depot * STATES + code] = Number(
      (s.comp === 'one' && s.front !== 1 && s.back !== 1 && (depot === 0 || s.front > 0)) ||
        (s.comp === 'closed' && depot === 0),
    );
  }
}
const START = encode({ front: 0, back: 0, comp: 'none' });

/**
 * The possible cross-aisle moves only, in choice order: for table t = depot · 36 + state, the moves
 * MOVE_START[t] .. MOVE_START[t+1]-1, each its choice, target state and edge count.
 */
const MOVE_START = new Int32Array(2 * STATES + 1);
const moves: number[][] = [];
for (let t = 0; t < 2 * STATES; t++) {
  MOVE_START[t] = moves.length;
  for (let choice = 0; choice < HORIZONTALS.length; choice++) {
    const to = HORIZONTAL[t * HORIZONTALS.length + choice]!;
    if (to >= 0) moves.push([choice, to, HORIZONTAL_COST[choice]!]);
  }
}
MOVE_START[2 * STATES] = moves.length;
const MOVE_CHOICE = Int8Array.from(moves, (m) => m[0]!);
const MOVE_TO = Int8Array.from(moves, (m) => m[1]!);
const MOVE_EDGES = Int8Array.from(moves, (m) => m[2]!);

/** The states' tables and the kinds of line walk, for the programme. */
export const SINGLE_BLOCK = {
  STATES,
  START,
  VERTICAL,
  HORIZONTALS,
  MOVE_START,
  MOVE_CHOICE,
  MOVE_TO,
  MOVE_EDGES,
  HORIZONTAL_COST,
  FINISHED,
  segmentsOf,
  kinds: { ZERO, THROUGH1, THROUGH2, TOP, BOTTOM, GAP },
} as const;
