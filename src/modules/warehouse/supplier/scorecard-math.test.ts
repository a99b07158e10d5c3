import { describe, expect, it } from 'vitest';
import { monthWindow, scoreOf, weighReturns } from './scorecard-math.js';

describe('monthWindow', () => {
  it('counts months in Shanghai time and bounds them at local midnight', () => {
    // 2026-01-31 17:00 UTC is already 1 February in Shanghai.
    const window = monthWindow(new Date('2026-01-31T17:00:00Z'), 3);
    expect(window.months).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(window.from.toISOString()).toBe('2025-11-30T16:00:00.000Z');
    expect(window.to.toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(monthWindow(new Date('2026-03-15T04:00:00Z'), 1).months).toEqual(['2026-03']);
  });
});

describe('scores', () => {
  it('weighs units by reason (unknown reasons as other) and floors the score at 0', () => {
    const weights = { defective: 1.5, other: 0.5 };
    expect(weighReturns({ defective: 4, mystery: 2 }, weights)).toBe(7);
    expect(scoreOf(7, 100)).toBe(93);
    expect(scoreOf(30, 20)).toBe(0);
    expect(scoreOf(0, 0)).toBeNull();
    expect(scoreOf(1, 3)).toBe(66.67);
  });
});
