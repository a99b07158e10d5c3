/**
 * The persons a batch changes, as mutable states built from a resolved batch: new persons, and the
 * locked stored survivors. Traits (latest wins), merges and CRM links are applied to these states,
 * which are then written in bulk.
 */
import type { TouchpointMessage } from '../message/message.contract.js';
import type { ContactKeyMakers } from './identity-keys.js';
import type { LockedPerson } from './person.repository.js';
import type { PersonWrite } from './person-write.repository.js';
import type { ResolvedBatch } from './person-resolution.service.js';
import { traitState, traitValues, type TraitState } from './trait-merge.js';

/** A person as the batch leaves it. */
export type PersonState = {
  id: string;
  stored: boolean;
  userId: string | null;
  crmPersonId: string | null;
  emailKey: string | null;
  phoneKey: string | null;
  traits: TraitState;
  firstSeenAt: Date;
  lastSeenAt: Date;
  /** The accounts the person acts for, stored and added. */
  accounts: Set<string>;
  /** A userId, email or phone was added to it in this batch: worth looking for its CRM contact. */
  gainedKeys: boolean;
};

/** The earliest and latest event time per person of the batch. */
export function seenRanges(
  messages: TouchpointMessage[],
  personIds: (string | null)[],
): Map<string, { first: Date; last: Date }> {
  const ranges = new Map<string, { first: Date; last: Date }>();
  messages.forEach((message, index) => {
    const id = personIds[index];
    if (!id) return;
    const range = ranges.get(id);
    if (!range) ranges.set(id, { first: message.timestamp, last: message.timestamp });
    else {
      if (message.timestamp < range.first) range.first = message.timestamp;
      if (message.timestamp > range.last) range.last = message.timestamp;
    }
  });
  return ranges;
}

const later = (a: Date, b: Date) => (a > b ? a : b);
const earlier = (a: Date, b: Date) => (a < b ? a : b);

/** The states of the persons a resolved batch creates or changes (survivors only), by id. */
export function buildStates(batch: ResolvedBatch, messages: TouchpointMessage[]): Map<string, PersonState> {
  const { resolution, locked, heads } = batch;
  const ranges = seenRanges(messages, resolution.personIds);
  const gained = new Set(
    resolution.identities.filter((ref) => ref.kind !== 'anonymous_id').map((ref) => ref.personId),
  );
  const states = new Map<string, PersonState>();
  for (const person of resolution.created) {
    const range = ranges.get(person.id)!;
    states.set(person.id, {
      ...person,
      stored: false,
      emailKey: null,
      phoneKey: null,
      traits: traitState(person.id, {}),
      firstSeenAt: range.first,
      lastSeenAt: range.last,
      accounts: new Set(),
      gainedKeys: gained.has(person.id) || person.userId !== null,
    });
  }
  const losers = new Set(resolution.merges.map((merge) => merge.loserId));
  for (const row of locked.values()) {
    if (row.mergedInto || losers.has(row.id)) continue;
    const update = resolution.updates.get(row.id);
    const range = ranges.get(row.id);
    states.set(row.id, {
      id: row.id,
      stored: true,
      userId: update?.userId ?? row.userId,
      crmPersonId: update?.crmPersonId ?? row.crmPersonId,
      emailKey: row.emailKey,
      phoneKey: row.phoneKey,
      traits: traitState(row.id, row.traits, row.stamps),
      firstSeenAt: range ? earlier(range.first, row.firstSeenAt) : row.firstSeenAt,
      lastSeenAt: range ? later(range.last, row.lastSeenAt) : row.lastSeenAt,
      accounts: new Set(heads.get(row.id)?.customerIds ?? []),
      gainedKeys: gained.has(row.id) || (update !== undefined && update.userId !== row.userId),
    });
  }
  return states;
}

/** Folds a merged-away person into its survivor's state: seen times, keys, accounts (traits separately). */
export function absorbPerson(survivor: PersonState, loser: LockedPerson, loserAccounts: string[]): void {
  survivor.firstSeenAt = earlier(survivor.firstSeenAt, loser.firstSeenAt);
  survivor.lastSeenAt = later(survivor.lastSeenAt, loser.lastSeenAt);
  survivor.emailKey ??= loser.emailKey;
  survivor.phoneKey ??= loser.phoneKey;
  survivor.crmPersonId ??= loser.crmPersonId;
  for (const id of loserAccounts) survivor.accounts.add(id);
}

/** Keeps the email and phone keys in step with the current `email` and `phone` traits. */
export function refreshContactKeys(state: PersonState, makers: ContactKeyMakers): void {
  const email = state.traits.values.get('email');
  const phone = state.traits.values.get('phone');
  if (typeof email === 'string') state.emailKey = makers.emailKey(email) ?? state.emailKey;
  if (typeof phone === 'string') state.phoneKey = makers.phoneKey(phone) ?? state.phoneKey;
}

/** A state as the row to write. */
export function toPersonWrite(state: PersonState): PersonWrite {
  return {
    id: state.id,
    mergedInto: null,
    userId: state.userId,
    traits: traitValues(state.traits),
    emailKey: state.emailKey,
    phoneKey: state.phoneKey,
    crmPersonId: state.crmPersonId,
    firstSeenAt: state.firstSeenAt,
    lastSeenAt: state.lastSeenAt,
  };
}

/** A merged-away person's row: as it was, pointing at its survivor. */
export function toLoserWrite(row: LockedPerson, survivorId: string): PersonWrite {
  return {
    id: row.id,
    mergedInto: survivorId,
    userId: row.userId,
    traits: row.traits,
    emailKey: row.emailKey,
    phoneKey: row.phoneKey,
    crmPersonId: row.crmPersonId,
    firstSeenAt: row.firstSeenAt,
    lastSeenAt: row.lastSeenAt,
  };
}

/** Tells whether the person is known (a userId, an email or a phone), not just anonymous. */
export const isKnown = (state: PersonState): boolean =>
  Boolean(state.userId || state.emailKey || state.phoneKey);
