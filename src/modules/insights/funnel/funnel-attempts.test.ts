import { describe, expect, it } from 'vitest';
import { conversionSeconds, findBestAttempt, type FunnelEvent, type FunnelPlan } from './funnel-attempts.js';

const MIN = 60_000;
const HOUR = 60 * MIN;

/** A plan over the first day, steps ordered, a 1-hour window unless told. */
function plan(stepCount: number, extra: Partial<FunnelPlan> = {}): FunnelPlan {
  return {
    stepCount,
    order: 'ordered',
    from: 0,
    to: 24 * HOUR,
    windowEnd: (start) => start + HOUR,
    exclusions: [],
    ...extra,
  };
}

/** An event `minutes` in, matching the steps listed (0-based), optionally an exclusion. */
function ev(
  minutes: number,
  steps: number[],
  options: { excl?: number[]; value?: string } = {},
): FunnelEvent {
  return {
    at: minutes * MIN,
    steps: steps.reduce((mask, s) => mask | (1 << s), 0),
    exclusions: (options.excl ?? []).reduce((mask, s) => mask | (1 << s), 0),
    value: options.value ?? null,
  };
}

const reached = (p: FunnelPlan, events: FunnelEvent[]) => findBestAttempt(p, events)?.reached ?? 0;

describe('ordered funnels', () => {
  it('follows the steps in order, with other events between them', () => {
    const events = [ev(0, [0]), ev(5, [2]), ev(10, [1]), ev(20, [2])];
    const attempt = findBestAttempt(plan(3), events)!;
    expect(attempt).toEqual({ reached: 3, indexes: [0, 2, 3] });
    expect(conversionSeconds(events, attempt)).toEqual([600, 600]);
  });

  it('ends an attempt at its window, measured from the first step (inclusive)', () => {
    expect(reached(plan(2), [ev(0, [0]), ev(60, [1])])).toBe(2);
    expect(reached(plan(2), [ev(0, [0]), ev(61, [1])])).toBe(1);
    // The window runs from step 1, not from the previous step: 40 + 40 minutes is past the hour.
    expect(reached(plan(3), [ev(0, [0]), ev(40, [1]), ev(80, [2])])).toBe(2);
  });

  it('counts the attempt that gets furthest, and the earliest of those', () => {
    // The first attempt times out after step 2; the second (from minute 100) converts.
    const events = [ev(0, [0]), ev(10, [1]), ev(100, [0]), ev(130, [1]), ev(150, [2])];
    const attempt = findBestAttempt(plan(3), events)!;
    expect(attempt.indexes).toEqual([2, 3, 4]);
    expect(conversionSeconds(events, attempt)).toEqual([1800, 1200]);
    // Two attempts both reach step 2: the earliest counts, with its own time.
    const twice = [ev(0, [0]), ev(30, [1]), ev(300, [0]), ev(301, [1])];
    expect(conversionSeconds(twice, findBestAttempt(plan(3), twice)!)).toEqual([1800]);
  });

  it('starts attempts only inside [from, to]', () => {
    const p = plan(2, { from: 10 * MIN, to: 20 * MIN });
    expect(reached(p, [ev(5, [0]), ev(15, [1])])).toBe(0);
    expect(reached(p, [ev(5, [0]), ev(20, [0]), ev(50, [1])])).toBe(2);
    expect(findBestAttempt(p, [ev(21, [0])])).toBeUndefined();
  });

  it('needs two distinct occurrences for a repeated step', () => {
    // steps: A, A, B — one A cannot fill both.
    expect(reached(plan(3), [ev(0, [0, 1]), ev(5, [2])])).toBe(1);
    expect(reached(plan(3), [ev(0, [0, 1]), ev(3, [0, 1]), ev(5, [2])])).toBe(3);
  });
});

describe('strict funnels', () => {
  const strict = (n: number) => plan(n, { order: 'strict' });

  it('needs each step to be the very next event', () => {
    expect(reached(strict(3), [ev(0, [0]), ev(1, [1]), ev(2, [2])])).toBe(3);
    // Another event between steps 1 and 2 breaks the attempt there.
    expect(reached(strict(3), [ev(0, [0]), ev(1, []), ev(2, [1]), ev(3, [2])])).toBe(1);
    expect(reached(strict(3), [ev(0, [0]), ev(1, [1]), ev(2, []), ev(3, [2])])).toBe(2);
  });

  it('lets a later attempt convert where an earlier one broke', () => {
    const events = [ev(0, [0]), ev(1, [0]), ev(2, [1])];
    expect(findBestAttempt(strict(2), events)).toEqual({ reached: 2, indexes: [1, 2] });
  });
});

