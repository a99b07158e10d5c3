/**
 * The scorecard arithmetic, free of the database: the window's months, and a supplier's monthly and
 * overall figures from returned and received units.
 *
 * weightedReturns = Σ weight(reason) × units returned;
 * score = max(0, 100 − 100 × weightedReturns / received), null without receipts.
 */
import type { ScorecardMonth, SupplierScorecard } from './scorecard.contract.js';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** Return reason weights by reason; a reason without a weight counts as `other`. */
export type ReasonWeights = Record<string, number>;

/** One sum of the repository: units of a supplier in a month (and, for returns, a reason). */
export type MonthSum = { supplierId: string; month: string; reason?: string | null; quantity: number };

/**
 * The last `count` months up to the one `now` falls in (Asia/Shanghai), oldest first, with the
 * instants that bound them: `from` is the first month's start, `to` the next month's start.
 */
export function monthWindow(now: Date, count: number): { months: string[]; from: Date; to: Date } {
  const local = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth();
  const months: string[] = [];
  for (let back = count - 1; back >= 0; back--) {
    const first = new Date(Date.UTC(year, month - back, 1));
    months.push(first.toISOString().slice(0, 7));
  }
  const start = (y: number, m: number) => new Date(Date.UTC(y, m, 1) - SHANGHAI_OFFSET_MS);
  return { months, from: start(year, month - count + 1), to: start(year, month + 1) };
}

/** Σ weight × units over a by-reason map. */
export function weighReturns(byReason: Record<string, number>, weights: ReasonWeights): number {
  const total = Object.entries(byReason).reduce(
    (sum, [reason, units]) => sum + (weights[reason] ?? weights.other ?? 1) * units,
    0,
  );
  return round(total, 3);
}

/** 100 − 100 × weighted / received floored at 0 (two decimals); null without receipts. */
export function scoreOf(weightedReturns: number, received: number): number | null {
  if (received <= 0) return null;
  return round(Math.max(0, 100 - (100 * weightedReturns) / received), 2);
}

/** A supplier's scorecard over `months` from the sums that concern it. */
export function buildScorecard(
  supplier: { id: string; code: string; name: string },
  months: string[],
  weights: ReasonWeights,
  returned: MonthSum[],
  received: MonthSum[],
): SupplierScorecard {
  const monthly: ScorecardMonth[] = months.map((month) => {
    const byReason: Record<string, number> = {};
    for (const row of returned) {
      if (row.month !== month) continue;
      const reason = row.reason ?? 'other';
      byReason[reason] = (byReason[reason] ?? 0) + row.quantity;
    }
    const receivedQuantity = received
      .filter((row) => row.month === month)
      .reduce((sum, row) => sum + row.quantity, 0);
    const weightedReturns = weighReturns(byReason, weights);
    return {
      month,
      receivedQuantity,
      returnedQuantity: Object.values(byReason).reduce((sum, units) => sum + units, 0),
      byReason,
      weightedReturns,
      score: scoreOf(weightedReturns, receivedQuantity),
    };
  });
  const byReason: Record<string, number> = {};
  for (const month of monthly) {
    for (const [reason, units] of Object.entries(month.byReason)) {
      byReason[reason] = (byReason[reason] ?? 0) + units;
    }
  }
  const receivedQuantity = monthly.reduce((sum, month) => sum + month.receivedQuantity, 0);
  const weightedReturns = weighReturns(byReason, weights);
  return {
    supplierId: supplier.id,
    code: supplier.code,
    name: supplier.name,
    receivedQuantity,
    returnedQuantity: monthly.reduce((sum, month) => sum + month.returnedQuantity, 0),
    byReason,
    weightedReturns,
    score: scoreOf(weightedReturns, receivedQuantity),
    months: monthly,
  };
}

/** Worst first: no score (returns without receipts) first, then by score ascending, then by code. */
export function compareScorecards(a: SupplierScorecard, b: SupplierScorecard): number {
  const scoreA = a.score ?? -1;
  const scoreB = b.score ?? -1;
  return scoreA - scoreB || a.code.localeCompare(b.code);
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
