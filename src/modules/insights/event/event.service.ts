/**
 * The event store's door for the other insights features: the monthly partitions a batch needs, the
 * insert of its events, and which message ids a source stored already.
 */
import type { Db } from '../../../platform/db/database.js';
import type { Write } from '../message/batch-write.contract.js';
import type { NewEventRow } from './event.contract.js';
import { monthsOf, partitionName } from './event-partition.js';
import { createMonthPartition, listExistingPartitions } from './event-partition.repository.js';
import * as repo from './event.repository.js';

/**
 * The monthly partitions of one database, created on demand before a batch is stored. Creating one
 * is DDL that locks `events`, so it runs outside (before) the insert transaction; the months known
 * to exist are remembered, so the hot path sends no query at all. Safe to use from several processes
 * at once (each has its own memory; a lost creation race is fine).
 */
export class MonthPartitions {
  private known = new Set<string>();

  constructor(private readonly db: Db) {}

  /** Makes sure every month of `dates` has its partition. */
  async ensure(dates: Iterable<Date>): Promise<void> {
    const missing = monthsOf(dates).filter((month) => !this.known.has(partitionName(month)));
    if (missing.length === 0) return;
    const present = await listExistingPartitions(
      this.db,
      missing.map((month) => partitionName(month)),
    );
    for (const month of missing) {
      const name = partitionName(month);
      if (!present.has(name)) await createMonthPartition(this.db, month);
      this.known.add(name);
    }
  }

  /** Forgets the months known, e.g. after a partition was dropped behind this process's back. */
  forget(): void {
    this.known = new Set();
  }
}

/**
 * The insert of a batch's events as one write (undefined when there are none); with `claimedIn`,
 * only the rows whose message id that CTE of the same statement returned (see event.repository.ts).
 */
export function buildEventsWrite(
  batch: { tenantId: string; sourceId: string; receivedAt: Date },
  rows: NewEventRow[],
  claimedIn?: string,
): Write | undefined {
  return repo.insertEventsSql(batch, rows, claimedIn);
}

/** Which of `messageIds` the source has stored already (the rest are new). */
export async function listSeenMessageIds(
  db: Db,
  tenantId: string,
  sourceId: string,
  messageIds: string[],
): Promise<Set<string>> {
  return repo.listSeenMessageIds(db, tenantId, sourceId, messageIds);
}
