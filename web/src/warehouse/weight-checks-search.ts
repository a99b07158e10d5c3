/** The search parameters of the weight checks page, read from the address. */
import { pickStrings } from './warehouse-labels';

/** Filters of the weight checks page; `all` shows the normal losses too (flagged only by default). */
export type WeightChecksSearch = { warehouseId?: string; orderId?: string; all?: true };

/** Reads the weight check filters from the address; anything else is dropped. */
export function parseWeightChecksSearch(search: Record<string, unknown>): WeightChecksSearch {
  const strings = pickStrings(search, ['warehouseId', 'orderId']);
  return search.all === true || search.all === 'true' ? { ...strings, all: true } : strings;
}
