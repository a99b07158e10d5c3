/**
 * Realistic demo customers of the three kinds, Chinese and English, made deterministically from a
 * seed so every fresh demo looks the same.
 */
import type { CreateCustomerInput } from '../customer/customer.contract.js';
import { seededRandom } from '../../../platform/random.js';
import { USCC_ALPHABET, usccCheckCharacter } from '../matching/matching.contract.js';
import {
  cities,
  provinces,
  zhWords,
  zhTrades,
  zhSuffixes,
  enWords,
  enTrades,
  enSuffixes,
  industries,
  surnames,
  givenNames,
  enFirst,
  enLast,
  agencies,
  enAgencies,
  levels,
  sources,
} from './demo-words.js';

const uscc = USCC_ALPHABET;

/** A demo USCC that passes the GB 32100 check, as real ones do. */
const withCheckCharacter = (first17: string): string => first17 + usccCheckCharacter(first17);

/** A small deterministic PRNG, so every fresh demo looks the same. */
export const random = seededRandom;

/** Draws from the demo's seeded sequence; every call advances it, so the order of calls is the data. */
type Draw = {
  rnd: () => number;
  pick: <T>(list: readonly T[]) => T;
  digits: (n: number) => string;
  owner: () => string | undefined;
};

/** Where a demo customer is, and where it came from. */
type Place = { i: number; english: boolean; cityIndex: number; region: string; source: string };

function demoBusiness(draw: Draw, at: Place): CreateCustomerInput {
  const { pick, digits, rnd } = draw;
  const name = at.english
    ? `${pick(enWords)} ${pick(enTrades)} ${pick(enSuffixes)}`
    : `${cities[at.cityIndex]}${pick(zhWords)}${pick(zhTrades)}${pick(zhSuffixes)}`;
  return {
    kind: 'business',
    name,
    industry: pick(industries),
    region: at.region,
    phone: `0${digits(2)}-${digits(8)}`,
    email: `contact${at.i}@${at.english ? 'example.com' : 'example.cn'}`,
    uscc: withCheckCharacter(
      `91${digits(4)}${Array.from({ length: 11 }, () => pick(uscc.split(''))).join('')}`,
    ),
    source: at.source,
    ownerUserId: draw.owner(),
    tags: rnd() < 0.3 ? ['key-account'] : [],
  };
}

function demoConsumer(draw: Draw, at: Place): CreateCustomerInput {
  const { pick, digits, rnd } = draw;
  const name = at.english ? `${pick(enFirst)} ${pick(enLast)}` : `${pick(surnames)}${pick(givenNames)}`;
  return {
    kind: 'consumer',
    name,
    region: at.region,
    phone: `+86 1${pick(['3', '5', '8'])}${digits(9)}`,
    email: rnd() < 0.6 ? `user${at.i}@example.com` : undefined,
    source: at.source,
    ownerUserId: draw.owner(),
    tags: rnd() < 0.2 ? ['member'] : [],
  };
}

function demoGovernment(draw: Draw, at: Place): CreateCustomerInput {
  const { pick, digits, rnd } = draw;
  const name = at.english
    ? `${pick(['Springfield', 'Riverside', 'Lakeside', 'Fairview'])} ${pick(enAgencies)}`
    : `${cities[at.cityIndex]}市${pick(agencies)}`;
  return {
    kind: 'government',
    name,
    region: at.region,
    agencyLevel: pick(levels),
    industry: 'public_sector',
    phone: `0${digits(2)}-${digits(8)}`,
    source: rnd() < 0.5 ? 'tender_site' : at.source,
    ownerUserId: draw.owner(),
    tags: [],
  };
}

/**
 * `count` demo customers, about 45% business, 40% consumer and 15% government, a third of them with
 * English names. Owners are drawn from `ownerIds` (some left unowned).
 */
export function demoCustomers(count: number, ownerIds: string[], seed = 42): CreateCustomerInput[] {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const digits = (n: number): string => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('');
  const owner = (): string | undefined => (ownerIds.length > 0 && rnd() < 0.85 ? pick(ownerIds) : undefined);
  const draw: Draw = { rnd, pick, digits, owner };
  const out: CreateCustomerInput[] = [];
  for (let i = 0; i < count; i++) {
    const roll = rnd();
    const english = rnd() < 0.33;
    const cityIndex = Math.floor(rnd() * cities.length);
    const at: Place = { i, english, cityIndex, region: provinces[cityIndex]!, source: pick(sources) };
    out.push(
      roll < 0.45 ? demoBusiness(draw, at) : roll < 0.85 ? demoConsumer(draw, at) : demoGovernment(draw, at),
    );
  }
  return out;
}
