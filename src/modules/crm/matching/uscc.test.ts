import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidUscc, USCC_ALPHABET, usccCheckCharacter, validateUscc } from './uscc.js';

// Real codes. For the first two the weighted sums were also worked out by hand: 1640 and 462, both
// ≡ 28 (mod 31), so the check character is 31 − 28 = 3.
const REAL_CODES = ['91350100M000100Y43', '911100001000080343', '91110000802100433B', '91310000MA1FL1MMXL'];

const alphabetChar = fc.constantFrom(...USCC_ALPHABET);
const first17 = fc.string({ unit: alphabetChar, minLength: 17, maxLength: 17 });
const validCode = first17.map((head) => head + usccCheckCharacter(head));

describe('usccCheckCharacter', () => {
  it.each(REAL_CODES)('gives the check character of the real code %s', (code) => {
    expect(usccCheckCharacter(code.slice(0, 17))).toBe(code.slice(17));
  });

  it('maps a weighted sum that is a multiple of 31 to 0, not to 31', () => {
    expect(usccCheckCharacter('00000000000000000')).toBe('0');
    // '1' (1) at weight 1 plus 'A' (10) at weight 3 sum to 31.
    expect(usccCheckCharacter('1A000000000000000')).toBe('0');
    // 'Y' (30) at weight 1: 31 − 30 = 1.
    expect(usccCheckCharacter('Y0000000000000000')).toBe('1');
  });

  it.each([
    ['too short', '91350100M000100Y'],
    ['too long', '91350100M000100Y43'],
    ['lower case', '91350100m000100y4'],
    ['a letter outside the alphabet', '91350100O000100Y4'],
  ])('throws a RangeError for input that is %s', (_label, input) => {
    expect(() => usccCheckCharacter(input)).toThrow(RangeError);
  });
});

describe('validateUscc', () => {
  it.each(REAL_CODES)('accepts the real code %s', (code) => {
    expect(validateUscc(code)).toEqual({ ok: true, value: code });
  });

  it.each([
    ['surrounding spaces', '  91350100M000100Y43\t', '91350100M000100Y43'],
    ['lower case', '91350100m000100y43', '91350100M000100Y43'],
    ['full-width characters', '９１３５０１００Ｍ０００１００Ｙ４３', '91350100M000100Y43'],
    [
      'full-width lower case and an ideographic space',
      '　９１３１００００ｍａ１ｆｌ１ｍｍｘｌ　',
      '91310000MA1FL1MMXL',
    ],
  ])('normalises %s', (_label, raw, value) => {
    expect(validateUscc(raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['empty', '', 'length'],
    ['17 characters', '91350100M000100Y4', 'length'],
    ['19 characters', '91350100M000100Y433', 'length'],
    ['inner spaces', '9135 0100 M000 100Y 43', 'length'],
    ['the legacy 15-digit business licence number', '110000000000001', 'length'],
    ['I (not in the alphabet)', '91350100I000100Y43', 'characters'],
    ['O (not in the alphabet)', '91350100O000100Y43', 'characters'],
    ['S (not in the alphabet)', '91350100S000100Y43', 'characters'],
    ['V (not in the alphabet)', '91350100V000100Y43', 'characters'],
    ['Z (not in the alphabet)', '91350100Z000100Y43', 'characters'],
    ['a hyphen', '91350100-000100Y43', 'characters'],
    ['a Chinese character', '91350100中000100Y43', 'characters'],
    ['a wrong check character', '91350100M000100Y44', 'check_character'],
    ['a mistyped digit', '911100001000080353', 'check_character'],
    ['two swapped digits', '911100000100080343', 'check_character'],
  ] as const)('rejects %s', (_label, raw, reason) => {
    expect(validateUscc(raw)).toEqual({ ok: false, reason });
  });

  it('does not check the GB 11714 organisation code inside (positions 9–17)', () => {
    // 12345678-1 is not a valid organisation code (GB 11714 gives 12345678-0), yet with the right
    // GB 32100 check character the whole code is accepted, as legacy conversions require.
    const head = '91110000123456781';
    expect(isValidUscc(head + usccCheckCharacter(head))).toBe(true);
  });
});

describe('isValidUscc', () => {
  it.each([
    ['91350100M000100Y43', true],
    [' 911100001000080343 ', true],
    ['911100001000080344', false],
    ['not a code', false],
  ])('%s → %s', (raw, expected) => {
    expect(isValidUscc(raw)).toBe(expected);
  });
});

describe('USCC properties', () => {
  it('any 17 alphabet characters followed by their check character form a valid code', () => {
    fc.assert(
      fc.property(validCode, (code) => {
        expect(validateUscc(code)).toEqual({ ok: true, value: code });
      }),
    );
  });

  it('lower-case and full-width spellings of a valid code validate to the same code', () => {
    const fullWidth = (text: string) =>
      text.replace(/[0-9A-Z]/gu, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));
    fc.assert(
      fc.property(validCode, (code) => {
        expect(validateUscc(code.toLowerCase())).toEqual({ ok: true, value: code });
        expect(validateUscc(fullWidth(code))).toEqual({ ok: true, value: code });
      }),
    );
  });

  // Every weight is a power of 3 modulo the prime 31, so non-zero: a change d ≠ 0 at one position
  // changes the sum by weight·d ≢ 0 (mod 31), and the check character no longer fits.
  it('detects every single-character substitution, check character included', () => {
    fc.assert(
      fc.property(validCode, fc.nat({ max: 17 }), fc.nat({ max: 29 }), (code, position, shift) => {
        const old = USCC_ALPHABET.indexOf(code.charAt(position));
        const replacement = USCC_ALPHABET.charAt((old + 1 + shift) % 31);
        const changed = code.slice(0, position) + replacement + code.slice(position + 1);
        expect(changed).not.toBe(code);
        expect(validateUscc(changed)).toEqual({ ok: false, reason: 'check_character' });
      }),
    );
  });

  // Swapping positions i and i+1 changes the sum by (a − b)(wᵢ − wᵢ₊₁) = −2·3ⁱ(a − b), never 0 mod 31;
  // for the last pair the check character acts with weight 1 against 28.
  it('detects every swap of two adjacent different characters', () => {
    fc.assert(
      fc.property(validCode, fc.nat({ max: 16 }), (code, position) => {
        const a = code.charAt(position);
        const b = code.charAt(position + 1);
        fc.pre(a !== b);
        const swapped = code.slice(0, position) + b + a + code.slice(position + 2);
        expect(isValidUscc(swapped)).toBe(false);
      }),
    );
  });
});
