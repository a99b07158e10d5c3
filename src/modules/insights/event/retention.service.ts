/**
 * Retention: each source's events live `retention_days` (by event time), message ids live
 * `MESSAGE_ID_TTL_DAYS` (by receipt) so a retried message is still recognised. Deletes run in
 * chunks, each its own short statement, so a big backlog never holds a long transaction. Running
 * twice at the same moment is harmless: the second run finds nothing left.
 *
 * Whole monthly partitions are not dropped: partitions hold every tenant's events, and the system
 * source (domain events) keeps its events forever, so a month is practically never free of events
 * to keep; emptied partitions stay (they cost a few catalog rows).
 */
import type { Job, JobLogger } from '../../../platform/jobs/scheduler.js';
import type { InsightsDeps } from '../insights-deps.js';
import { listSourcesWithRetention } from '../source/source.service.js';
import * as repo from './retention.repository.js';
import { DAY_MS } from '../../../platform/clock.js';
import { requestMaintenance } from '../../../platform/db/maintain.js';

/**
 * Days a message id is remembered for deduplication: well over the 24 hours the Segment spec
 * asks, so a client retrying after a long outage still stores nothing twice. Offline sources keep
 * theirs as long as their events (see `purgeMessageIdsBefore`).
 */
export const MESSAGE_ID_TTL_DAYS = 7;

/** Rows one delete statement removes at most. */
export const RETENTION_CHUNK_ROWS = 5_000;

/** What one retention run removed. */
export type RetentionResult = { deletedEvents: number; purgedMessageIds: number };

/** Deletes every source's expired events and the message ids past their time; answers the counts. */
export async function runRetention(deps: Pick<InsightsDeps, 'db' | 'clock'>): Promise<RetentionResult> {
  const now = deps.clock.now().getTime();
  const failures: unknown[] = [];
  let deletedEvents = 0;
  let purgedMessageIds = 0;
  for (const source of await listSourcesWithRetention(deps)) {
    const before = new Date(now - source.retentionDays * DAY_MS);
    try {
      deletedEvents += await inChunks((limit) => repo.deleteEventsBefore(deps.db, source, before, limit));
      if (source.kind === 'offline') {
        purgedMessageIds += await inChunks((limit) =>
          repo.purgeSourceMessageIdsBefore(deps.db, source, before, limit),
        );
      }
    } catch (error) {
      // One source failing (a lock timeout, say) must not keep the others' data forever.
      failures.push(error);
    }
  }
  const idsBefore = new Date(now - MESSAGE_ID_TTL_DAYS * DAY_MS);
  // Tenant by tenant: each purge statement names its tenant (Citus runs it on one node).
  for (const tenantId of await repo.listTenantsWithMessageIdsBefore(deps.db, idsBefore)) {
    try {
      purgedMessageIds += await inChunks((limit) =>
        repo.purgeMessageIdsBefore(deps.db, tenantId, idsBefore, limit),
      );
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) {
    throw new AggregateError(failures, `retention failed for ${failures.length} source(s) or tenant(s)`);
  }
  return { deletedEvents, purgedMessageIds };
}

/** Repeats a chunked delete until a chunk comes back short; answers the total. */
async function inChunks(deleteChunk: (limit: number) => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await deleteChunk(RETENTION_CHUNK_ROWS);
    total += deleted;
    if (deleted < RETENTION_CHUNK_ROWS) return total;
  }
}

/** The scheduled job: retention every hour. */
export function retentionJob(deps: Pick<InsightsDeps, 'db' | 'clock'>, logger?: JobLogger): Job {
  return {
    name: 'insights.retention',
    everyMs: 60 * 60_000,
    run: async () => {
      const result = await runRetention(deps);
      const rows = result.deletedEvents + result.purgedMessageIds;
      await requestMaintenance(deps.db, deps.clock, { rows, reason: 'insights.retention' });
      if (result.deletedEvents + result.purgedMessageIds > 0) logger?.info({ ...result }, 'retention ran');
    },
  };
}
