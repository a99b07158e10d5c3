import { DAY_MS } from '../../../platform/clock.js';
/**
 * The weighing rules of fresh (catch-weight) goods, as pure functions: how a line's weighed-out
 * weight is shared over the stock rows it was picked from, and whether the loss since weighing in
 * is normal. Fresh goods dry out, so some loss a day is expected; above the tolerance someone answers.
 */

/** The units of one order line taken from one stock row, with what the row weighed in per unit (null: unknown). */
export type PickedUnits = { lineNo: number; stockId: string; quantity: number; kgPerUnit: number | null };

/** `line|stock row`, the key of a share of a line's weight. */
export function pickKey(lineNo: number, stockId: string): string {
  return `${lineNo}|${stockId}`;
}

/** Rounds to grams, as weights are stored. */
export function roundKg(kg: number): number {
  return Math.round(kg * 1000) / 1000;
}

/**
 * Shares each weighed line's weight over its picks in proportion to what they weighed in (a pick of
 * unknown weight counts the line's mean weight per unit; a line with no known weight at all is
 * shared by units). The last pick of a line takes the rounding, so the shares add up to the line.
 * Returns the share per `pickKey`; lines without a weight are left out.
 *
 * @example splitWeighedOut([{ lineNo: 1, stockId: 'a', quantity: 2, kgPerUnit: 3 },
 *   { lineNo: 1, stockId: 'b', quantity: 2, kgPerUnit: 1 }], new Map([[1, 6]])) // a → 4.5, b → 1.5
 */
export function splitWeighedOut(picks: PickedUnits[], lineWeights: Map<number, number>): Map<string, number> {
  const shares = new Map<string, number>();
  for (const [lineNo, weight] of lineWeights) {
    const own = picks.filter((pick) => pick.lineNo === lineNo);
    if (own.length === 0) continue;
    const known = own.filter((pick) => pick.kgPerUnit !== null);
    const knownUnits = known.reduce((sum, pick) => sum + pick.quantity, 0);
    const meanKgPerUnit =
      knownUnits > 0 ? known.reduce((sum, pick) => sum + pick.kgPerUnit! * pick.quantity, 0) / knownUnits : 1;
    const expected = own.map((pick) => (pick.kgPerUnit ?? meanKgPerUnit) * pick.quantity);
    const total = expected.reduce((sum, kg) => sum + kg, 0);
    let left = weight;
    own.forEach((pick, index) => {
      const share =
        index === own.length - 1
          ? roundKg(left)
          : roundKg(total > 0 ? (weight * expected[index]!) / total : weight / own.length);
      shares.set(pickKey(lineNo, pick.stockId), share);
      left -= share;
    });
  }
  return shares;
}

/** What one weighing out says against the weighing in. */
export type WeightLoss = {
  /** Days since weighing in (never negative). */
  days: number;
  /** (in − out) / in; a gain is negative. */
  lossRatio: number;
  /** tolerance per day × days, at most 1. */
  allowedRatio: number;
  overTolerance: boolean;
};

/**
 * Judges a loss: `lossRatio > min(1, tolerancePerDay × days)` is over tolerance; a gain never is.
 * Ratios are rounded to 6 decimals and days to 3, as stored, before they are compared.
 *
 * @example judgeWeightLoss({ weighedInKg: 18, weighedOutKg: 15, days: 2, tolerancePerDay: 0.05 })
 *   // { days: 2, lossRatio: 0.166667, allowedRatio: 0.1, overTolerance: true }
 */
export function judgeWeightLoss(input: {
  weighedInKg: number;
  weighedOutKg: number;
  days: number;
  tolerancePerDay: number;
}): WeightLoss {
  const days = Math.round(Math.max(input.days, 0) * 1000) / 1000;
  const lossRatio =
    input.weighedInKg > 0 ? round6((input.weighedInKg - input.weighedOutKg) / input.weighedInKg) : 0;
  const allowedRatio = round6(Math.min(1, input.tolerancePerDay * days));
  return { days, lossRatio, allowedRatio, overTolerance: lossRatio > allowedRatio };
}

/** Days between two instants, as a fraction. */
export function daysBetween(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / DAY_MS;
}

function round6(value: number): number {
  return Math.round(value * 1_000_000) / 1_000_000;
}
