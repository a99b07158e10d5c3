import { describe, expect, it } from 'vitest';
import type { FunnelEvent, FunnelPlan } from './funnel-attempts.js';
import { FunnelCounter, average, median, type BreakdownRule } from './funnel-tally.js';
import { windowEnd } from './funnel-window.js';

const MIN = 60_000;
const plan: FunnelPlan = {
  stepCount: 3,
  order: 'ordered',
  from: 0,
  to: 1440 * MIN,
  windowEnd: (start) => start + 60 * MIN,
  exclusions: [],
};

function ev(minutes: number, step: number | null, value: string | null = null): FunnelEvent {
  return { at: minutes * MIN, steps: step === null ? 0 : 1 << step, exclusions: 0, value };
}

const names = ['A', 'B', 'C'];

describe('medians and averages', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([40, 10, 30, 20])).toBe(25);
    expect(median([])).toBeNull();
    expect(average([10, 20, 60])).toBe(30);
  });
});

describe('FunnelCounter', () => {
  it('counts each unit once per step by its best attempt, with times from the previous step', () => {
    const counter = new FunnelCounter(plan, undefined);
    counter.addUnit([ev(0, 0), ev(10, 1), ev(30, 2)]); // 600 s, 1200 s
    counter.addUnit([ev(0, 0), ev(20, 1)]); // 1200 s
    counter.addUnit([ev(0, 0), ev(40, 1), ev(41, 2)]); // 2400 s, 60 s
    counter.addUnit([ev(5, 0)]);
    expect(counter.overall.results(names)).toEqual([
      {
        event: 'A',
        count: 4,
        conversionFromFirst: 1,
        conversionFromPrevious: 1,
        averageTimeToConvertSeconds: null,
        medianTimeToConvertSeconds: null,
      },
      {
        event: 'B',
        count: 3,
        conversionFromFirst: 0.75,
        conversionFromPrevious: 0.75,
        averageTimeToConvertSeconds: 1400,
        medianTimeToConvertSeconds: 1200,
      },
      {
        event: 'C',
        count: 2,
        conversionFromFirst: 0.5,
        conversionFromPrevious: 2 / 3,
        averageTimeToConvertSeconds: 630,
        medianTimeToConvertSeconds: 630,
      },
    ]);
  });

  it('answers zero conversions and null times when nobody entered', () => {
    const counter = new FunnelCounter(plan, undefined);
    expect(counter.overall.results(names)[1]).toEqual({
      event: 'B',
      count: 0,
      conversionFromFirst: 0,
      conversionFromPrevious: 0,
      averageTimeToConvertSeconds: null,
      medianTimeToConvertSeconds: null,
    });
  });

  const byValue = (rule: BreakdownRule, units: FunnelEvent[][]) => {
    const counter = new FunnelCounter(plan, rule);
    for (const unit of units) counter.addUnit(unit);
    return counter.breakdowns(names).map((b) => [b.value, b.steps.map((s) => s.count)]);
  };

  // One person: A on Chrome, B with no value, C on Safari; another only A on Safari.
  const units = [[ev(0, 0, 'Chrome'), ev(5, 1), ev(10, 2, 'Safari')], [ev(0, 0, 'Safari')]];

  it('first touch: the value on the first step event', () => {
    expect(byValue({ attribution: 'first_touch', step: null }, units)).toEqual([
      ['Chrome', [1, 1, 1]],
      ['Safari', [1, 0, 0]],
    ]);
  });

  it('last touch: the value on the last step event reached that has one', () => {
    expect(byValue({ attribution: 'last_touch', step: null }, units)).toEqual([['Safari', [2, 1, 1]]]);
    const noValueAtEnd = [[ev(0, 0, 'Chrome'), ev(5, 1)]];
    expect(byValue({ attribution: 'last_touch', step: null }, noValueAtEnd)).toEqual([['Chrome', [1, 1, 0]]]);
  });

  it("step: the value on that step's event, null when the attempt did not reach it", () => {
    expect(byValue({ attribution: 'step', step: 2 }, units)).toEqual([
      ['Safari', [1, 1, 1]],
      [null, [1, 0, 0]],
    ]);
    expect(byValue({ attribution: 'step', step: 1 }, units)).toEqual([[null, [2, 1, 1]]]);
  });

  it('all: a unit counts under each value, with only the events of that value', () => {
    const mixed = [[ev(0, 0, 'Chrome'), ev(5, 1, 'Chrome'), ev(6, 0, 'Safari'), ev(10, 2, 'Safari')]];
    expect(byValue({ attribution: 'all', step: null }, mixed)).toEqual([
      ['Chrome', [1, 1, 0]],
      ['Safari', [1, 0, 0]],
    ]);
  });
});

describe('windowEnd', () => {
  const at = (iso: string) => Date.parse(iso);
  it('adds fixed units and calendar months (clamped to the month end)', () => {
    const start = at('2026-01-31T10:00:00Z');
    expect(windowEnd(start, { value: 90, unit: 'second' })).toBe(at('2026-01-31T10:01:30Z'));
    expect(windowEnd(start, { value: 2, unit: 'hour' })).toBe(at('2026-01-31T12:00:00Z'));
    expect(windowEnd(start, { value: 1, unit: 'week' })).toBe(at('2026-02-07T10:00:00Z'));
    expect(windowEnd(start, { value: 1, unit: 'month' })).toBe(at('2026-02-28T10:00:00Z'));
    expect(windowEnd(start, { value: 13, unit: 'month' })).toBe(at('2027-02-28T10:00:00Z'));
    expect(windowEnd(at('2026-03-15T00:00:00Z'), { value: 1, unit: 'month' })).toBe(
      at('2026-04-15T00:00:00Z'),
    );
  });
});
