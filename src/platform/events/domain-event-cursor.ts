/**
 * How far each consumer has read the outbox: the `created_at` of the newest event it has handled.
 * Positions travel as the database's timestamp text (microseconds intact, see `OutboxKey`).
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { domainEventCursors } from './domain-event.table.js';

/** The consumer's position, or undefined before its first save. */
export async function findDomainEventCursor(db: Db, consumer: string): Promise<string | undefined> {
  const [row] = await db
    .select({ position: sql<string>`${domainEventCursors.position}::text` })
    .from(domainEventCursors)
    .where(eq(domainEventCursors.consumer, consumer));
  return row?.position;
}

/**
 * Where the consumer's next read starts: `overlapMs` before its position, because an event's
 * `created_at` is its transaction's start and a slow transaction commits it behind newer ones.
 * Undefined (read everything) before the first save.
 */
export async function findReplayStart(
  db: Db,
  consumer: string,
  overlapMs: number,
): Promise<string | undefined> {
  const [row] = await db
    .select({
      since: sql<string>`(${domainEventCursors.position} - make_interval(secs => ${overlapMs / 1000}))::text`,
    })
    .from(domainEventCursors)
    .where(eq(domainEventCursors.consumer, consumer));
  return row?.since;
}

/**
 * Moves the consumer's position forward to `position`; never backwards. `at` is the time of the save,
 * from the caller's clock: Citus refuses `now()` in `ON CONFLICT … DO UPDATE SET`.
 */
export async function saveDomainEventCursor(
  db: Db,
  consumer: string,
  position: string,
  at: Date,
): Promise<void> {
  await db
    .insert(domainEventCursors)
    .values({ consumer, position: sql`${position}::timestamptz`, updatedAt: at })
    .onConflictDoUpdate({
      target: domainEventCursors.consumer,
      set: {
        position: sql`greatest(${domainEventCursors.position}, excluded.position)`,
        updatedAt: at,
      },
    });
}
