/**
 * The keys on which two customers may be the same party. A shared key is evidence for a human or a
 * merge rule to weigh, not a verdict: the same phone may be a company's switchboard for two branches.
 */
import { companyNameKey } from './company-name-key.js';
import { emailKey } from './email-key.js';
import { phoneKey } from './phone-key.js';
import { validateUscc } from './uscc.js';

/** The normalised keys of one customer; a key is absent when the field is missing or unusable. */
export type MatchKeys = { phoneKey?: string; emailKey?: string; nameKey?: string; uscc?: string };

/** A kind of key two customers can share. */
export type MatchKeyKind = 'phone' | 'email' | 'name' | 'uscc';

/** The customer fields the keys are computed from (`kind` as the customer contract spells it). */
export type MatchKeysInput = {
  kind: 'business' | 'consumer' | 'government';
  name: string;
  phone?: string | null;
  email?: string | null;
  uscc?: string | null;
};

/**
 * Computes the match keys of a customer; the name is a key only for businesses and government
 * agencies, and the USCC only when its check character is right.
 *
 * @example matchKeysOf({ kind: 'business', name: '华为技术有限公司' }) // { nameKey: '华为技术' }
 */
export function matchKeysOf(input: MatchKeysInput): MatchKeys {
  const keys: MatchKeys = {};
  const phone = input.phone == null ? undefined : phoneKey(input.phone);
  if (phone !== undefined) keys.phoneKey = phone;
  const email = input.email == null ? undefined : emailKey(input.email);
  if (email !== undefined) keys.emailKey = email;
  // Consumers are people: thousands of them are called 王伟 or 张伟, so a name says nothing about
  // who is who. Organisation names are registered and (within a region) unique.
  if (input.kind !== 'consumer') {
    const name = companyNameKey(input.name);
    if (name !== undefined) keys.nameKey = name;
  }
  // A mistyped code would match an unrelated company that really has that code.
  const uscc = input.uscc == null ? undefined : validateUscc(input.uscc);
  if (uscc?.ok) keys.uscc = uscc.value;
  return keys;
}

const KEY_FIELDS = [
  ['phone', 'phoneKey'],
  ['email', 'emailKey'],
  ['name', 'nameKey'],
  ['uscc', 'uscc'],
] as const satisfies readonly (readonly [MatchKeyKind, keyof MatchKeys])[];

/**
 * Lists the keys two customers share (defined on both and equal), in the order phone, email, name,
 * uscc.
 *
 * @example sharedKeys({ phoneKey: '+8613800138000' }, { phoneKey: '+8613800138000' }) // ['phone']
 */
export function sharedKeys(a: MatchKeys, b: MatchKeys): MatchKeyKind[] {
  return KEY_FIELDS.filter(([, field]) => a[field] !== undefined && a[field] === b[field]).map(
    ([kind]) => kind,
  );
}
