/**
 * Raw CSV cells to the values the customer API takes. Files come from our own export, from Chinese
 * CRMs and from Excel sheets people typed by hand, so each normaliser accepts the spellings seen there
 * and explains a rejection in words a user can act on.
 */
import { AGENCY_LEVELS, CUSTOMER_KINDS, type CustomerKind } from '../customer/customer.contract.js';

/** A normalised value, or why the cell could not be read, for the import's per-row report. */
export type ValueResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** Reads one raw cell; the cell is trimmed and empty cells never reach a normaliser. */
export type ValueNormaliser<T> = (raw: string) => ValueResult<T>;

/** Spelling differences that carry no meaning: case, spaces, `_` and `-`. */
function looseKey(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

/**
 * Builds a normaliser for a closed set of values, matched loosely (`Single Source` is
 * `single_source`) and through `aliases` such as Chinese labels.
 * @example enumValue(['micro', 'small'], { 小型: 'small' })('小型') // { ok: true, value: 'small' }
 */
export function enumValue<const T extends string>(
  allowed: readonly T[],
  aliases: Readonly<Record<string, T>> = {},
): ValueNormaliser<T> {
  const lookup = new Map<string, T>();
  for (const [alias, value] of Object.entries(aliases)) lookup.set(looseKey(alias), value);
  for (const value of allowed) lookup.set(looseKey(value), value);
  return (raw) => {
    const value = lookup.get(looseKey(raw));
    if (value !== undefined) return { ok: true, value };
    return { ok: false, message: `"${raw.trim()}" is not one of: ${allowed.join(', ')}` };
  };
}

/** Customer kind, also in the words Chinese CRMs and sales people use (企业, toB, 政府机构). */
export const kindValue: ValueNormaliser<CustomerKind> = enumValue(CUSTOMER_KINDS, {
  企业: 'business',
  企业客户: 'business',
  公司: 'business',
  b: 'business',
  tob: 'business',
  个人: 'consumer',
  个人客户: 'consumer',
  消费者: 'consumer',
  c: 'consumer',
  toc: 'consumer',
  政府: 'government',
  政府机构: 'government',
  事业单位: 'government',
  '政府/事业单位': 'government',
  g: 'government',
  tog: 'government',
});

/** Government agency level, also as our zh-CN export writes it (国家级, 省级…). */
export const agencyLevelValue = enumValue(AGENCY_LEVELS, {
  国家级: 'national',
  省级: 'provincial',
  市级: 'municipal',
  县级: 'county',
  区县级: 'county',
  其他: 'other',
});

/** Which tier scale a cell belongs to: intent runs A–D, satisfaction A–C. */
export type TierScale = 'intent' | 'satisfaction';

const TIER_LETTERS: Record<TierScale, string> = { intent: 'ABCD', satisfaction: 'ABC' };

/**
 * Builds a normaliser for a tier letter; `a`, `A类` and `A级` all read as `A`.
 * @example tierValue('intent')('b级') // { ok: true, value: 'B' }
 */
export function tierValue(scale: TierScale): ValueNormaliser<string> {
  const letters = TIER_LETTERS[scale];
  return (raw) => {
    const match = /^([a-z])\s*[类級级]?$/i.exec(raw.trim());
    const letter = match?.[1]?.toUpperCase();
    if (letter !== undefined && letters.includes(letter)) return { ok: true, value: letter };
    return {
      ok: false,
      message: `"${raw.trim()}" is not ${scale === 'intent' ? 'an' : 'a'} ${scale} tier; use ${letters.split('').join(', ')}`,
    };
  };
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', '是']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', '否']);

/** Yes/no cells as Excel (`TRUE`), people (`是`, `Y`) and our export (`true`) write them. */
export const booleanValue: ValueNormaliser<boolean> = (raw) => {
  const word = raw.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return { ok: true, value: true };
  if (FALSE_WORDS.has(word)) return { ok: true, value: false };
  return { ok: false, message: `"${raw.trim()}" is not yes or no; use true/false, yes/no, 1/0 or 是/否` };
};

/**
 * Splits a tags cell on any separator people use (`;`, `|`, `,` and the Chinese `，`, `、`, `；`),
 * dropping empties and repeats, because every CRM joins tags differently.
 */
export const tagsValue: ValueNormaliser<string[]> = (raw) => {
  const tags = raw
    .split(/[;|,，、；]/)
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
  return { ok: true, value: [...new Set(tags)] };
};

const DATE_PATTERN =
  /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** Offset applied to dates written without a zone: our users, and the CRMs they export from, are in China. */
const DEFAULT_OFFSET_MINUTES = 8 * 60;

/**
 * Reads a date or date-time (ISO 8601, `2024-03-05`, `2024/3/5 9:07`, `2024年3月5日`) and returns it
 * as an ISO string in UTC; values without a zone are Asia/Shanghai time (+08:00).
 * @example dateValue('2024-03-05 09:30') // { ok: true, value: '2024-03-05T01:30:00.000Z' }
 */
export const dateValue: ValueNormaliser<string> = (raw) => {
  const text = raw.trim();
  const match = DATE_PATTERN.exec(text);
  const invalid = {
    ok: false,
    message: `"${text}" is not a date; use YYYY-MM-DD or YYYY-MM-DD HH:mm`,
  } as const;
  if (!match) return invalid;
  const [year, month, day, hour = 0, minute = 0, second = 0] = match
    .slice(1, 7)
    .map((part) => Number(part ?? 0));
  const millis = Number((match[7] ?? '').padEnd(3, '0').slice(0, 3));
  const offset = match[8] === undefined ? DEFAULT_OFFSET_MINUTES : zoneOffsetMinutes(match[8]);
  if (year === undefined || month === undefined || day === undefined) return invalid;
  const local = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const check = new Date(local);
  // Date.UTC rolls 2024-02-30 over to March; a value that rolled was never a real date.
  const real =
    check.getUTCFullYear() === year &&
    check.getUTCMonth() === month - 1 &&
    check.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60;
  if (!real) return invalid;
  return { ok: true, value: new Date(local - offset * 60_000).toISOString() };
};

function zoneOffsetMinutes(zone: string): number {
  if (zone.toUpperCase() === 'Z') return 0;
  const digits = zone.replace(':', '');
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
  return digits.startsWith('-') ? -minutes : minutes;
}
