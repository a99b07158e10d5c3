/**
 * Identity resolution against the database, safe under concurrent batches of the same tenant on a
 * PostgreSQL server without a tenant-wide lock:
 * - identities and persons are read without locks, and resolved in memory;
 * - the stored persons the batch will change are then locked (`for update`, in id order) and
 *   re-read; if a concurrent batch merged one or gave it a userId meanwhile, resolution runs again
 *   on the fresh rows (and may lock more), until nothing it relied on has moved;
 * - new identities are inserted right away, `on conflict do nothing`: a batch adding the same one
 *   waits for this one's commit (the uncommitted row is the lock), then finds it taken, reads its
 *   owner and resolves again, repointing the identities it had added where they now belong.
 * Identities only ever move from a merged person to its survivor, and a merged person keeps
 * `merged_into`, so a stale identity read is corrected by following the chain of the locked row.
 */
import { isUuid } from '../../../platform/ids.js';
import type { Db } from '../../../platform/db/database.js';
import type { TouchpointMessage } from '../message/message.contract.js';
import type { CrmLink } from './crm-link.contract.js';
import {
  identifiersOf,
  identityKey,
  type ContactKeyMakers,
  type IdentityRef,
  type MessageIdentity,
} from './identity-keys.js';
import { resolveIdentities, type Resolution } from './identity-resolution.js';
import * as repo from './person.repository.js';
import * as write from './person-write.repository.js';

/** What identity resolution runs with: the batch's open transaction, the CRM port, the batch's time. */
export type IdentityDeps = { db: Db; crm: CrmLink; now: Date; newId: () => string };

/** Thrown when resolution does not settle (concurrent batches kept moving what it read): start over. */
export class IdentityRace extends Error {
  constructor() {
    super('identity resolution did not settle while concurrent batches changed the same persons; retry');
    this.name = 'IdentityRace';
  }
}

/** A batch resolved: the outcome plus the stored persons it read and the rows it locked. */
export type ResolvedBatch = {
  identities: MessageIdentity[];
  resolution: Resolution;
  heads: Map<string, repo.PersonHead>;
  locked: Map<string, repo.LockedPerson>;
  /** The stored identities read (identity key → the person id stored for it; merged ones not followed). */
  stored: ReadonlyMap<string, string>;
  /** The CRM's key makers, remembered for the batch. */
  makers: ContactKeyMakers;
};

/** Types whose messages change their person (traits, accounts), so the person is locked. */
const CHANGING_TYPES = new Set(['identify', 'group', 'alias']);
/** Resolve-and-lock rounds before giving up and starting the transaction over. */
const MAX_ROUNDS = 8;

/** The CRM's key makers, remembered for the batch (phone parsing is not cheap). */
export function memoisedKeyMakers(crm: CrmLink): ContactKeyMakers {
  const memo = (make: (raw: string) => string | undefined) => {
    const seen = new Map<string, string | undefined>();
    return (raw: string) => {
      if (!seen.has(raw)) seen.set(raw, make(raw));
      return seen.get(raw);
    };
  };
  return { emailKey: memo((raw) => crm.emailKey(raw)), phoneKey: memo((raw) => crm.phoneKey(raw)) };
}

/** Resolves the persons of `messages` (all to be stored) and adds the new identities. */
export async function resolveBatch(
  deps: IdentityDeps,
  tenantId: string,
  messages: TouchpointMessage[],
): Promise<ResolvedBatch> {
  const makers = memoisedKeyMakers(deps.crm);
  const identities = messages.map((message) => {
    const ids = identifiersOf(message, makers);
    return ids.crmPersonId && !isUuid(ids.crmPersonId) ? { ...ids, crmPersonId: null } : ids;
  });
  const { state, crmPersons } = await readStored(deps, tenantId, identities);
  const newId = stableNewIds(deps.newId);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const resolution = resolveIdentities({
      messages: identities,
      identities: state.identityMap,
      persons: state.heads,
      crmPersons,
      newId,
    });
    const wanted = [...toLock(resolution, messages, state.heads)].filter((id) => !state.locked.has(id));
    const moved = wanted.length > 0 && (await lockFresh(deps.db, tenantId, wanted, state));
    if (!moved && (await claimIdentities(deps, tenantId, resolution, state))) {
      const { heads, locked, identityMap: stored } = state;
      return { identities, resolution, heads, locked, stored, makers };
    }
  }
  throw new IdentityRace();
}

/**
 * Reads what the batch's identifiers name: their identities and persons (with merge chains), and
 * for domain events naming only a CRM contact, that contact's person — under an advisory lock, so
 * two batches cannot both create one.
 */
