/**
 * The customer list's text search, a predicate like customer-scope.contract.ts's, shared by the list
 * and its summary; and the derived search column (pinyin initials) every write of a name keeps. SQL
 * builders only: the queries are in customer.repository.ts.
 */
import { and, ilike, like, or, type SQL } from 'drizzle-orm';
import { containsPattern, containsText } from '../../../platform/db/text-search.js';
import { customers, customerSearchText } from './customer.table.js';
import { looksLikeInitials, nameInitials } from './name-initials.js';

/** The row with its name's pinyin initials, the search column every write of a name keeps. */
export const withInitials = <T extends { name?: string }>(row: T): T =>
  row.name === undefined ? row : { ...row, nameInitials: nameInitials(row.name) };

/**
 * `q`: name, phone or email contains the text, case-insensitive. A trigram index finds the candidates
 * (`customers_search_idx`, or `customers_search_short_idx` for one or two characters); the plain ILIKE
 * keeps the answer exact. Latin letters alone may also be the pinyin initials the name starts with
 * (`hzyf` -> 杭州云帆…), found by prefix in `customers_initials_idx`.
 */
export function containing(text: string): SQL {
  const pattern = containsPattern(text);
  const found = and(
    containsText(customerSearchText(customers), text),
    or(ilike(customers.name, pattern), ilike(customers.phone, pattern), ilike(customers.email, pattern)),
  )!;
  if (!looksLikeInitials(text)) return found;
  return or(found, like(customers.nameInitials, `${text.toLowerCase()}%`))!;
}
