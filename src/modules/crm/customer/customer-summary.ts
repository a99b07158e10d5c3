/**
 * The customer summary's shape, from counts per kind and per intent tier, however they were counted:
 * live over the customers or from the kept counts (pure).
 */
import type { CustomerSummary, CustomerSummaryQuery } from './customer.contract.js';

/** Counts per value of one facet; a null key is "no intent tier". */
export type FacetCount = { key: string | null; n: number };

/** The summary from counts by kind (without the kind filter) and by tier (without the tier filter). */
export function toSummary(
  kinds: FacetCount[],
  tiers: FacetCount[],
  query: CustomerSummaryQuery,
): CustomerSummary {
  const byKind = { business: 0, consumer: 0, government: 0 };
  for (const row of kinds)
    if (row.key !== null && row.key in byKind) byKind[row.key as keyof typeof byKind] += row.n;
  const byIntentTier = { A: 0, B: 0, C: 0, D: 0, none: 0 };
  for (const row of tiers) {
    const key = (row.key ?? 'none') as keyof typeof byIntentTier;
    if (key in byIntentTier) byIntentTier[key] += row.n;
  }
  const total = query.kind
    ? byKind[query.kind]
    : query.intentTier
      ? query.intentTier.reduce((sum, tier) => sum + byIntentTier[tier], 0)
      : byKind.business + byKind.consumer + byKind.government;
  return { total, byKind, byIntentTier };
}

/**
 * The kept counts answer a summary whose filters are only kind, intent tier, owner, pool and
 * ownership (with the actor's scope); any other filter needs the customers themselves.
 */
export function isServedByKeptCounts(query: CustomerSummaryQuery): boolean {
  return (
    !query.q &&
    !query.search &&
    !query.name &&
    !query.tag &&
    !query.satisfactionTier &&
    !query.valueTier &&
    !query.persona
  );
}

/**
 * Counts per (kind, intent tier) group — tier `''` for none, a group possibly listed more than once —
 * as the two facets of the summary: kinds over the tier filter, tiers over the kind filter.
 */
export function facetsOfGroups(
  groups: { kind: string; intentTier: string; n: number }[],
  query: CustomerSummaryQuery,
): { kinds: FacetCount[]; tiers: FacetCount[] } {
  const tierOf = (group: { intentTier: string }) => (group.intentTier === '' ? 'none' : group.intentTier);
  const tierMatches = (group: { intentTier: string }) =>
    !query.intentTier || (query.intentTier as string[]).includes(tierOf(group));
  return {
    kinds: groups.filter(tierMatches).map((group) => ({ key: group.kind, n: group.n })),
    tiers: groups
      .filter((group) => !query.kind || group.kind === query.kind)
      .map((group) => ({ key: group.intentTier === '' ? null : group.intentTier, n: group.n })),
  };
}
