import { describe, expect, it } from 'vitest';
import { limitWait } from './limit-rule.js';

const rule = { max: 3, windowMs: 60_000, baseWaitMs: 5_000 };

describe('limitWait', () => {
  it('lets a key go until its max, then waits from the last hit, doubling up to the window', () => {
    expect(limitWait(rule, 2, 0, 0)).toBe(0);
    expect(limitWait(rule, 3, 1_000, 2_000)).toBe(4_000);
    expect(limitWait(rule, 4, 1_000, 1_000)).toBe(10_000);
    expect(limitWait(rule, 40, 0, 0)).toBe(60_000);
    expect(limitWait(rule, 3, 0, 6_000)).toBe(0);
  });
});
