/**
 * The unified social credit code (统一社会信用代码, USCC) of GB 32100-2015: 18 characters that
 * identify a Chinese legal entity, the strongest duplicate-matching key for businesses and agencies.
 *
 * Only the GB 32100 check character (the 18th) is verified. Positions 9–17 hold the organisation
 * code with its own GB 11714 check digit, but that one is not checked: many codes were converted from
 * legacy registrations, not all of whose organisation codes satisfy it, and rejecting those would
 * reject real, registered companies; GB 32100 makes only the 18th character the code's own check.
 * The registration-authority and entity-type characters (positions 1–2) are not checked either,
 * since new values are added by regulation faster than we would update a list.
 */

/** The 31 characters a USCC may contain (no I, O, S, V, Z), in the order of their values 0–30. */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

// 3^i mod 31 for i = 0..16: every weight is non-zero modulo the prime 31, which is why any single
// substituted character and any swap of two adjacent different characters change the check.
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const USCC_LENGTH = 18;
const USCC_PATTERN = /^[0-9A-HJ-NPQRTUWXY]+$/u;

/** Why a text is not a USCC: wrong length, a character outside the alphabet, or a wrong check character. */
export type UsccInvalidReason = 'length' | 'characters' | 'check_character';

/** The outcome of validating a USCC: the normalised code, or the first reason it is not one. */
export type UsccValidation = { ok: true; value: string } | { ok: false; reason: UsccInvalidReason };

/**
 * Computes the 18th (check) character for the first 17 characters of a USCC, which must already be
 * upper-case characters of the alphabet (a RangeError otherwise: it is a programming mistake).
 *
 * @example usccCheckCharacter('91350100M000100Y4') // '3'
 */
export function usccCheckCharacter(first17: string): string {
  if (first17.length !== USCC_LENGTH - 1 || !USCC_PATTERN.test(first17)) {
    throw new RangeError(`expected 17 characters of ${USCC_ALPHABET}, got "${first17}"`);
  }
  let sum = 0;
  for (let i = 0; i < USCC_WEIGHTS.length; i++) {
    sum += USCC_ALPHABET.indexOf(first17.charAt(i)) * USCC_WEIGHTS[i]!;
  }
  // 31 - (sum mod 31) is 31 when the sum is a multiple of 31; the standard maps that to value 0.
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/**
 * Validates a USCC after NFKC (full-width → half-width), trimming and upper-casing, and returns the
 * normalised code or why it is not one.
 *
 * @example validateUscc(' ９１３５０１００m０００１００y４３ ') // { ok: true, value: '91350100M000100Y43' }
 */
export function validateUscc(raw: string): UsccValidation {
  const value = raw.normalize('NFKC').trim().toUpperCase();
  if (value.length !== USCC_LENGTH) return { ok: false, reason: 'length' };
  if (!USCC_PATTERN.test(value)) return { ok: false, reason: 'characters' };
  if (usccCheckCharacter(value.slice(0, -1)) !== value.slice(-1)) {
    return { ok: false, reason: 'check_character' };
  }
  return { ok: true, value };
}

/** Tells whether text is a valid USCC once normalised as by `validateUscc`. */
export function isValidUscc(raw: string): boolean {
  return validateUscc(raw).ok;
}
