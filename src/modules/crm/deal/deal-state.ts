/** The customer's deal state, derived from its deals' outcomes. */

export type DealState = 'none' | 'open' | 'won' | 'lost';

/** Open if any deal is open, else won if any is won, else lost if any is lost, else none (invalid deals count for nothing). */
export function deriveDealState(outcomes: Iterable<string>): DealState {
  const seen = new Set(outcomes);
  if (seen.has('open')) return 'open';
  if (seen.has('won')) return 'won';
  if (seen.has('lost')) return 'lost';
  return 'none';
}
