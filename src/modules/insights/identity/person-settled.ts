/**
 * What a resolved batch settled, as entries for the identity cache (identity-cache.ts): where its
 * user and anonymous ids now lead, each of its persons' account and seen range, and the merges. Put
 * into the cache only once the batch has committed.
 */
import type { TouchpointMessage } from '../message/message.contract.js';
import type { CachedPerson, IdentityCache } from './identity-cache.js';
import type { ResolvedBatch } from './person-resolution.service.js';
import { seenRanges, type PersonState } from './person-state.js';

/** Identities (key → survivor) and persons a batch settled. */
export type SettledPersons = { identities: Map<string, string>; persons: Map<string, CachedPerson> };

const MAX_HOPS = 64;
const CACHED_KINDS = ['user_id:', 'anonymous_id:'];

/** The entries a resolved batch leaves for the cache. */
export function settledPersons(
  batch: ResolvedBatch,
  messages: TouchpointMessage[],
  states: Map<string, PersonState>,
): SettledPersons {
  const { resolution, heads } = batch;
  const losers = new Map(resolution.merges.map((merge) => [merge.loserId, merge.survivorId]));
  const survivorOf = (id: string): string => {
    let current = id;
    for (let hop = 0; hop < MAX_HOPS; hop++) {
      const next = losers.get(current) ?? heads.get(current)?.mergedInto ?? undefined;
      if (!next) return current;
      current = next;
    }
    return current;
  };
  const identities = new Map<string, string>();
  const cached = (key: string) => CACHED_KINDS.some((kind) => key.startsWith(kind));
  for (const [key, personId] of batch.stored) if (cached(key)) identities.set(key, survivorOf(personId));
  for (const row of resolution.identities) {
    const key = `${row.kind}:${row.value}`;
    if (cached(key)) identities.set(key, row.personId);
  }
  const persons = new Map<string, CachedPerson>();
  for (const [loserId, survivorId] of losers) persons.set(loserId, { mergedInto: survivorId });
  for (const [id, range] of seenRanges(messages, resolution.personIds)) {
    const state = states.get(id);
    const head = heads.get(id);
    const accounts = state ? [...state.accounts] : (head?.customerIds ?? []);
    const first = state?.firstSeenAt ?? head?.firstSeenAt;
    const last = state?.lastSeenAt ?? head?.lastSeenAt;
    if (!first || !last) continue;
    persons.set(id, {
      customerId: accounts.length === 1 ? accounts[0]! : null,
      firstSeen: Math.min(first.getTime(), range.first.getTime()),
      lastSeen: Math.max(last.getTime(), range.last.getTime()),
    });
  }
  return { identities, persons };
}

/** Puts what a committed batch settled into the cache. */
export function rememberSettled(cache: IdentityCache, tenantId: string, settled: SettledPersons): void {
  for (const [id, person] of settled.persons) cache.setPerson(tenantId, id, person);
  for (const [key, personId] of settled.identities) cache.setIdentity(tenantId, key, personId);
}
