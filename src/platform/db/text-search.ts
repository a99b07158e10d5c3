/**
 * Substring search an index can serve in any script, Chinese included.
 *
 * A trigram index (`pg_trgm`) finds `ilike '%abc%'` from the pattern's three-character runs, so it
 * serves queries of three characters or more, and cannot serve the short queries Chinese search is
 * made of: `%张三%` has no run of three. A second index therefore holds the text with every character
 * written three times (`张三` -> `张张张三三三`): a one-character query `张` is then the whole trigram
 * `张张张`, and a two-character one `张三` is `张张三三`, whose trigrams `张张三` and `张三三` the tripled
 * text holds wherever the original holds `张三`. Both only narrow the candidates; callers keep the plain
 * `ilike` on the columns beside them, so the rows matched are exactly those of before.
 *
 * pg_trgm keeps only the characters the database's LC_CTYPE calls letters or digits: with a UTF-8
 * ctype (`C.UTF-8`, `en_US.UTF-8`, PGlite's) Chinese counts; under plain `C` it is dropped, and such
 * queries read the whole index (still correct, no longer fast).
 */
import { sql, type SQL } from 'drizzle-orm';

/** Escapes `%`, `_` and `\` for LIKE / ILIKE. */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `%text%` for ILIKE, escaped. */
export const containsPattern = (text: string): string => `%${escapeLike(text)}%`;

/** Every character written three times (by code point): `张三` -> `张张张三三三`. */
export const tripled = (text: string): string => Array.from(text, (c) => c.repeat(3)).join('');

/** The same in SQL over a text expression; an index on it must use this exact expression. */
export const tripledSql = (text: SQL): SQL => sql`regexp_replace(${text}, '(.)', '\\1\\1\\1', 'g')`;

/** Queries of this many characters or more are served by trigrams of the text itself. */
export const TRIGRAM_MIN_CHARS = 3;

/**
 * "`searched` contains `text`", case-insensitive, as the index that serves it wants it: an index on
 * `searched` for three characters or more, one on `tripledSql(searched)` for one or two.
 */
export function containsText(searched: SQL, text: string): SQL {
  const chars = Array.from(text);
  if (chars.length >= TRIGRAM_MIN_CHARS) return sql`${searched} ilike ${containsPattern(text)}`;
  const short = chars.length === 1 ? tripled(text) : chars.map((c) => c.repeat(2)).join('');
  return sql`${tripledSql(searched)} ilike ${containsPattern(short)}`;
}
