/**
 * A per-process, per-database memory of what identity resolution settled, so that the common
 * message — a track / page / screen from a visitor already known — is stored without reading or
 * writing persons at all:
 * - user and anonymous ids → the person they were stored for;
 * - person → the one account it acts for (or none), and the event times it is known to have been
 *   seen between (a lower bound of its stored first/last seen; widening inside it is skipped);
 * - a person merged in this process → its survivor.
 * Filled only from committed batches. A stale entry is harmless by design: an event keeps the
 * person id it was stored with, and timelines follow `persons.merged_into` to the survivor (and an
 * account's timeline also takes the events of the persons in `person_accounts`); at worst an event
 * names an account the person has since left another one besides. One cache per database, held by
 * the ingest runtime (ingest-runtime.service.ts); entries are checked per tenant, and the oldest
 * are evicted past a bound. When the last-seen widening finds a cached person missing (the database
 * was reset or restored under the process), the whole cache is dropped (see the ingest runtime).
 */
import type { TouchpointMessage } from '../message/message.contract.js';

/** Entries kept per cache (identities and persons counted together). */
export const IDENTITY_CACHE_SIZE = 200_000;

/** What the cache knows of a person. */
export type CachedPerson =
  | { mergedInto: string }
  | { mergedInto?: undefined; customerId: string | null; firstSeen: number; lastSeen: number };

/** Message types that never change their person, so a cached person is enough to store them. */
const PLAIN_TYPES = new Set(['track', 'page', 'screen']);
const MAX_HOPS = 8;
const USER_ID = 'user_id:';
const ANONYMOUS_ID = 'anonymous_id:';

/**
 * A bounded map that evicts the least recently used entries, roughly: reading an entry makes it the
 * newest only once it has aged past half the bound (so most reads cost one lookup). Keys are the
 * ids themselves (no string built per lookup); the tenant is checked on the entry, so the same id
 * in two tenants just takes turns.
 */
class Lru<V> {
  private readonly map = new Map<string, { tenantId: string; value: V; at: number }>();
  private clock = 0;
  constructor(private readonly max: number) {}

  get(tenantId: string, key: string): V | undefined {
    const entry = this.map.get(key);
    if (!entry || entry.tenantId !== tenantId) return undefined;
    if (this.clock - entry.at > this.max / 2) {
      this.map.delete(key);
      entry.at = this.clock++;
      this.map.set(key, entry);
    }
    return entry.value;
  }

  set(tenantId: string, key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, { tenantId, value, at: this.clock++ });
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
  }

  delete(tenantId: string, key: string): void {
    if (this.map.get(key)?.tenantId === tenantId) this.map.delete(key);
  }

  clear(): void {
    this.map.clear();
  }

  get size(): number {
    return this.map.size;
  }
}

/** A cached person that is not merged: where its messages go. */
export type PlacedPerson = Extract<CachedPerson, { customerId: unknown }>;

/** One database's cache; see the file comment. */
export class IdentityCache {
  private readonly userIds: Lru<string>;
  private readonly anonymousIds: Lru<string>;
  private readonly persons: Lru<CachedPerson>;

  constructor(max: number = IDENTITY_CACHE_SIZE) {
    this.userIds = new Lru(Math.ceil(max / 4));
    this.anonymousIds = new Lru(Math.ceil(max / 4));
    this.persons = new Lru(Math.ceil(max / 2));
  }

  /** Remembers that identity `kind:value` of `tenantId` belongs to `personId` (other kinds are not kept). */
  setIdentity(tenantId: string, key: string, personId: string): void {
    if (key.startsWith(USER_ID)) this.userIds.set(tenantId, key.slice(USER_ID.length), personId);
    else if (key.startsWith(ANONYMOUS_ID)) {
      this.anonymousIds.set(tenantId, key.slice(ANONYMOUS_ID.length), personId);
    }
  }

  /** Remembers what is known of a person (a survivor), or that it was merged into another. */
  setPerson(tenantId: string, personId: string, person: CachedPerson): void {
    this.persons.set(tenantId, personId, person);
  }

  /** The person entry of `personId`, as stored (merged ones not followed). */
  getPerson(tenantId: string, personId: string): CachedPerson | undefined {
    return this.persons.get(tenantId, personId);
  }

  /**
   * Widens the seen range known of a cached person to `at`; answers false when `at` was inside it
   * already (nothing to write) or the person is not cached as a survivor.
   */
  widenSeen(tenantId: string, personId: string, at: Date): boolean {
    const person = this.getPerson(tenantId, personId);
    if (!person || person.mergedInto !== undefined) return false;
    const time = at.getTime();
    if (time >= person.firstSeen && time <= person.lastSeen) return false;
    person.firstSeen = Math.min(person.firstSeen, time);
    person.lastSeen = Math.max(person.lastSeen, time);
    return true;
  }

  /** Forgets what is known of a person (its identities stay: they lead to it, then to its survivor). */
  forgetPerson(tenantId: string, personId: string): void {
    this.persons.delete(tenantId, personId);
  }

  /** Forgets everything (e.g. the database was found to lack persons it remembered). */
  clear(): void {
    this.userIds.clear();
    this.anonymousIds.clear();
    this.persons.clear();
  }

  /** Entries held, identities and persons together. */
  get size(): number {
    return this.userIds.size + this.anonymousIds.size + this.persons.size;
  }

  /**
   * The person and account of `message` when the cache alone can tell: a track, page or screen
   * without traits or CRM contact, whose userId and anonymousId are both known (those it has) and
   * lead to the same person. Undefined sends the message through identity resolution.
   */
  resolve(
    tenantId: string,
    message: TouchpointMessage,
  ): { personId: string; person: PlacedPerson } | undefined {
    if (!PLAIN_TYPES.has(message.type) || message.traits || message.crmPersonId) return undefined;
    const { userId, anonymousId } = message;
    if (!userId && !anonymousId) return undefined;
    const byUser = userId ? this.placed(tenantId, this.userIds.get(tenantId, userId)) : undefined;
    if (userId && !byUser) return undefined;
    const byAnonymous = anonymousId
      ? this.placed(tenantId, this.anonymousIds.get(tenantId, anonymousId))
      : undefined;
    if (anonymousId && !byAnonymous) return undefined;
    if (byUser && byAnonymous && byUser.personId !== byAnonymous.personId) return undefined;
    return byUser ?? byAnonymous;
  }

  /** The cached survivor `personId` leads to (through merges this process made), if any. */
  private placed(
    tenantId: string,
    personId: string | undefined,
  ): { personId: string; person: PlacedPerson } | undefined {
    let id = personId;
    for (let hop = 0; id !== undefined && hop < MAX_HOPS; hop++) {
      const person = this.getPerson(tenantId, id);
      if (!person) return undefined;
      if (person.mergedInto === undefined) return { personId: id, person };
      id = person.mergedInto;
    }
    return undefined;
  }
}