async function readStored(deps: IdentityDeps, tenantId: string, identities: MessageIdentity[]) {
  const contactIds = [
    ...new Set(
      identities.flatMap((ids) =>
        !ids.userId && ids.others.length === 0 && ids.crmPersonId ? [ids.crmPersonId] : [],
      ),
    ),
  ];
  let crmPersons = new Map<string, string>();
  if (contactIds.length > 0) {
    await repo.lockCrmContacts(deps.db, tenantId, contactIds);
    crmPersons = await repo.findPersonsOfContacts(deps.db, tenantId, contactIds);
  }
  const seeds = [...crmPersons.values()];
  const stored = await repo.findIdentitiesAndPersons(deps.db, tenantId, refsOf(identities), seeds);
  const state: LoopState = {
    identityMap: new Map(stored.identities.map((row) => [identityKey(row), row.personId])),
    heads: new Map(stored.heads.map((head) => [head.id, head])),
    locked: new Map(),
    ours: new Map(),
  };
  await followMerges(deps.db, tenantId, state.heads);
  return { state, crmPersons };
}

/** New person ids by the identity a person is first known by: resolving again reuses them. */
function stableNewIds(newId: () => string): (firstKnownBy: string) => string {
  const ids = new Map<string, string>();
  return (firstKnownBy) => {
    if (!ids.has(firstKnownBy)) ids.set(firstKnownBy, newId());
    return ids.get(firstKnownBy)!;
  };
}

/** What resolution rounds share: stored identities and persons as last read, locks taken, identities added. */
type LoopState = {
  identityMap: Map<string, string>;
  heads: Map<string, repo.PersonHead>;
  locked: Map<string, repo.LockedPerson>;
  /** Identities this transaction added (identity key → person), invisible to others until commit. */
  ours: Map<string, string>;
};

/**
 * Adds the identities the resolution made and repoints those an earlier round added elsewhere;
 * answers false when another batch had added one of them first (this insert waited for it to
 * commit): its owner is read, and resolution must run again.
 */
async function claimIdentities(
  deps: IdentityDeps,
  tenantId: string,
  resolution: Resolution,
  state: LoopState,
): Promise<boolean> {
  const fresh = resolution.identities.filter((row) => !state.ours.has(identityKey(row)));
  const moved = resolution.identities.filter((row) => {
    const ours = state.ours.get(identityKey(row));
    return ours !== undefined && ours !== row.personId;
  });
  await write.repointIdentities(deps.db, tenantId, moved);
  for (const row of moved) state.ours.set(identityKey(row), row.personId);
  const added = await write.insertIdentities(deps.db, tenantId, fresh, deps.now);
  for (const row of fresh) if (added.has(identityKey(row))) state.ours.set(identityKey(row), row.personId);
  const taken = fresh.filter((row) => !added.has(identityKey(row)));
  if (taken.length === 0) return true;
  const found = await repo.findIdentitiesAndPersons(deps.db, tenantId, taken);
  for (const row of found.identities) state.identityMap.set(identityKey(row), row.personId);
  for (const head of found.heads) if (!state.heads.has(head.id)) state.heads.set(head.id, head);
  await followMerges(deps.db, tenantId, state.heads);
  return false;
}

/** Every identity the batch's identifiers may be stored as, once each. */
function refsOf(identities: MessageIdentity[]): IdentityRef[] {
  const refs = new Map<string, IdentityRef>();
  for (const ids of identities) {
    const userRef: IdentityRef[] = ids.userId ? [{ kind: 'user_id', value: ids.userId }] : [];
    for (const ref of [...userRef, ...ids.others.flatMap((other) => other.lookups)]) {
      refs.set(identityKey(ref), ref);
    }
  }
  return [...refs.values()];
}

/** Reads into `heads` the persons that merged ones in it were merged into, along whole chains. */
async function followMerges(db: Db, tenantId: string, heads: Map<string, repo.PersonHead>) {
  const missing = [...heads.values()].flatMap((head) =>
    head.mergedInto && !heads.has(head.mergedInto) ? [head.mergedInto] : [],
  );
  if (missing.length === 0) return;
  for (const head of await repo.findPersonChains(db, tenantId, [...new Set(missing)])) {
    if (!heads.has(head.id)) heads.set(head.id, head);
  }
}

/** The stored persons the resolution changes, and those of messages that change their person. */
function toLock(resolution: Resolution, messages: TouchpointMessage[], heads: Map<string, repo.PersonHead>) {
  const ids = new Set(resolution.touched);
  messages.forEach((message, index) => {
    const id = resolution.personIds[index];
    if (id && heads.has(id) && CHANGING_TYPES.has(message.type)) ids.add(id);
  });
  return ids;
}

/**
 * Locks `ids` and stores their fresh rows; answers true when one of them moved since it was read
 * (merged, or given a userId or CRM contact), so resolution must run again.
 */
async function lockFresh(db: Db, tenantId: string, ids: string[], state: LoopState): Promise<boolean> {
  const { heads, locked } = state;
  let moved = false;
  for (const row of await repo.lockPersons(db, tenantId, ids)) {
    const head = heads.get(row.id);
    locked.set(row.id, row);
    if (
      head?.mergedInto !== row.mergedInto ||
      head.userId !== row.userId ||
      head.crmPersonId !== row.crmPersonId
    ) {
      moved = true;
    }
    heads.set(row.id, { ...row, customerIds: head?.customerIds ?? [] });
  }
  if (moved) await followMerges(db, tenantId, heads);
  return moved;
}
