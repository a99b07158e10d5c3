/** The import files of the customers bench: our own export's columns, with duplicates and spoiled rows. */
import { seededRandom } from '../src/platform/random.js';
import {
  AGENCY_LEVELS,
  BUSINESS_SIZES,
  CONSUMER_MOTIVES,
  PROCUREMENT_MODES,
} from '../src/modules/crm/customer/customer.contract.js';
import { CUSTOMER_CSV_FIELDS } from '../src/modules/crm/import/customer-columns.js';
import { stringifyCsv } from '../src/modules/crm/import/csv-rows.js';
import { USCC_ALPHABET, usccCheckCharacter } from '../src/modules/crm/matching/uscc.js';
import { COMPANY_SUFFIXES, mobileDigits, WORDS } from './customers-words.js';

/**
 * What the file refers to in the import tenant: existing customers its duplicate rows repeat, the
 * members its owner column names (by email, as our export writes them) and the pool the rest go to.
 */
export type ImportTargets = {
  phoneKeys: readonly string[];
  businessNameKeys: readonly string[];
  ownerEmails: readonly string[];
  poolName: string;
};

/** A CSV in our export's columns and what importing it should report. */
export type ImportFile = { bytes: Buffer; rows: number; duplicates: number; invalid: number };

/**
 * A CSV of `rows` new customers in the columns of our own export (`CUSTOMER_CSV_FIELDS`), where every
 * 20th row repeats an existing customer (half by phone written another way, half by company name with
 * another legal form) and every 100th row is invalid in one of six ways. New rows use row numbers
 * from `firstIndex`, which must lie beyond the existing customers' so they match nothing.
 */
export function buildImportCsv(rows: number, firstIndex: number, targets: ImportTargets): ImportFile {
  const random = seededRandom(42);
  const choose = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const records: Record<string, string>[] = [];
  let duplicates = 0;
  let invalid = 0;
  for (let n = 0; n < rows; n++) {
    const i = firstIndex + n;
    const kind = random() < 0.5 ? 'business' : random() < 0.7 ? 'consumer' : 'government';
    const city = choose(WORDS.cities);
    const digits = mobileDigits(i);
    const record: Record<string, string> = {
      kind,
      name:
        kind === 'business'
          ? `${city}${choose(WORDS.brands)}${i}${choose(WORDS.industries)}${choose(COMPANY_SUFFIXES)[0]}`
          : kind === 'government'
            ? `${city}市${choose(WORDS.departments)}（${i}）`
            : `${choose(WORDS.surnames)}${choose(WORDS.givenNames)}`,
      phone: random() < 0.9 ? formatMobile(digits, random()) : '',
      email: kind === 'consumer' && random() < 0.5 ? `user${i}@${choose(WORDS.emailDomains)}` : '',
      wechatId: kind === 'consumer' && random() < 0.3 ? `wx_${i}` : '',
      region: city,
      industry: kind === 'consumer' ? '' : kind === 'business' ? choose(WORDS.industries) : '政府',
      size: kind === 'business' ? choose(BUSINESS_SIZES) : '',
      uscc: kind === 'business' && random() < 0.3 ? uscc(i) : '',
      agencyLevel: kind === 'government' ? choose(AGENCY_LEVELS) : '',
      procurementMode: kind === 'government' ? choose(PROCUREMENT_MODES) : '',
      motive: kind === 'consumer' ? choose(CONSUMER_MOTIVES) : '',
      intentTier: choose(['A', 'B', 'B', 'C', 'C', 'C', 'D', '', '']),
      ...(random() < 0.8 ? { owner: choose(targets.ownerEmails) } : { pool: targets.poolName }),
      valueTier: choose(['standard', 'standard', 'standard', 'vip', 'svip']),
      source: choose(WORDS.sources),
      tags: random() < 0.3 ? '展会;2024' : '',
      externalId: `OLD-${i}`,
      budget: choose(['unknown', 'confirmed', 'over_budget']),
      need: choose(['unknown', 'recorded', 'latent']),
      lastFollowUpAt:
        random() < 0.9
          ? `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')} 10:30`
          : '',
      createdAt: `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    };
    if (n % 100 === 50) {
      spoil(record, (invalid++ % 6) as 0 | 1 | 2 | 3 | 4 | 5, i);
    } else if (n % 20 === 5) {
      repeatExisting(record, duplicates++, targets, random());
    }
    records.push(record);
  }
  const text = stringifyCsv(
    [...CUSTOMER_CSV_FIELDS],
    records.map((record) => CUSTOMER_CSV_FIELDS.map((field) => record[field] ?? '')),
  );
  return { bytes: Buffer.from(text, 'utf8'), rows, duplicates, invalid };
}

/** Makes a row a duplicate of an existing customer: by phone (another spelling) or by company name. */
function repeatExisting(record: Record<string, string>, n: number, sources: ImportTargets, u: number): void {
  if (n % 2 === 0) {
    const phoneKey = sources.phoneKeys[(n / 2) % sources.phoneKeys.length]!;
    record.phone = formatMobile(phoneKey.slice('+86'.length), u);
    return;
  }
  const nameKey = sources.businessNameKeys[((n - 1) / 2) % sources.businessNameKeys.length]!;
  Object.assign(record, {
    kind: 'business',
    name: `${nameKey}股份有限公司`,
    uscc: '',
    industry: '贸易',
    size: 'small',
  });
  Object.assign(record, { agencyLevel: '', procurementMode: '', motive: '', wechatId: '', email: '' });
}

/** Makes a row invalid in the `way`-th of six ways a hand-edited file goes wrong. */
function spoil(record: Record<string, string>, way: 0 | 1 | 2 | 3 | 4 | 5, i: number): void {
  const good = uscc(i);
  const spoiled = {
    0: {
      kind: 'business',
      uscc: good.slice(0, -1) + (good.endsWith('0') ? '1' : '0'),
      agencyLevel: '',
      procurementMode: '',
      motive: '',
    },
    1: { kind: 'alien' },
    2: { intentTier: 'E' },
    3: { email: 'not-an-email' },
    4: { name: '' },
    5: { lastFollowUpAt: '2025-02-30' },
  }[way];
  Object.assign(record, spoiled);
}

/** A valid unified social credit code for row `i` (enterprise, Shanghai, organisation code from `i`). */
function uscc(i: number): string {
  const code = i.toString(31).toUpperCase().padStart(9, '0');
  const body = `91310000${[...code].map((c) => USCC_ALPHABET[parseInt(c, 31)]).join('')}`;
  return body + usccCheckCharacter(body);
}

/** The ways people write a mobile number, chosen by `u` in [0, 1). */
function formatMobile(digits: string, u: number): string {
  if (u < 0.4) return digits;
  if (u < 0.7) return `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`;
  if (u < 0.9) return `${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}`;
  return `+86 ${digits}`;
}
