/** Deduplication by message id: a message id is claimed once per source, in the storing transaction. */
import { sql, type SQL } from 'drizzle-orm';

/**
 * The insert that records `messageIds` (distinct) as seen by the source, `returning message_id` of
 * those that were new. An id another open transaction is claiming waits for it: claimed there means
 * a duplicate here. Ids are claimed in sorted order, so two batches sharing several ids queue
 * instead of deadlocking.
 */
export function claimMessageIdsSql(
  source: { tenantId: string; sourceId: string },
  messageIds: string[],
  receivedAt: Date,
): SQL {
  return sql`insert into event_message_ids (tenant_id, source_id, message_id, received_at)
    select ${source.tenantId}::uuid, ${source.sourceId}::uuid, m, ${receivedAt.toISOString()}::timestamptz
    from unnest(${sql.param([...messageIds].sort())}::text[]) m
    on conflict do nothing
    returning message_id`;
}
