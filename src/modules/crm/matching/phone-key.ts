/**
 * Phone numbers as duplicate-matching keys: every way people write the same number (spaces, dashes,
 * `+86`/`0086`/`86` prefixes, full-width digits, a trunk `0`) collapses to one E.164 string.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

// Chinese extension markers ("转 801", "分机 801") are not understood by libphonenumber, which then
// rejects the whole text; as `ext` it parses the number and sets the extension aside.
const EXTENSION_WORDS = /转|轉|分机|分機|内线|內線/gu;
// Separators libphonenumber does not accept between digits (it fails on tabs, newlines, `_` and
// middle dots) but people paste from spreadsheets and business cards.
const LOOSE_SEPARATORS = /[\s_·•・、]+/gu;
const PHONE_SHAPE = /^[\d\s()+\-./]+(?:\s*(?:ext\.?|x|#)\s*\d{1,6})?$/iu;

function cleanPhoneText(raw: string): string {
  return raw.normalize('NFKC').replace(EXTENSION_WORDS, ' ext ').replace(LOOSE_SEPARATORS, ' ').trim();
}

/**
 * Returns the E.164 form of a phone number, or undefined when it is not a valid number; an
 * extension is dropped so a switchboard matches whoever is reached through it.
 *
 * @example phoneKey('(+86) 138 0013 8000') // '+8613800138000'
 */
export function phoneKey(raw: string, defaultRegion: CountryCode = 'CN'): string | undefined {
  const text = cleanPhoneText(raw);
  if (text === '') return undefined;
  // Only valid numbers get a key: a CN local landline written without its area code (`62345678`)
  // would otherwise match the same digits in every other city. Hence the "max" metadata too: the
  // default "min" one only checks lengths and calls a 10-digit typo of a mobile number valid.
  // Digits without `+` that start with the default region's calling code (`8613800138000`) are
  // recognised by libphonenumber itself. Other calling codes are deliberately not guessed: retrying
  // as `+` + digits turns a few percent of 8-digit CN local numbers into "valid" foreign ones.
  const parsed = parsePhoneNumberFromString(text, defaultRegion);
  return parsed?.isValid() ? parsed.number : undefined;
}

/**
 * Tells whether text is shaped like a phone number (digits, phone punctuation, an optional
 * extension, 5 to 20 digits) whether or not it is a real one, so an import can report "not a valid
 * number" apart from "not a phone number at all".
 */
export function isPhoneLike(raw: string): boolean {
  const text = cleanPhoneText(raw);
  const digits = text.replace(/\D/gu, '').length;
  return digits >= 5 && digits <= 20 && PHONE_SHAPE.test(text);
}
