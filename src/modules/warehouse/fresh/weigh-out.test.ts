import { describe, expect, it } from 'vitest';
import { judgeWeightLoss, pickKey, splitWeighedOut } from './weigh-out.js';

describe('splitWeighedOut', () => {
  it('shares a line by what its picks weighed in; the last pick takes the rounding', () => {
    const shares = splitWeighedOut(
      [
        { lineNo: 1, stockId: 'a', quantity: 10, kgPerUnit: 4.5 },
        { lineNo: 1, stockId: 'b', quantity: 4, kgPerUnit: 4 },
        { lineNo: 2, stockId: 'a', quantity: 1, kgPerUnit: 4.5 },
      ],
      new Map([[1, 55]]),
    );
    expect(shares).toEqual(
      new Map([
        [pickKey(1, 'a'), 40.574],
        [pickKey(1, 'b'), 14.426],
      ]),
    );
  });

  it('counts a pick of unknown weight at the line mean, and shares by units when nothing is known', () => {
    const mixed = splitWeighedOut(
      [
        { lineNo: 1, stockId: 'a', quantity: 2, kgPerUnit: 3 },
        { lineNo: 1, stockId: 'b', quantity: 2, kgPerUnit: null },
      ],
      new Map([[1, 10]]),
    );
    expect([...mixed.values()]).toEqual([5, 5]);
    const unknown = splitWeighedOut(
      [
        { lineNo: 1, stockId: 'a', quantity: 1, kgPerUnit: null },
        { lineNo: 1, stockId: 'b', quantity: 3, kgPerUnit: null },
      ],
      new Map([[1, 2]]),
    );
    expect([...unknown.values()]).toEqual([0.5, 1.5]);
  });
});

describe('judgeWeightLoss', () => {
  it('allows the tolerance per day times the days, at most everything', () => {
    const at = (weighedOutKg: number, days: number, tolerancePerDay = 0.05) =>
      judgeWeightLoss({ weighedInKg: 18, weighedOutKg, days, tolerancePerDay });
    expect(at(17, 2)).toEqual({ days: 2, lossRatio: 0.055556, allowedRatio: 0.1, overTolerance: false });
    expect(at(15, 2)).toEqual({ days: 2, lossRatio: 0.166667, allowedRatio: 0.1, overTolerance: true });
    expect(at(16.2, 2).overTolerance).toBe(false); // exactly the allowance is normal
    expect(at(0, 40).allowedRatio).toBe(1);
    expect(at(0, 40).overTolerance).toBe(false);
    expect(at(19, 0)).toMatchObject({ lossRatio: -0.055556, overTolerance: false });
    expect(at(17.9, -1)).toMatchObject({ days: 0, allowedRatio: 0, overTolerance: true });
  });
});
