import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPhoneLike, phoneKey } from './phone-key.js';

const MOBILE = '+8613800138000';
const fullWidth = (text: string) =>
  text.replace(/[0-9+]/gu, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));

describe('phoneKey', () => {
  it.each([
    '13800138000',
    '138-0013-8000',
    '138 0013 8000',
    '138.0013.8000',
    '+86 13800138000',
    '+8613800138000',
    '+86-138 0013 8000',
    '(+86) 138 0013 8000',
    '（+86）138 0013 8000',
    '(86)13800138000',
    '+86 (138) 0013-8000',
    '+86 0 138 0013 8000',
    '008613800138000',
    '00 86 138 0013 8000',
    '8613800138000',
    '86 138 0013 8000',
    '86-13800138000',
    '013800138000',
    '１３８００１３８０００',
    '＋８６ １３８－００１３－８０００',
    '13８00138000',
    '138　0013　8000',
    '138\t0013\n8000',
    '138_0013_8000',
    '138·0013·8000',
    '138、0013、8000',
    '138—0013—8000',
    '  13800138000  ',
    'tel:+8613800138000',
    'TEL：13800138000',
    '手机 13800138000',
    '电话：13800138000',
    '13800138000（手机）',
    '13800138000 ext 12',
    '+86 138 0013 8000 ext. 5',
    '13800138000转123',
    '13800138000 分机 123',
  ])('normalises the CN mobile number %j', (raw) => {
    expect(phoneKey(raw)).toBe(MOBILE);
  });

  it.each([
    ['010-12345678', '+861012345678'],
    ['(010) 1234 5678', '+861012345678'],
    ['01012345678', '+861012345678'],
    ['+86 10 1234 5678', '+861012345678'],
    ['+86 (0)10 12345678', '+861012345678'],
    ['+86 010 12345678', '+861012345678'],
    ['0086-10-12345678', '+861012345678'],
    ['861012345678', '+861012345678'],
    ['010-12345678 转 801', '+861012345678'],
    ['0755-12345678', '+8675512345678'],
    ['8675512345678', '+8675512345678'],
    ['021 1234 5678', '+862112345678'],
    ['０２０－１２３４５６７８', '+862012345678'],
    ['400-810-8888', '+864008108888'],
  ])('normalises the CN landline or service number %j to %s', (raw, key) => {
    expect(phoneKey(raw)).toBe(key);
  });

  it.each([
    ['+1 415 555 2671', '+14155552671'],
    ['+1 (415) 555-2671', '+14155552671'],
    ['001 415 555 2671', '+14155552671'],
    ['+44 20 7946 0958', '+442079460958'],
    ['+852 9123 4567', '+85291234567'],
    ['+853 6612 3456', '+85366123456'],
    ['+886 912 345 678', '+886912345678'],
    ['+65 8123 4567', '+6581234567'],
  ])('keeps the foreign number %j in its own country: %s', (raw, key) => {
    expect(phoneKey(raw)).toBe(key);
  });

  it.each([
    ['(415) 555-2671', 'US', '+14155552671'],
    ['1-415-555-2671', 'US', '+14155552671'],
    ['020 7946 0958', 'GB', '+442079460958'],
    ['9123 4567', 'HK', '+85291234567'],
  ] as const)('reads %j as a national number of the given region %s', (raw, region, key) => {
    expect(phoneKey(raw, region)).toBe(key);
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['letters', 'abc'],
    ['too short', '123'],
    ['a short code', '95588'],
    ['a carrier hotline', '10086'],
    ['a landline without its area code', '62345678'],
    ['a mobile number one digit short', '1380013800'],
    ['a mobile number one digit long', '138001380001'],
    ['a mobile number in an unallocated range', '12345678901'],
    ['two numbers in one field', '13800138000,13900139000'],
    ['two numbers separated by a slash', '138 0013 8000 / 139 0013 9000'],
    ['a foreign number without + or 00', '442079460958'],
    ['a US number with its trunk 1 but no +', '1-415-555-2671'],
    ['only a plus', '+'],
    ['only a country code', '+86'],
    ['a doubled country code', '+86+86 13800138000'],
  ])('gives no key for %s (%j)', (_label, raw) => {
    expect(phoneKey(raw)).toBeUndefined();
  });
});

