/**
 * Everything a batch does to persons, inside the batch's transaction: resolve identities (merging
 * where the rules say so), fold merged persons into their survivors, apply identify traits (latest
 * wins, history kept), link to CRM contacts and accounts. The writes come back as statements for
 * the caller to send with the event rows in one round trip; each message's person and account
 * come back for those rows.
 */
import type { Write } from '../message/batch-write.contract.js';
import type { TouchpointMessage } from '../message/message.contract.js';
import { applyGroups, linkContacts } from './person-crm.service.js';
import { resolveBatch, type IdentityDeps, type ResolvedBatch } from './person-resolution.service.js';
import { settledPersons, type SettledPersons } from './person-settled.js';
import {
  absorbPerson,
  buildStates,
  isKnown,
  refreshContactKeys,
  seenRanges,
  toLoserWrite,
  toPersonWrite,
  type PersonState,
} from './person-state.js';
import * as write from './person-write.repository.js';
import { absorbTraits, applyTraits, traitState, type TraitChange } from './trait-merge.js';

/** What a batch decided about persons. */
export type PersonsOfBatch = {
  /** Each message's person (`events.person_id`). */
  personIds: (string | null)[];
  /** Each message's account (`events.customer_id`). */
  customerIds: (string | null)[];
  /** The person writes still to send (for `executeWrites`, with the event rows). */
  writes: (Write | undefined)[];
  /**
   * Stored persons the batch only sent events for, and the event times to widen their first/last
   * seen by, after the commit (person-touch.service.ts).
   */
  seen: write.SeenWrite[];
  /** What the batch settled, for the identity cache once committed. */
  settled: SettledPersons;
};

/** Resolves and updates the persons of `messages` (the batch's new messages, in order). */
export async function syncPersons(
  deps: IdentityDeps,
  tenantId: string,
  messages: TouchpointMessage[],
): Promise<PersonsOfBatch> {
  const batch = await resolveBatch(deps, tenantId, messages);
  const { personIds } = batch.resolution;
  const states = buildStates(batch, messages);
  const traitChanges = mergeAndApplyTraits(batch, messages, states);
  const candidates = [...states.values()].filter((state) => state.gainedKeys);
  const groups = await applyGroupsAfterLinks(deps, tenantId, messages, personIds, states, candidates);
  await write.moveToSurvivors(deps.db, tenantId, batch.resolution.merges);
  const customerIds = messages.map((message, index) => {
    if (message.customerId) return message.customerId;
    const grouped = groups.customerOf.get(index);
    if (grouped) return grouped;
    const id = personIds[index];
    const accounts = id ? (states.get(id)?.accounts ?? new Set(batch.heads.get(id)?.customerIds)) : undefined;
    return accounts?.size === 1 ? [...accounts][0]! : null;
  });
  const seen = seenOnly(batch, messages, states);
  return {
    personIds,
    customerIds,
    writes: personWrites(deps, tenantId, batch, states, traitChanges, groups.accounts),
    seen,
    settled: settledPersons(batch, messages, states),
  };
}

async function applyGroupsAfterLinks(
  deps: IdentityDeps,
  tenantId: string,
  messages: TouchpointMessage[],
  personIds: (string | null)[],
  states: Map<string, PersonState>,
  candidates: PersonState[],
) {
  // A known person about to join an account is looked up too: its contact may exist already.
  const grouping = new Set(
    messages.flatMap((message, index) => (message.type === 'group' ? [personIds[index]] : [])),
  );
  for (const state of states.values()) if (grouping.has(state.id) && isKnown(state)) candidates.push(state);
  const linked = await linkContacts(deps, tenantId, [...new Set(candidates)]);
  const groups = await applyGroups(deps, tenantId, messages, personIds, states);
  return { customerOf: groups.customerOf, accounts: [...linked, ...groups.accounts] };
}

/**
 * Folds each merged person's traits into its survivor, then applies the batch's identify traits in
 * message order; answers the trait changes to record.
 */
function mergeAndApplyTraits(
  batch: ResolvedBatch,
  messages: TouchpointMessage[],
  states: Map<string, PersonState>,
): TraitChange[] {
  const { resolution, locked, heads } = batch;
  const changes: TraitChange[] = [];
  for (const { loserId, survivorId } of resolution.merges) {
    const loser = locked.get(loserId)!;
    const survivor = states.get(survivorId)!;
    changes.push(...absorbTraits(survivor.traits, traitState(loserId, loser.traits, loser.stamps)));
    absorbPerson(survivor, loser, heads.get(loserId)?.customerIds ?? []);
  }
  messages.forEach((message, index) => {
    const state = states.get(resolution.personIds[index] ?? '');
    if (message.type !== 'identify' || !message.traits || !state) return;
    changes.push(...applyTraits(state.traits, message.traits, message.timestamp, message.messageId));
  });
  for (const state of states.values()) refreshContactKeys(state, batch.makers);
  return changes;
}

function personWrites(
  deps: IdentityDeps,
  tenantId: string,
  batch: ResolvedBatch,
  states: Map<string, PersonState>,
  traitChanges: TraitChange[],
  accounts: write.AccountWrite[],
): (Write | undefined)[] {
  const all = [...states.values()];
  const losers = batch.resolution.merges.map((merge) =>
    toLoserWrite(batch.locked.get(merge.loserId)!, merge.survivorId),
  );
  const stored = [...all.filter((state) => state.stored).map(toPersonWrite), ...losers];
  const changes = traitChanges.map((change) => ({ ...change, id: deps.newId() }));
  return [
    write.insertPersonsSql(tenantId, all.filter((state) => !state.stored).map(toPersonWrite), deps.now),
    write.updatePersonsSql(tenantId, stored, deps.now),
    write.insertTraitChangesSql(tenantId, changes),
    write.upsertAccountsSql(tenantId, accounts, deps.now),
  ];
}

/** The stored persons the batch only sent events for, whose first/last seen the events widen. */
function seenOnly(batch: ResolvedBatch, messages: TouchpointMessage[], states: Map<string, PersonState>) {
  const rows: write.SeenWrite[] = [];
  for (const [id, range] of seenRanges(messages, batch.resolution.personIds)) {
    const head = batch.heads.get(id);
    if (states.has(id) || !head) continue;
    if (range.last > head.lastSeenAt || range.first < head.firstSeenAt) {
      rows.push({ id, firstSeenAt: range.first, lastSeenAt: range.last });
    }
  }
  return rows;
}