describe('exclusions', () => {
  const excluded = (n: number, fromStep: number, toStep: number, extra: Partial<FunnelPlan> = {}) =>
    plan(n, { exclusions: [{ fromStep, toStep }], ...extra });

  it('discards an attempt with the excluded event between its steps', () => {
    expect(reached(excluded(2, 0, 1), [ev(0, [0]), ev(5, [], { excl: [0] }), ev(10, [1])])).toBe(0);
    // Before step 1 or after step 2 it does not matter.
    expect(reached(excluded(2, 0, 1), [ev(0, [], { excl: [0] }), ev(1, [0]), ev(10, [1])])).toBe(2);
    expect(reached(excluded(2, 0, 1), [ev(0, [0]), ev(10, [1]), ev(11, [], { excl: [0] })])).toBe(2);
  });

  it('only between fromStep and toStep', () => {
    const events = [ev(0, [0]), ev(5, [], { excl: [0] }), ev(10, [1]), ev(20, [2])];
    expect(reached(excluded(3, 1, 2), events)).toBe(3);
    expect(reached(excluded(3, 0, 2), events)).toBe(0);
  });

  it('discards an attempt that never reached toStep when the event falls in its window', () => {
    expect(reached(excluded(3, 0, 2), [ev(0, [0]), ev(5, [1]), ev(30, [], { excl: [0] })])).toBe(0);
    expect(reached(excluded(3, 0, 2), [ev(0, [0]), ev(5, [1]), ev(90, [], { excl: [0] })])).toBe(2);
  });

  it('lets another attempt count', () => {
    const events = [ev(0, [0]), ev(5, [], { excl: [0] }), ev(10, [0]), ev(20, [1])];
    expect(findBestAttempt(excluded(2, 0, 1), events)).toEqual({ reached: 2, indexes: [2, 3] });
  });
});

describe('unordered funnels', () => {
  const unordered = (n: number, extra: Partial<FunnelPlan> = {}) => plan(n, { order: 'unordered', ...extra });

  it('takes the steps in any order within the window of the first one', () => {
    const events = [ev(0, [2]), ev(10, [0]), ev(25, [1])];
    const attempt = findBestAttempt(unordered(3), events)!;
    expect(attempt.reached).toBe(3);
    expect(conversionSeconds(events, attempt)).toEqual([600, 900]);
    expect(reached(unordered(3), [ev(0, [2]), ev(10, [0]), ev(70, [1])])).toBe(2);
    // From minute 10 the window holds all three steps.
    expect(reached(unordered(3), [ev(0, [2]), ev(10, [0]), ev(65, [1]), ev(66, [2])])).toBe(3);
  });

  it('counts a step once however often it happens, and a repeated step needs two events', () => {
    expect(reached(unordered(2), [ev(0, [0]), ev(1, [0]), ev(2, [0])])).toBe(1);
    // steps A, A: two A events fill both.
    expect(reached(unordered(2), [ev(0, [0, 1]), ev(1, [0, 1])])).toBe(2);
  });

  it('lets an event that matches several steps give way to one that matches fewer', () => {
    // Event 1 can be step 0 or 1, event 2 only step 0: both fill.
    expect(reached(unordered(2), [ev(0, [0, 1]), ev(1, [0])])).toBe(2);
  });

  it('discards an attempt with an excluded event inside it', () => {
    const p = unordered(2, { exclusions: [{ fromStep: 0, toStep: 1 }] });
    // The attempt from minute 0 is discarded; the one from minute 10 reaches one step.
    expect(reached(p, [ev(0, [1]), ev(5, [], { excl: [0] }), ev(10, [0])])).toBe(1);
    expect(reached(p, [ev(0, [1]), ev(5, [], { excl: [0] })])).toBe(0);
    expect(reached(p, [ev(0, [1]), ev(10, [0]), ev(15, [], { excl: [0] })])).toBe(2);
  });
});
