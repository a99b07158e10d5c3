/** Queries of the domain-event consumer. */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { eventMessageIds } from '../event/event.table.js';

/** Which of `messageIds` the source has stored already (the rest are new). */
export async function listSeenMessageIds(
  db: Db,
  tenantId: string,
  sourceId: string,
  messageIds: string[],
): Promise<Set<string>> {
  if (messageIds.length === 0) return new Set();
  const rows = await db
    .select({ messageId: eventMessageIds.messageId })
    .from(eventMessageIds)
    .where(
      and(
        eq(eventMessageIds.tenantId, tenantId),
        eq(eventMessageIds.sourceId, sourceId),
        inArray(eventMessageIds.messageId, messageIds),
      ),
    );
  return new Set(rows.map((row) => row.messageId));
}
