/**
 * The learned win probability of a deal: a naive Bayes model over the facts of a deal at a stage
 * (stage, customer kind, source, intent and value tier, industry, region, amount band, days in stage),
 * counted from the tenant's closed deals. Each closed deal teaches one example per stage it passed
 * through — "deals that were in POC for 10 days won 7 times in 9" — so the stage of an open deal
 * means the same thing in training and in scoring, and the close stage never leaks the outcome.
 *
 * The model explains itself: every fact adds its log-likelihood ratio to the prior's log-odds, so the
 * facts with the largest positive ratios are the ones that raised the probability most, and the most
 * negative ones lowered it most. Below `MIN_CLOSED_DEALS` closed deals it declines to guess.
 *
 * Pure: no table, no query, no clock.
 */

/** The facts the model reads, in the order explanations list ties. */
export const WIN_FEATURES = [
  'stage',
  'kind',
  'source',
  'intentTier',
  'valueTier',
  'industry',
  'region',
  'amountBand',
  'daysInStageBand',
] as const;
export type WinFeature = (typeof WIN_FEATURES)[number];

/** One deal's facts; a missing fact is `null` and counts as its own value, "unknown". */
export type WinFacts = Record<WinFeature, string | null>;

/** A closed deal's facts at one stage it passed through, and how the deal ended. */
export type WinExample = { facts: WinFacts; won: boolean };

/** Fewer closed deals than this and the model says it has too little history. */
export const MIN_CLOSED_DEALS = 20;

/** Laplace smoothing: every value is seen once more in each outcome than it was. */
const ALPHA = 1;

/** How many reasons each way an explanation gives. */
const REASONS_EACH_WAY = 3;

/** Won and lost counts of one fact's value. */
export type OutcomeCounts = { won: number; lost: number };

/** The trained model, JSON-safe so it can be stored and reloaded. */
export type WinModel = {
  /** Distinct closed deals the examples came from. */
  closedDeals: number;
  /** Examples by outcome. */
  totals: OutcomeCounts;
  /** Per fact, per value, the examples by outcome. */
  counts: Record<WinFeature, Record<string, OutcomeCounts>>;
};

/** A fact that moved the probability, with the history behind it. */
export type WinReason = {
  feature: WinFeature;
  value: string;
  /** The fact's log-likelihood ratio: > 0 raised the probability, < 0 lowered it. */
  weight: number;
  /** Of the closed examples with this value, how many won and how many there were. */
  won: number;
  closed: number;
};

/** The automated probability with its explanation, or why there is none. */
export type WinEstimate =
  | { status: 'ok'; probability: number; raised: WinReason[]; lowered: WinReason[]; closedDeals: number }
  | { status: 'too_little_history'; closedDeals: number; needed: number };

const UNKNOWN = 'unknown';

const valueOf = (facts: WinFacts, feature: WinFeature): string => facts[feature] ?? UNKNOWN;

/** An empty model (no closed deals yet). */
function emptyModel(): WinModel {
  const counts = {} as WinModel['counts'];
  for (const feature of WIN_FEATURES) counts[feature] = {};
  return { closedDeals: 0, totals: { won: 0, lost: 0 }, counts };
}

/** Counts the examples; `closedDeals` is how many distinct closed deals they came from. */
export function trainWinModel(examples: Iterable<WinExample>, closedDeals: number): WinModel {
  const model = emptyModel();
  model.closedDeals = closedDeals;
  for (const example of examples) {
    const outcome = example.won ? 'won' : 'lost';
    model.totals[outcome] += 1;
    for (const feature of WIN_FEATURES) {
      const value = valueOf(example.facts, feature);
      const byValue = model.counts[feature];
      const counts = (byValue[value] ??= { won: 0, lost: 0 });
      counts[outcome] += 1;
    }
  }
  return model;
}

/**
 * P(value | outcome) with Laplace smoothing over the values seen for the fact plus one for values
 * never seen, so an unseen value is neutral-ish rather than impossible.
 */
function likelihood(model: WinModel, feature: WinFeature, value: string, outcome: 'won' | 'lost'): number {
  const byValue = model.counts[feature];
  const distinct = Object.keys(byValue).length + (value in byValue ? 0 : 1);
  const seen = byValue[value]?.[outcome] ?? 0;
  return (seen + ALPHA) / (model.totals[outcome] + ALPHA * distinct);
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** The probability that a deal with these facts is won, with the facts that moved it most. */
export function estimateWin(model: WinModel, facts: WinFacts): WinEstimate {
  if (model.closedDeals < MIN_CLOSED_DEALS) {
    return { status: 'too_little_history', closedDeals: model.closedDeals, needed: MIN_CLOSED_DEALS };
  }
  const { won, lost } = model.totals;
  let logOdds = Math.log((won + ALPHA) / (lost + ALPHA));
  const reasons: WinReason[] = [];
  for (const feature of WIN_FEATURES) {
    const value = valueOf(facts, feature);
    const weight =
      Math.log(likelihood(model, feature, value, 'won')) -
      Math.log(likelihood(model, feature, value, 'lost'));
    logOdds += weight;
    const counts = model.counts[feature][value] ?? { won: 0, lost: 0 };
    reasons.push({ feature, value, weight, won: counts.won, closed: counts.won + counts.lost });
  }
  const strongestFirst = (a: WinReason, b: WinReason) => Math.abs(b.weight) - Math.abs(a.weight);
  return {
    status: 'ok',
    probability: sigmoid(logOdds),
    raised: reasons
      .filter((r) => r.weight > 0)
      .sort(strongestFirst)
      .slice(0, REASONS_EACH_WAY),
    lowered: reasons
      .filter((r) => r.weight < 0)
      .sort(strongestFirst)
      .slice(0, REASONS_EACH_WAY),
    closedDeals: model.closedDeals,
  };
}

/** Amount bands in major units of the deal's currency: small, medium, large, very large. */
export function amountBand(amountMinor: number | null): string | null {
  if (amountMinor === null) return null;
  const major = amountMinor / 100;
  if (major < 10_000) return '<10k';
  if (major < 100_000) return '10k-100k';
  if (major < 1_000_000) return '100k-1M';
  return '>=1M';
}

/** Days-in-stage bands: a week, a month, a quarter, longer. */
export function daysInStageBand(days: number): string {
  if (days <= 7) return '0-7';
  if (days <= 30) return '8-30';
  if (days <= 90) return '31-90';
  return '>90';
}

/** A reason in one English sentence, for logs, exports and API clients without the web app's texts. */
export function describeWinReason(reason: WinReason): string {
  const rate = reason.closed ? Math.round((100 * reason.won) / reason.closed) : 0;
  const verb = reason.weight > 0 ? 'raises' : 'lowers';
  const history = reason.closed
    ? `closed deals with it won ${reason.won} of ${reason.closed} (${rate}%)`
    : 'no closed deal had it yet';
  return `${reason.feature} = ${reason.value} ${verb} the chance: ${history}`;
}
