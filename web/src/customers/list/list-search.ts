/**
 * The customer list's filters as they live in the address, and how they become an API query, a saved
 * view and an export link. Pure functions, so the page, the views menu and the router agree.
 */
import { queryString } from '../../api/client';
import type { CustomerFilters } from '../../api/queries';
import {
  CUSTOMER_KINDS,
  INTENT_TIERS,
  SATISFACTION_TIERS,
  SERVICE_PERSONAS,
  type CustomerKind,
  type ServicePersona,
} from '../../api/types';

/**
 * The search parameters of the customer list, named as the API names them. `intentTier` is a
 * comma list in a fixed order (`A,B,none`); `ownerUserId` is a user id or `me`, so a shared view of
 * "my customers" means each viewer's own; `sort` is absent for the default, newest first.
 */
export type CustomerListSearch = {
  kind?: CustomerKind;
  q?: string;
  intentTier?: string;
  satisfactionTier?: string;
  valueTier?: string;
  persona?: ServicePersona;
  ownerUserId?: string;
  ownership?: 'pool' | 'owned';
  poolId?: string;
  tag?: string;
  sort?: 'lastFollowUp';
};

/** An intent tier filter option: a tier, or `none` for customers without one. */
export type IntentTierOption = (typeof INTENT_TIERS)[number] | 'none';

/** The intent tier options in the order the chips show them. */
export const INTENT_TIER_OPTIONS: readonly IntentTierOption[] = [...INTENT_TIERS, 'none'];

/** The keys of the address that are filters (everything in it). */
export const LIST_SEARCH_KEYS = [
  'kind',
  'q',
  'intentTier',
  'satisfactionTier',
  'valueTier',
  'persona',
  'ownerUserId',
  'ownership',
  'poolId',
  'tag',
  'sort',
] as const satisfies readonly (keyof CustomerListSearch)[];

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const codePattern = /^[a-z][a-z0-9_]{0,31}$/;

const text = (value: unknown, max: number): string | undefined =>
  typeof value === 'string' && value.trim() !== '' && value.length <= max ? value : undefined;

/** Keeps the known members of a comma list, without repeats, in the order of `allowed`. */
function tierList(value: unknown, allowed: readonly string[]): string | undefined {
  if (typeof value !== 'string') return undefined;
  const chosen = new Set(value.split(',').map((part) => part.trim()));
  const kept = allowed.filter((option) => chosen.has(option));
  return kept.length > 0 ? kept.join(',') : undefined;
}

/**
 * The filters of an address (or of a saved view), with anything malformed dropped rather than sent to
 * the server, so an old bookmark never turns the list into an error.
 */
export function parseCustomerListSearch(search: Record<string, unknown>): CustomerListSearch {
  const owner = search.ownerUserId;
  const parsed: CustomerListSearch = {
    kind: CUSTOMER_KINDS.find((kind) => kind === search.kind),
    q: text(search.q, 100),
    intentTier: tierList(search.intentTier, INTENT_TIER_OPTIONS),
    satisfactionTier: tierList(search.satisfactionTier, [...SATISFACTION_TIERS, 'none']),
    valueTier:
      typeof search.valueTier === 'string' && codePattern.test(search.valueTier)
        ? search.valueTier
        : undefined,
    persona: SERVICE_PERSONAS.find((persona) => persona === search.persona),
    ownerUserId: owner === 'me' || (typeof owner === 'string' && uuidPattern.test(owner)) ? owner : undefined,
    ownership: search.ownership === 'pool' || search.ownership === 'owned' ? search.ownership : undefined,
    poolId: typeof search.poolId === 'string' && uuidPattern.test(search.poolId) ? search.poolId : undefined,
    tag: text(search.tag, 50),
    sort: search.sort === 'lastFollowUp' ? 'lastFollowUp' : undefined,
  };
  // Absent rather than undefined, so a parsed address compares and serialises like a hand-made one.
  for (const key of LIST_SEARCH_KEYS) if (parsed[key] === undefined) delete parsed[key];
  return parsed;
}

/** The chosen intent tiers of the address, e.g. `['A', 'none']`. */
export function chosenIntentTiers(search: CustomerListSearch): IntentTierOption[] {
  const chosen = new Set((search.intentTier ?? '').split(','));
  return INTENT_TIER_OPTIONS.filter((option) => chosen.has(option));
}

/** The API query for the address; `me` becomes the signed-in user's id. */
export function toApiFilters(search: CustomerListSearch, myUserId: string): CustomerFilters {
  const { ownerUserId, ...rest } = search;
  return {
    ...rest,
    ...(ownerUserId ? { ownerUserId: ownerUserId === 'me' ? myUserId : ownerUserId } : {}),
  };
}

/** True when any filter narrows the list (the order alone does not). */
export function isFiltered(search: CustomerListSearch): boolean {
  return LIST_SEARCH_KEYS.some((key) => key !== 'sort' && search[key] !== undefined);
}

/** The filters a saved view keeps: the address as plain strings (the order too). */
export function toViewFilters(search: CustomerListSearch): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of LIST_SEARCH_KEYS) {
    const value = search[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** True when a saved view's filters are exactly the address's, so the menu can name the view shown. */
export function isSameView(search: CustomerListSearch, filters: Record<string, string>): boolean {
  const view = toViewFilters(parseCustomerListSearch(filters));
  const current = toViewFilters(search);
  const keys = new Set([...Object.keys(view), ...Object.keys(current)]);
  return [...keys].every((key) => view[key] === current[key]);
}

/** The address of the CSV export of what the list shows (the export has its own order). */
export function exportHref(filters: CustomerFilters): string {
  const { sort: _sort, ...exported } = filters;
  return `/api/customers/export.csv${queryString(exported)}`;
}
