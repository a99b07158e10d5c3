/** Writing touchpoints into `events` (its monthly partitions must exist: see event-partition.ts). */
import { sql } from 'drizzle-orm';
import type { Write } from '../ingest/ingest.repository.js';

/** One event row to store; the tenant, source and receive time are the batch's. */
export type NewEventRow = {
  id: string;
  personId: string | null;
  customerId: string | null;
  type: string;
  event: string | null;
  channel: string;
  messageId: string;
  userId: string | null;
  anonymousId: string | null;
  groupId: string | null;
  timestamp: Date;
  sentAt: Date | null;
  originalTimestamp: Date | null;
  properties: Record<string, unknown>;
  traits: Record<string, unknown> | null;
  context: Record<string, unknown> | null;
};

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
