/**
 * Queries on `events` and `event_message_ids` for the other features: the insert of a batch's
 * events (its monthly partitions must exist: see event.service.ts) and which message ids a source
 * stored already.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import type { Write } from '../message/batch-write.contract.js';
import type { NewEventRow } from './event.contract.js';
import { eventMessageIds } from './event.table.js';

// Short keys keep the one JSON parameter small; a key left out (null) reads as null.
const COLUMNS = [
  ['id', 'a', 'uuid'],
  ['person_id', 'b', 'uuid'],
  ['customer_id', 'c', 'uuid'],
  ['type', 'd', 'text'],
  ['event', 'e', 'text'],
  ['channel', 'f', 'text'],
  ['message_id', 'g', 'text'],
  ['user_id', 'h', 'text'],
  ['anonymous_id', 'i', 'text'],
  ['group_id', 'j', 'text'],
  ['timestamp', 'k', 'timestamptz'],
  ['sent_at', 'l', 'timestamptz'],
  ['original_timestamp', 'm', 'timestamptz'],
  ['properties', 'n', 'jsonb'],
  ['traits', 'o', 'jsonb'],
  ['context', 'p', 'jsonb'],
] as const;

const NAMES = COLUMNS.map(([name]) => `"${name}"`).join(', ');
const VALUES = COLUMNS.map(([, key]) => `x.${key}`).join(', ');
const RECORD = COLUMNS.map(([, key, type]) => `${key} ${type}`).join(', ');

function compact(row: NewEventRow): Record<string, unknown> {
  return {
    a: row.id,
    b: row.personId ?? undefined,
    c: row.customerId ?? undefined,
    d: row.type,
    e: row.event ?? undefined,
    f: row.channel,
    g: row.messageId,
    h: row.userId ?? undefined,
    i: row.anonymousId ?? undefined,
    j: row.groupId ?? undefined,
    k: row.timestamp.toISOString(),
    l: row.sentAt?.toISOString(),
    m: row.originalTimestamp?.toISOString(),
    n: row.properties,
    o: row.traits ?? undefined,
    p: row.context ?? undefined,
  };
}

/**
 * The insert of a batch's events, one JSON parameter whatever the batch size (`jsonb_to_recordset`:
 * the jsonb columns are then taken from the parsed document, not parsed again). With `claimedIn`
 * (the name of a CTE of the same statement returning `message_id`), only the rows whose message id
 * it returned are inserted.
 */
export function insertEventsSql(
  batch: { tenantId: string; sourceId: string; receivedAt: Date },
  rows: NewEventRow[],
  claimedIn?: string,
): Write | undefined {
  if (rows.length === 0) return undefined;
  const claimed = claimedIn ? sql.raw(` where x.g in (select message_id from ${claimedIn})`) : sql``;
  return {
    sql: sql`insert into events (tenant_id, source_id, received_at, ${sql.raw(NAMES)})
    select ${batch.tenantId}::uuid, ${batch.sourceId}::uuid, ${batch.receivedAt.toISOString()}::timestamptz,
      ${sql.raw(VALUES)}
    from jsonb_to_recordset(${JSON.stringify(rows.map(compact))}::jsonb) as x(${sql.raw(RECORD)})${claimed}`,
  };
}

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
