/**
 * Storing touchpoints: deduplicate by message id, resolve identities, write events, atomically
 * (one transaction, or one statement) before the HTTP answer. Around it:
 * - the month partitions the batch needs are created first, outside the transaction (DDL; a failed
 *   batch leaves at most an empty partition behind);
 * - a message the identity cache can place (a track / page / screen whose ids this process has
 *   seen resolved, see identity/identity-cache.ts) skips identity resolution: its event goes in with the
 *   claim of the batch's message ids, in the same statement, before any identity is added. A batch
 *   of only such messages is that one statement, without a transaction;
 * - messages naming a suppressed identity (an erased person's) are dropped first and counted;
 * - the first/last-seen times of persons the batch only sent events for are widened after the
 *   commit, coalesced across concurrent batches (person-touch.service.ts): under load they lag by up to 2 s.
 */
import { newId } from '../../../platform/ids.js';
import type { Db } from '../../../platform/db/database.js';
import { withTransactionRetry } from '../../../platform/db/retry.js';
import type { NewEventRow } from '../event/event.contract.js';
import { isMissingEventPartition } from '../event/event.errors.js';
import { buildEventsWrite, type MonthPartitions } from '../event/event.service.js';
import { rememberSettled, type IdentityCache, type SeenWrite } from '../identity/identity.contract.js';
import { syncPersons, type PersonsOfBatch } from '../identity/person-sync.service.js';
import type { InsightsDeps } from '../insights-deps.js';
import { dropSuppressed } from '../suppression/suppression.service.js';
import { claimMessageIdsSql } from './dedup.repository.js';
import { claimAndInsert, executeWrites } from './ingest.repository.js';
import { isLostBatchRace } from './ingest.retry.js';
import type { Channel, IngestOutcome, SourceRef, TouchpointMessage } from '../message/message.contract.js';

/** Attempts of one batch when concurrent batches keep getting in its way (races, deadlocks). */
const MAX_ATTEMPTS = 10;

/** Where the cache placed a message: its person and account. */
type Placed = { personId: string; customerId: string | null };

type Stored = IngestOutcome & {
  /** The new messages the cache placed, with their persons. */
  placed: { message: TouchpointMessage; personId: string }[];
  /** What identity resolution did for the others, when it ran. */
  persons: PersonsOfBatch | undefined;
};

/**
 * Stores `messages` from `source` (once per message id) and answers how many were new. `deps.db`
 * must be the root database handle, not an open transaction (the batch commits on its own).
 */
export async function ingestMessages(
  deps: InsightsDeps,
  source: SourceRef,
  messages: TouchpointMessage[],
  receivedAt: Date,
): Promise<IngestOutcome> {
  if (messages.length === 0) return { stored: 0, duplicates: 0 };
  const { kept, dropped } = await dropSuppressed(deps.db, source.tenantId, messages, {
    emailKey: (raw) => deps.crm.emailKey(raw),
    at: receivedAt,
  });
  if (dropped === 0) return storeMessages(deps, source, messages, receivedAt);
  const outcome = await storeMessages(deps, source, kept, receivedAt);
  return { ...outcome, suppressed: dropped };
}

async function storeMessages(
  deps: InsightsDeps,
  source: SourceRef,
  messages: TouchpointMessage[],
  receivedAt: Date,
): Promise<IngestOutcome> {
  if (messages.length === 0) return { stored: 0, duplicates: 0 };
  const dates = messages.map((message) => message.timestamp);
  const { partitions, identities: cache, touches } = deps.ingest;
  await partitions.ensure(dates);
  touches.batchStarted();
  const unique = firstOfEachId(messages);
  const placement = placeMessages(cache, source.tenantId, unique);
  try {
    const { placed, persons, ...outcome } = await retrying(partitions, dates, () =>
      storeBatch(deps, placement, source, { all: messages, unique }, receivedAt),
    );
    const tenantId = source.tenantId;
    if (persons) {
      rememberSettled(cache, tenantId, persons.settled);
      touches.noteSeen(tenantId, persons.seen);
    }
    touches.noteSeen(tenantId, placedSeen(cache, tenantId, placed));
    return outcome;
  } finally {
    await touches.batchEnded();
  }
}

/** Places the messages the cache can place (those not in `placed` yet) into `placed`. */
function placeMessages(
  cache: IdentityCache,
  tenantId: string,
  messages: TouchpointMessage[],
  placed = new Map<TouchpointMessage, Placed>(),
): Map<TouchpointMessage, Placed> {
  for (const message of messages) {
    if (placed.has(message)) continue;
    const hit = cache.resolve(tenantId, message);
    if (hit)
      placed.set(message, {
        personId: hit.personId,
        customerId: message.customerId ?? hit.person.customerId,
      });
  }
  return placed;
}

