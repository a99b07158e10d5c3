/**
 * What the ingest needs of identity besides `syncPersons`: the pure pieces of the identity cache
 * (a per-process memory of settled persons) and the types of what a batch settled. The coalesced
 * last-seen writer is `PersonTouches` in person-touch.service.ts.
 */
export { IdentityCache, type CachedPerson, type PlacedPerson } from './identity-cache.js';
export { rememberSettled, type SettledPersons } from './person-settled.js';
export type { SeenWrite } from './person-write.repository.js';