describe('isPhoneLike', () => {
  it.each([
    ['13800138000', true],
    ['(+86) 138 0013 8000', true],
    ['１３８－００１３－８０００', true],
    ['010-12345678 转 801', true],
    ['62345678', true],
    ['1380013800', true],
    ['95588', true],
    ['123', false],
    ['abc', false],
    ['', false],
    ['手机 13800138000', false],
    ['zhang@example.com', false],
    ['1234567890123456789012', false],
  ])('%j → %s', (raw, expected) => {
    expect(isPhoneLike(raw)).toBe(expected);
  });
});

const digit = fc.constantFrom(...'0123456789');
const separator = fc.constantFrom('', '', '', ' ', '  ', '-', '.', '\t', '_', '·', '、', '－', '—', '　');
const countryPrefix = fc.constantFrom(
  '',
  '+86',
  '+86 ',
  '+86-',
  '0086',
  '0086 ',
  '86',
  '86 ',
  '(+86) ',
  '＋８６ ',
);
const MOBILE_PREFIXES = ['130', '135', '138', '139', '150', '158', '166', '177', '186', '188', '199'];

/** Writes digits with a random separator after each one and some digits in full width. */
function scatter(digits: string) {
  return fc
    .tuple(
      fc.array(separator, { minLength: digits.length, maxLength: digits.length }),
      fc.array(fc.boolean(), { minLength: digits.length, maxLength: digits.length }),
    )
    .map(([separators, wide]) =>
      [...digits].map((d, i) => (wide[i] ? fullWidth(d) : d) + (separators[i] ?? '')).join(''),
    );
}

describe('phoneKey properties', () => {
  it('every way of writing a CN mobile number gives its E.164 form', () => {
    const mobile = fc
      .tuple(fc.constantFrom(...MOBILE_PREFIXES), fc.string({ unit: digit, minLength: 8, maxLength: 8 }))
      .map(([prefix, rest]) => prefix + rest);
    const written = mobile.chain((digits) =>
      fc
        .tuple(fc.constant(digits), countryPrefix, scatter(digits))
        .map(([d, cc, body]) => [d, cc + body] as const),
    );
    fc.assert(
      fc.property(written, ([digits, text]) => {
        expect(phoneKey(text)).toBe(`+86${digits}`);
      }),
    );
  });

  it('every way of writing a CN landline number with its area code gives the same key', () => {
    const landline = fc
      .tuple(
        fc.constantFrom('10', '20', '22', '23', '24', '25', '27', '28', '29', '311', '571', '755', '898'),
        fc.constantFrom(...'2345678'),
        fc.string({ unit: digit, minLength: 7, maxLength: 7 }),
      )
      .map(([area, first, rest]) => `0${area}${first}${rest}`);
    const written = landline.chain((digits) => fc.tuple(fc.constant(digits), scatter(digits)));
    fc.assert(
      fc.property(written, ([digits, text]) => {
        // Not always `+86` + digits: a few local ranges (`010 8000 xxxx`) are unallocated, so invalid.
        expect(phoneKey(text)).toBe(phoneKey(digits));
      }),
    );
  });

  it('a key is always a valid E.164 string and its own key', () => {
    const anyText = fc.string({ unit: fc.constantFrom(...'0123456789+-() '), maxLength: 20 });
    const internationalDigits = fc.string({ unit: digit, minLength: 7, maxLength: 14 }).map((d) => `+${d}`);
    fc.assert(
      fc.property(fc.oneof(anyText, internationalDigits), (text) => {
        const key = phoneKey(text);
        if (key === undefined) return;
        expect(key).toMatch(/^\+[1-9]\d{6,14}$/u);
        expect(phoneKey(key)).toBe(key);
      }),
    );
  });
});
