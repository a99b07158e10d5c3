/**
 * Queries of touchpoint timelines: a set of persons' events, or an account's, newest first by
 * (timestamp, id), through events_person_idx and events_customer_idx: a page reads at most `limit`
 * rows per person (or account) however long the history is.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { jsonOf } from './json-column.js';
import type { KeysetPosition } from './timeline-cursor.js';

/** Filters and position of a timeline page; `limit` rows at most are answered. */
export type EventFilter = {
  event?: string;
  type?: string;
  channel?: string;
  after?: KeysetPosition;
  limit: number;
};

/** One events row as timelines show it; `cursorAt` is the timestamp to the microsecond (for cursors). */
export type TouchpointRow = {
  id: string;
  type: string;
  event: string | null;
  channel: string;
  timestamp: Date;
  receivedAt: Date;
  messageId: string;
  properties: Record<string, unknown>;
  traits: Record<string, unknown> | null;
  userId: string | null;
  anonymousId: string | null;
  groupId: string | null;
  personId: string | null;
  customerId: string | null;
  sourceId: string;
  cursorAt: string;
};

const COLUMNS = sql.raw(
  [
    'e.id',
    'e.type',
    'e.event',
    'e.channel',
    'e."timestamp"',
    'e.received_at as "receivedAt"',
    'e.message_id as "messageId"',
    'e.properties',
    'e.traits',
    'e.user_id as "userId"',
    'e.anonymous_id as "anonymousId"',
    'e.group_id as "groupId"',
    'e.person_id as "personId"',
    'e.customer_id as "customerId"',
    'e.source_id as "sourceId"',
    `to_char(e."timestamp" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursorAt"`,
  ].join(', '),
);

/** The events of these persons (as stored: pass every member of a merge cluster), newest first. */
export async function listEventsOfPersons(
  db: Db,
  tenantId: string,
  personIds: string[],
  filter: EventFilter,
): Promise<TouchpointRow[]> {
  if (personIds.length === 0) return [];
  const result = await db.execute<Record<string, unknown>>(
    sql`select t.* from (${personsBranch(tenantId, personIds, filter, undefined)}) t
      order by t."timestamp" desc, t.id desc limit ${filter.limit}`,
  );
  return result.rows.map(touchpointRowOf);
}

/**
 * An account's events: those naming it in customer_id (index events_customer_idx) and those of the
 * persons acting for it, without counting an event twice; newest first.
 */
export async function listEventsOfAccount(
  db: Db,
  tenantId: string,
  customerId: string,
  personIds: string[],
  filter: EventFilter,
): Promise<TouchpointRow[]> {
  const named = sql`(select ${COLUMNS} from events e
    where e.tenant_id = ${tenantId} and e.customer_id = ${customerId}${filters(filter)}
    order by e."timestamp" desc, e.id desc limit ${filter.limit})`;
  const branches = personIds.length
    ? sql`${named} union all ${personsBranch(tenantId, personIds, filter, customerId)}`
    : named;
  const result = await db.execute<Record<string, unknown>>(
    sql`select t.* from (${branches}) t order by t."timestamp" desc, t.id desc limit ${filter.limit}`,
  );
  return result.rows.map(touchpointRowOf);
}

/** Up to this many persons get a branch each; larger sets go through one lateral join. */
const MAX_BRANCHES = 32;

/**
 * Per person, the newest `limit` matching events (skipping those that name `exceptCustomerId`). Each
 * person is its own branch with the id as a constant, so the planner sizes it from the column
 * statistics: a person with a long history gets an ordered index scan that stops after `limit` rows
 * (a lateral join over unnest would plan every person as an average one, a bitmap scan and a sort).
 */
function personsBranch(
  tenantId: string,
  personIds: string[],
  filter: EventFilter,
  exceptCustomerId: string | undefined,
): SQL {
  const except = exceptCustomerId
    ? sql` and (e.customer_id is null or e.customer_id <> ${exceptCustomerId})`
    : sql``;
  const rest = sql`${except}${filters(filter)} order by e."timestamp" desc, e.id desc limit ${filter.limit}`;
  if (personIds.length > MAX_BRANCHES) {
    return sql`(select x.* from unnest(${sql.param(personIds)}::uuid[]) as m(id) cross join lateral (
      select ${COLUMNS} from events e where e.tenant_id = ${tenantId} and e.person_id = m.id${rest}) x)`;
  }
  const branches = personIds.map(
    (id) =>
      sql`(select ${COLUMNS} from events e where e.tenant_id = ${tenantId} and e.person_id = ${id}${rest})`,
  );
  return sql.join(branches, sql` union all `);
}

function filters(filter: EventFilter): SQL {
  const parts: SQL[] = [];
  if (filter.event !== undefined) parts.push(sql` and e.event = ${filter.event}`);
  if (filter.type !== undefined) parts.push(sql` and e.type = ${filter.type}`);
  if (filter.channel !== undefined) parts.push(sql` and e.channel = ${filter.channel}`);
  if (filter.after) {
    parts.push(sql` and (e."timestamp", e.id) < (${filter.after.at}::timestamptz, ${filter.after.id}::uuid)`);
  }
  return sql.join(parts);
}

function touchpointRowOf(raw: Record<string, unknown>): TouchpointRow {
  return {
    ...(raw as Omit<TouchpointRow, 'timestamp' | 'receivedAt' | 'properties' | 'traits'>),
    timestamp: new Date(raw.timestamp as string | Date),
    receivedAt: new Date(raw.receivedAt as string | Date),
    properties: jsonOf(raw.properties) ?? {},
    traits: jsonOf(raw.traits),
  };
}
