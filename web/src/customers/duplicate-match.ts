/**
 * How a duplicate's shared key reads. Names are matched by their company key (legal form such as
 * 有限公司 / Ltd, case and punctuation left out), so two names that only share the key are "similar",
 * not "the same": the badge says which, and what was ignored.
 */

/** The text two names are compared by to call them the same: width, case and spaces aside. */
const comparable = (name: string): string => name.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/** The `matchedOn` label key for one shared key: `name` or `similarName` for names, else the key. */
export function matchLabelKey<K extends string>(key: K, mine: string, theirs: string): K | 'similarName' {
  if (key !== 'name' || comparable(mine) === comparable(theirs)) return key;
  return 'similarName';
}
