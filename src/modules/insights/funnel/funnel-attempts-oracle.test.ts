import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findBestAttempt, type FunnelEvent, type FunnelPlan } from './funnel-attempts.js';

// Property tests against brute force: every way of picking one distinct event per step, in order
// (ordered) or in any order (unordered), inside the window of the attempt's first step.

const WINDOW = 10;

function plan(stepCount: number, order: FunnelPlan['order']): FunnelPlan {
  return { stepCount, order, from: 0, to: 40, windowEnd: (start) => start + WINDOW, exclusions: [] };
}

/** Ordered: the most steps any in-order choice of events reaches from an in-range first step. */
function orderedOracle(p: FunnelPlan, events: FunnelEvent[]): number {
  const deepest = (after: number, step: number, end: number): number => {
    if (step === p.stepCount) return step;
    let best = step;
    for (let i = after + 1; i < events.length; i++) {
      const e = events[i]!;
      if (e.at <= end && (e.steps & (1 << step)) !== 0) best = Math.max(best, deepest(i, step + 1, end));
    }
    return best;
  };
  let best = 0;
  events.forEach((e, i) => {
    if (e.at >= p.from && e.at <= p.to && (e.steps & 1) !== 0)
      best = Math.max(best, deepest(i, 1, e.at + WINDOW));
  });
  return best;
}

/** Unordered: the most distinct steps distinct events can fill from an in-range anchor event onwards. */
function unorderedOracle(p: FunnelPlan, events: FunnelEvent[]): number {
  const fill = (from: number, end: number, filled: number, anchor: boolean): number => {
    let best = 0;
    for (let i = from; i < events.length && events[i]!.at <= end; i++) {
      for (let step = 0; step < p.stepCount; step++) {
        if ((events[i]!.steps & (1 << step)) === 0 || (filled & (1 << step)) !== 0) continue;
        best = Math.max(best, 1 + fill(i + 1, end, filled | (1 << step), false));
      }
      if (anchor) break;
    }
    return best;
  };
  let best = 0;
  events.forEach((e, i) => {
    if (e.at >= p.from && e.at <= p.to && e.steps !== 0)
      best = Math.max(best, fill(i, e.at + WINDOW, 0, true));
  });
  return best;
}

const eventsOf = (stepCount: number) =>
  fc
    .array(
      fc.record({
        at: fc.integer({ min: 0, max: 50 }),
        steps: fc.integer({ min: 0, max: (1 << stepCount) - 1 }),
      }),
      {
        maxLength: 9,
      },
    )
    .map((list) =>
      list
        .sort((a, b) => a.at - b.at)
        .map((e): FunnelEvent => ({ at: e.at, steps: e.steps, exclusions: 0, value: null })),
    );

describe('findBestAttempt against brute force', () => {
  it('ordered: reaches as far as any in-order choice of events', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((n) => fc.tuple(fc.constant(n), eventsOf(n))),
        ([n, events]) => {
          const p = plan(n, 'ordered');
          expect(findBestAttempt(p, events)?.reached ?? 0).toBe(orderedOracle(p, events));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('unordered: fills as many distinct steps as any choice of events', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((n) => fc.tuple(fc.constant(n), eventsOf(n))),
        ([n, events]) => {
          const p = plan(n, 'unordered');
          expect(findBestAttempt(p, events)?.reached ?? 0).toBe(unorderedOracle(p, events));
        },
      ),
      { numRuns: 300 },
    );
  });
});
