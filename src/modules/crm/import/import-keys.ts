/**
 * Match keys for the rows of a file. The phone key is the costly one: libphonenumber with its full
 * metadata takes about 30 µs a number, as long as everything else an import does per row. Chinese
 * mobile numbers, most numbers of any file here, are valid or not by their first five digits (the
 * metadata's mobile ranges go no deeper than `1740[0-5]`; checked against 420,000 random numbers),
 * so the answer for a block is asked once per import, at most 7,000 times, and reused. Every other
 * number, and every other key, goes through `matchKeysOf` unchanged; a property test holds the two equal.
 */
import { matchKeysOf, type MatchKeys, type MatchKeysInput } from '../matching/matching.contract.js';
import { phoneKey } from '../matching/matching.contract.js';

/** `138 0013 8000`, `138-0013-8000`, `+86 13800138000`: a mobile number in the usual spellings. */
const MOBILE = /^(?:\+86[ -]?)?(1[3-9]\d)[ -]?(\d{4})[ -]?(\d{4})$/;

/** A `matchKeysOf` with a memory of number blocks, for one import. */
export function matchKeysReader(): (fields: MatchKeysInput) => MatchKeys {
  const blocks = new Map<string, boolean>();
  const phone = (raw: string): string | undefined => {
    const mobile = MOBILE.exec(raw);
    if (!mobile) return phoneKey(raw);
    const digits = `${mobile[1]}${mobile[2]}${mobile[3]}`;
    const block = digits.slice(0, 5);
    const valid = blocks.get(block);
    if (valid !== undefined) return valid ? `+86${digits}` : undefined;
    const key = phoneKey(raw);
    // Only a plain answer is remembered; anything unexpected is left to phoneKey every time.
    if (key === undefined || key === `+86${digits}`) blocks.set(block, key !== undefined);
    return key;
  };
  return (fields) => {
    const keys = matchKeysOf({ ...fields, phone: null });
    const key = fields.phone == null ? undefined : phone(fields.phone);
    return key === undefined ? keys : { phoneKey: key, ...keys };
  };
}
