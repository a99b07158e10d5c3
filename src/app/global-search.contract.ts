/** `GET /api/search`: one box across customers, contacts, persons, leads and outbound orders. */
import { z } from 'zod';

/** What the box searches, in the order its groups show. */
export const SEARCH_TYPES = ['customers', 'contacts', 'persons', 'leads', 'orders'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export const GlobalSearchQuery = z.object({
  q: z.string().trim().min(1).max(100),
  /** Hits per group. */
  limit: z.coerce.number().int().min(1).max(20).default(5),
});
export type GlobalSearchQuery = z.infer<typeof GlobalSearchQuery>;

export const SearchHit = z.object({
  id: z.uuid(),
  /** The name or reference, as a list would show it. */
  title: z.string(),
  /** A second line of plain values (no codes to translate): the region, the account, a phone or email. */
  subtitle: z.string().nullable(),
  /** The web address of the record's page. */
  path: z.string(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchGroup = z.object({
  type: z.enum(SEARCH_TYPES),
  items: z.array(SearchHit),
  /** More hits than shown: the group's own list, filtered by the same text, has them. */
  more: z.boolean(),
});
export type SearchGroup = z.infer<typeof SearchGroup>;

/** Only the groups the actor may read, each in the actor's data scope; empty groups are left out. */
export const GlobalSearchResult = z.object({ q: z.string(), groups: z.array(SearchGroup) });
export type GlobalSearchResult = z.infer<typeof GlobalSearchResult>;
