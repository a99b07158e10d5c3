/**
 * Counting a funnel unit by unit: each unit's counted attempt adds one to every step it reached and
 * its times to convert; with a breakdown, the unit also counts under its value(s). Pure, and it keeps
 * no events: memory grows with the units counted, not with their events.
 */
import type { Attribution, FunnelStepResult } from './funnel.contract.js';
import {
  conversionSeconds,
  findBestAttempt,
  type Attempt,
  type FunnelEvent,
  type FunnelPlan,
} from './funnel-attempts.js';

/** Counts and times to convert of one funnel (the whole one, or one breakdown value's). */
export class FunnelTally {
  private readonly counts: number[];
  private readonly seconds: number[][];

  constructor(stepCount: number) {
    this.counts = new Array<number>(stepCount).fill(0);
    this.seconds = Array.from({ length: stepCount }, () => []);
  }

  /** Adds one unit that reached `reached` steps, with the seconds of each step after the first. */
  add(reached: number, seconds: readonly number[]): void {
    for (let step = 0; step < reached; step++) {
      this.counts[step]! += 1;
      if (step > 0) this.seconds[step]!.push(seconds[step - 1]!);
    }
  }

  get firstCount(): number {
    return this.counts[0]!;
  }

  /** The step results, named after `events`. */
  results(events: readonly string[]): FunnelStepResult[] {
    const first = this.counts[0]!;
    return events.map((event, step) => {
      const count = this.counts[step]!;
      const previous = step === 0 ? first : this.counts[step - 1]!;
      const times = this.seconds[step]!;
      return {
        event,
        count,
        conversionFromFirst: first === 0 ? 0 : count / first,
        conversionFromPrevious: previous === 0 ? 0 : count / previous,
        averageTimeToConvertSeconds: step === 0 ? null : average(times),
        medianTimeToConvertSeconds: step === 0 ? null : median(times),
      };
    });
  }
}

/** The mean, or null for no values. */
export function average(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** The median: the middle value, or the mean of the two middle values; null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** How a unit's breakdown value is chosen. */
export type BreakdownRule = { attribution: Attribution; step: number | null };

/** A whole funnel's tallies: overall and per breakdown value. */
export class FunnelCounter {
  readonly overall: FunnelTally;
  readonly byValue = new Map<string | null, FunnelTally>();

  constructor(
    private readonly plan: FunnelPlan,
    private readonly breakdown: BreakdownRule | undefined,
  ) {
    this.overall = new FunnelTally(plan.stepCount);
  }

  /** Counts one unit from its events, in time order. */
  addUnit(events: readonly FunnelEvent[]): void {
    const attempt = findBestAttempt(this.plan, events);
    if (attempt) this.overall.add(attempt.reached, conversionSeconds(events, attempt));
    if (!this.breakdown) return;
    for (const [value, own, valued] of attemptsByValue(this.plan, this.breakdown, events, attempt)) {
      this.tallyOf(value).add(valued.reached, conversionSeconds(own, valued));
    }
  }

  private tallyOf(value: string | null): FunnelTally {
    let tally = this.byValue.get(value);
    if (!tally) {
      tally = new FunnelTally(this.plan.stepCount);
      this.byValue.set(value, tally);
    }
    return tally;
  }

  /** The breakdown values, the largest first step first, then by value (null last). */
  breakdowns(events: readonly string[]): { value: string | null; steps: FunnelStepResult[] }[] {
    return [...this.byValue.entries()]
      .sort(([a, x], [b, y]) => y.firstCount - x.firstCount || compareValues(a, b))
      .map(([value, tally]) => ({ value, steps: tally.results(events) }));
  }
}

function compareValues(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/**
 * The values a unit counts under, each with the events its attempt indexes and that attempt: with
 * `all` attribution one best attempt per value over that value's events, else the counted attempt
 * (`attempt`) under its attributed value.
 */
export function attemptsByValue(
  plan: FunnelPlan,
  rule: BreakdownRule,
  events: readonly FunnelEvent[],
  attempt: Attempt | undefined,
): [string | null, readonly FunnelEvent[], Attempt][] {
  if (rule.attribution !== 'all')
    return attempt ? [[attributedValue(rule, events, attempt), events, attempt]] : [];
  const found: [string | null, readonly FunnelEvent[], Attempt][] = [];
  for (const value of new Set(events.filter((e) => e.steps !== 0).map((e) => e.value))) {
    const own = events.filter((e) => e.steps === 0 || e.value === value);
    const valued = findBestAttempt(plan, own);
    if (valued) found.push([value, own, valued]);
  }
  return found;
}

/**
 * The value a unit counts under: first touch is the value on its first step event (the earliest that
 * has one), last touch the value on the last step event of the counted attempt that has one, step the
 * value on the event of that step of the counted attempt (null when the attempt did not reach it).
 */
export function attributedValue(
  rule: BreakdownRule,
  events: readonly FunnelEvent[],
  attempt: Attempt,
): string | null {
  if (rule.attribution === 'first_touch') {
    return events.find((e) => e.steps !== 0 && e.value !== null)?.value ?? null;
  }
  if (rule.attribution === 'last_touch') {
    for (let i = attempt.indexes.length - 1; i >= 0; i--) {
      const value = events[attempt.indexes[i]!]!.value;
      if (value !== null) return value;
    }
    return null;
  }
  const index = attempt.indexes[rule.step ?? 0];
  return index === undefined ? null : events[index]!.value;
}