/** Runs `attempt` until it succeeds, again after a lost race or a partition dropped meanwhile. */
async function retrying<T>(
  partitions: MonthPartitions,
  dates: Date[],
  attempt: () => Promise<T>,
): Promise<T> {
  return withTransactionRetry(attempt, {
    attempts: MAX_ATTEMPTS,
    isRetryable: (error) => isMissingEventPartition(error) || isLostBatchRace(error),
    beforeRetry: async (error) => {
      if (!isMissingEventPartition(error)) return;
      // A partition was dropped behind this process's back (retention): look again.
      partitions.forget();
      await partitions.ensure(dates);
    },
  });
}

/** The first message of each message id, in batch order; later ones are duplicates. */
function firstOfEachId(messages: TouchpointMessage[]): TouchpointMessage[] {
  const seen = new Set<string>();
  return messages.filter((message) => !seen.has(message.messageId) && seen.add(message.messageId));
}

async function storeBatch(
  deps: InsightsDeps,
  placed: Map<TouchpointMessage, Placed>,
  source: SourceRef,
  { all: messages, unique }: { all: TouchpointMessage[]; unique: TouchpointMessage[] },
  receivedAt: Date,
): Promise<Stored> {
  const batch = { tenantId: source.tenantId, sourceId: source.sourceId, receivedAt };
  const outcome = (kept: TouchpointMessage[], persons?: PersonsOfBatch): Stored => ({
    stored: kept.length,
    duplicates: messages.length - kept.length,
    placed: kept.flatMap((message) => {
      const at = placed.get(message);
      return at ? [{ message, personId: at.personId }] : [];
    }),
    persons,
  });
  // The placed messages' events go in with the claim of the message ids, before any identity is
  // added: concurrent batches adding the same identity queue on this one until it commits.
  const claimAndPlace = async (db: Db) => {
    const claim = claimMessageIdsSql(
      source,
      unique.map((message) => message.messageId),
      receivedAt,
    );
    const rows = unique.flatMap((message) => {
      const at = placed.get(message);
      return at ? [eventRow(source, message, at)] : [];
    });
    return claimAndInsert(db, claim, buildEventsWrite(batch, rows, 'claimed'));
  };
  if (placed.size === unique.length) {
    const fresh = await claimAndPlace(deps.db);
    return outcome(unique.filter((message) => fresh.has(message.messageId)));
  }
  return deps.db.transaction(async (tx) => {
    const fresh = await claimAndPlace(tx);
    const kept = unique.filter((message) => fresh.has(message.messageId));
    const resolving = kept.filter((message) => !placed.has(message));
    if (resolving.length === 0) return outcome(kept);
    const persons = await syncPersons(
      { db: tx, crm: deps.crm, now: deps.clock.now(), newId },
      source.tenantId,
      resolving,
    );
    const rows = resolving.map((message, index) =>
      eventRow(source, message, {
        personId: persons.personIds[index] ?? null,
        customerId: persons.customerIds[index] ?? null,
      }),
    );
    await executeWrites(tx, [...persons.writes, buildEventsWrite(batch, rows)]);
    return outcome(kept, persons);
  });
}

/** The seen ranges to widen for the messages the cache placed (those outside what it knows). */
function placedSeen(
  cache: IdentityCache,
  tenantId: string,
  placed: { message: TouchpointMessage; personId: string }[],
): SeenWrite[] {
  const rows = new Map<string, SeenWrite>();
  for (const { message, personId } of placed) {
    if (!cache.widenSeen(tenantId, personId, message.timestamp)) continue;
    const row = rows.get(personId);
    const at = message.timestamp;
    if (!row) rows.set(personId, { id: personId, firstSeenAt: at, lastSeenAt: at });
    else {
      if (at < row.firstSeenAt) row.firstSeenAt = at;
      if (at > row.lastSeenAt) row.lastSeenAt = at;
    }
  }
  return [...rows.values()];
}

/** The channel of a message: its own, else its source's kind (Kehu's own `system` source counts as server). */
const channelOf = (source: SourceRef, message: TouchpointMessage): Channel =>
  message.channel ?? (source.kind === 'system' ? 'server' : source.kind);

function eventRow(
  source: SourceRef,
  message: TouchpointMessage,
  at: { personId: string | null; customerId: string | null },
): NewEventRow {
  return {
    id: newId(),
    personId: at.personId,
    customerId: at.customerId,
    type: message.type,
    event: message.event,
    channel: channelOf(source, message),
    messageId: message.messageId,
    userId: message.userId,
    anonymousId: message.anonymousId,
    groupId: message.groupId,
    timestamp: message.timestamp,
    sentAt: message.sentAt,
    originalTimestamp: message.originalTimestamp,
    properties: message.properties,
    traits: message.traits,
    context: message.context,
  };
}
