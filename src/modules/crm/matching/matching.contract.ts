/**
 * The public face of matching: the pure key functions other CRM features use to find the same
 * party under different spellings (customers, contacts, imports, touchpoint links).
 */
export { companyNameKey } from './company-name-key.js';
export { emailKey } from './email-key.js';
export { matchKeysOf, sharedKeys } from './match-keys.js';
export type { MatchKeyKind, MatchKeys, MatchKeysInput } from './match-keys.js';
export { isPhoneLike, phoneKey } from './phone-key.js';
export { USCC_ALPHABET, usccCheckCharacter, validateUscc } from './uscc.js';
