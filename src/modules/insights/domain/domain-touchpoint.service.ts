/**
 * Domain events become touchpoints: a job reads the outbox from its cursor (minus an overlap, because
 * an event's `created_at` is its transaction's start and a slow transaction commits it late), turns
 * each event into a `track` message of the tenant's system source and stores it through the ordinary
 * ingest path. The event id is the message id, so rereading the overlap stores nothing twice; the
 * cursor moves only after the batch's touchpoints committed, so a crash rereads, never skips.
 */
import { readDomainEvents, type DomainEvent, type OutboxKey } from '../../../platform/events/domain-event.js';
import { findReplayStart, saveDomainEventCursor } from '../../../platform/events/domain-event-cursor.js';
import type { Job, JobLogger } from '../../../platform/jobs/scheduler.js';
import { ingestMessages } from '../ingest/ingest.service.js';
import type { SourceRef } from '../message/message.contract.js';
import type { InsightsDeps } from '../insights-deps.js';
import { ensureSystemSource } from '../source/source.service.js';
import { touchpointOfDomainEvent } from './domain-touchpoint.js';
import { listSeenMessageIds } from '../event/event.service.js';

/** This consumer's name in `domain_event_cursors`. */
export const DOMAIN_TOUCHPOINT_CONSUMER = 'insights.touchpoints';

/** How far before its cursor the consumer rereads: longer than any CRM transaction lasts. */
export const REPLAY_OVERLAP_MS = 5 * 60_000;

const BATCH = 500;

/** What one run did: events read, touchpoints stored, already stored, and events that are no touchpoint. */
export type DomainTouchpointRun = { read: number; stored: number; duplicates: number; skipped: number };

/** Reads every outbox event not yet recorded and stores its touchpoint; safe to run twice or at once. */
export async function runDomainTouchpoints(
  deps: InsightsDeps,
  options: { batchSize?: number } = {},
): Promise<DomainTouchpointRun> {
  const limit = options.batchSize ?? BATCH;
  const total: DomainTouchpointRun = { read: 0, stored: 0, duplicates: 0, skipped: 0 };
  const sources = new Map<string, SourceRef>();
  const since = await findReplayStart(deps.db, DOMAIN_TOUCHPOINT_CONSUMER, REPLAY_OVERLAP_MS);
  let after: OutboxKey | undefined;
  for (;;) {
    const batch = await readDomainEvents(deps.db, { since, after, limit });
    const last = batch[batch.length - 1];
    if (!last) return total;
    total.read += batch.length;
    for (const [tenantId, events] of groupByTenant(batch)) {
      const outcome = await recordTenantEvents(deps, sources, tenantId, events);
      total.stored += outcome.stored;
      total.duplicates += outcome.duplicates;
      total.skipped += outcome.skipped;
    }
    await saveDomainEventCursor(deps.db, DOMAIN_TOUCHPOINT_CONSUMER, last.key.createdAt, deps.clock.now());
    if (batch.length < limit) return total;
    after = last.key;
  }
}

function groupByTenant(events: DomainEvent[]): Map<string, DomainEvent[]> {
  const groups = new Map<string, DomainEvent[]>();
  for (const event of events) {
    const group = groups.get(event.tenantId);
    if (group) group.push(event);
    else groups.set(event.tenantId, [event]);
  }
  return groups;
}

/** Stores the touchpoints of one tenant's events; those stored on an earlier read are left out up front. */
async function recordTenantEvents(
  deps: InsightsDeps,
  sources: Map<string, SourceRef>,
  tenantId: string,
  events: DomainEvent[],
): Promise<Omit<DomainTouchpointRun, 'read'>> {
  const now = deps.clock.now();
  const messages = events.flatMap((event) => touchpointOfDomainEvent(event) ?? []);
  const skipped = events.length - messages.length;
  if (messages.length === 0) return { stored: 0, duplicates: 0, skipped };
  let source = sources.get(tenantId);
  if (!source) {
    source = await ensureSystemSource(deps.db, tenantId, now);
    sources.set(tenantId, source);
  }
  // The overlap is reread on every run: checking the seen ids first keeps a quiet run to two reads.
  const seen = await listSeenMessageIds(
    deps.db,
    tenantId,
    source.sourceId,
    messages.map((message) => message.messageId),
  );
  const fresh = messages.filter((message) => !seen.has(message.messageId));
  const outcome = fresh.length
    ? await ingestMessages(deps, source, fresh, now)
    : { stored: 0, duplicates: 0 };
  return { stored: outcome.stored, duplicates: outcome.duplicates + seen.size, skipped };
}

/**
 * The scheduled job: record new domain events as touchpoints every few seconds. A failing run moves
 * no cursor, so the next run retries the same events.
 */
export function domainTouchpointJob(deps: InsightsDeps, logger?: JobLogger): Job {
  return {
    name: 'insights.domain-touchpoints',
    everyMs: 5_000,
    run: async () => {
      const result = await runDomainTouchpoints(deps);
      if (result.stored > 0) logger?.info({ ...result }, 'domain events recorded as touchpoints');
    },
  };
}
