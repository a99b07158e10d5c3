/**
 * The attempts of one unit (a person, or an account) through a funnel, and the one that counts: the
 * attempt that gets furthest, the earliest among those. Pure: the unit's events come in time order.
 *
 * - An attempt starts at an event of the first step inside [from, to] (in an unordered funnel, at an
 *   event of any step) and may use events until its window, measured from that start, ends
 *   (inclusive). Each event fills at most one step, so a repeated step needs distinct occurrences.
 * - Ordered: each step is the earliest matching event after the previous one. Strict: each step must
 *   be the unit's very next event; any other event ends the attempt. Unordered: the steps in any
 *   order, as many distinct steps as the events in the window can fill.
 * - An exclusion discards an attempt when its event happens after the attempt's step `fromStep` and
 *   before its step `toStep` (before the window's end when the attempt never reached `toStep`).
 */

/** One event of a unit: when, which steps and exclusions it matches (bit masks), its breakdown value. */
export type FunnelEvent = { at: number; steps: number; exclusions: number; value: string | null };

/** What the attempt logic needs of a funnel. */
export type FunnelPlan = {
  stepCount: number;
  order: 'ordered' | 'strict' | 'unordered';
  /** Epoch milliseconds: the first step must fall in [from, to]. */
  from: number;
  to: number;
  /** The last instant an attempt starting at `start` may use. */
  windowEnd(start: number): number;
  exclusions: { fromStep: number; toStep: number }[];
};

/** An attempt: how many steps it reached, and the index (into the events) of each step's event. */
export type Attempt = { reached: number; indexes: number[] };

/** The counted attempt of a unit, or undefined when it has none (no first step in range, or all excluded). */
export function findBestAttempt(plan: FunnelPlan, events: readonly FunnelEvent[]): Attempt | undefined {
  let best: Attempt | undefined;
  for (let start = 0; start < events.length; start++) {
    const event = events[start]!;
    if (event.at < plan.from || event.at > plan.to || !canStart(plan, event)) continue;
    const attempt =
      plan.order === 'unordered' ? unorderedFrom(plan, events, start) : orderedFrom(plan, events, start);
    if (isExcluded(plan, events, attempt)) continue;
    if (!best || attempt.reached > best.reached) best = attempt;
    if (best.reached === plan.stepCount) break;
  }
  return best;
}

function canStart(plan: FunnelPlan, event: FunnelEvent): boolean {
  return plan.order === 'unordered' ? event.steps !== 0 : (event.steps & 1) !== 0;
}

function orderedFrom(plan: FunnelPlan, events: readonly FunnelEvent[], start: number): Attempt {
  const end = plan.windowEnd(events[start]!.at);
  const indexes = [start];
  for (let i = start + 1; i < events.length && indexes.length < plan.stepCount; i++) {
    const event = events[i]!;
    if (event.at > end) break;
    if ((event.steps & (1 << indexes.length)) !== 0) indexes.push(i);
    else if (plan.order === 'strict') break;
  }
  return { reached: indexes.length, indexes };
}

/**
 * Unordered: events from the start, in time order, each matched to a step it can fill (augmenting
 * paths, so an event matching several steps never blocks a later one); the earliest events win.
 */
function unorderedFrom(plan: FunnelPlan, events: readonly FunnelEvent[], start: number): Attempt {
  const end = plan.windowEnd(events[start]!.at);
  const holder: (number | undefined)[] = new Array<number | undefined>(plan.stepCount).fill(undefined);
  const used: number[] = [];
  const tryPlace = (eventIndex: number, seen: Set<number>): boolean => {
    const mask = events[eventIndex]!.steps;
    for (let step = 0; step < plan.stepCount; step++) {
      if ((mask & (1 << step)) === 0 || seen.has(step)) continue;
      seen.add(step);
      const current = holder[step];
      if (current === undefined || tryPlace(current, seen)) {
        holder[step] = eventIndex;
        return true;
      }
    }
    return false;
  };
  for (let i = start; i < events.length && used.length < plan.stepCount; i++) {
    const event = events[i]!;
    if (event.at > end) break;
    if (event.steps !== 0 && tryPlace(i, new Set())) used.push(i);
  }
  return { reached: used.length, indexes: used };
}

/** True when one of the plan's exclusions falls inside the attempt. */
function isExcluded(plan: FunnelPlan, events: readonly FunnelEvent[], attempt: Attempt): boolean {
  if (plan.exclusions.length === 0) return false;
  const times = attempt.indexes.map((i) => events[i]!.at);
  const end = plan.windowEnd(times[0]!);
  return plan.exclusions.some((exclusion, bit) => {
    if (attempt.reached <= exclusion.fromStep) return false;
    const after = times[exclusion.fromStep]!;
    const before = attempt.reached > exclusion.toStep ? times[exclusion.toStep]! : undefined;
    return events.some(
      (event) =>
        (event.exclusions & (1 << bit)) !== 0 &&
        event.at > after &&
        (before === undefined ? event.at <= end : event.at < before),
    );
  });
}

/** Seconds from each reached step's previous step (one entry per step after the first). */
export function conversionSeconds(events: readonly FunnelEvent[], attempt: Attempt): number[] {
  const times = attempt.indexes.map((i) => events[i]!.at);
  return times.slice(1).map((at, i) => (at - times[i]!) / 1000);
}
