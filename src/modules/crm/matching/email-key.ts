/**
 * Email addresses as duplicate-matching keys: the same mailbox typed on a phone, a Chinese IME or a
 * business card collapses to one lower-case string.
 */

// NFKC already turns `＠` and `．` into `@` and `.`; the ideographic full stop is not a compatibility
// character, yet Chinese IMEs type it in place of the dot.
const IDEOGRAPHIC_FULL_STOP = /。/gu;
// One `@`, a non-empty local part and a domain of at least two non-empty labels; deliberately loose
// (no RFC 5322) because the key only has to tell addresses apart, not deliver mail.
const EMAIL_SHAPE = /^[^\s@]+@(?:[^\s@.]+\.)+[^\s@.]+$/u;

/**
 * Returns the trimmed, lower-cased address, or undefined when the text is empty or not shaped like
 * an email address.
 *
 * @example emailKey(' Zhang.San＠Example。COM ') // 'zhang.san@example.com'
 */
export function emailKey(raw: string): string | undefined {
  // The local part is lower-cased although RFC 5321 lets it be case-sensitive: no mail provider our
  // customers use treats it so, and people type it in any case. Provider rules (Gmail dots, `+tags`)
  // are not applied: on other providers they would merge different people.
  const text = raw
    .normalize('NFKC')
    .replace(IDEOGRAPHIC_FULL_STOP, '.')
    .trim()
    .replace(/^mailto:/iu, '')
    .toLowerCase();
  return EMAIL_SHAPE.test(text) ? text : undefined;
}
