/**
 * Queries of retention: chunked deletes of old events and old message ids. Each delete is one short
 * statement of at most `limit` rows, so a large backlog never holds locks for long.
 */
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { eventMessageIds } from './event.table.js';

/**
 * Deletes about `limit` of a source's oldest events older than `before` (more only when several
 * share the chunk's last timestamp); answers how many. Bounding the chunk by a timestamp keeps both
 * statements on the (tenant, source, timestamp) index, whatever the size of the partitions.
 */
export async function deleteEventsBefore(
  db: Db,
  source: { tenantId: string; id: string },
  before: Date,
  limit: number,
): Promise<number> {
  const result = await db.execute(sql`
    delete from events
    where tenant_id = ${source.tenantId} and source_id = ${source.id} and "timestamp" < ${before}
      and "timestamp" <= coalesce((
        select "timestamp" from events
        where tenant_id = ${source.tenantId} and source_id = ${source.id} and "timestamp" < ${before}
        order by "timestamp" offset ${limit - 1} limit 1
      ), ${before})`);
  return result.rowCount ?? 0;
}

/** The tenants holding message ids received before `before`: the purge then runs tenant by tenant. */
export async function listTenantsWithMessageIdsBefore(db: Db, before: Date): Promise<string[]> {
  const rows = await db
    .selectDistinct({ tenantId: eventMessageIds.tenantId })
    .from(eventMessageIds)
    .where(lt(eventMessageIds.receivedAt, before))
    .orderBy(eventMessageIds.tenantId);
  return rows.map((row) => row.tenantId);
}

/**
 * Deletes about `limit` of a tenant's oldest message ids received before `before`, except those of
 * offline sources: their ids are derived from the rows, and keeping them is what makes a list
 * imported again a month later store nothing new. One tenant at a time, named at every level: on
 * Citus a statement across tenants could not plan the chunk's subquery inside `coalesce`.
 */
export async function purgeMessageIdsBefore(
  db: Db,
  tenantId: string,
  before: Date,
  limit: number,
): Promise<number> {
  const notOffline = (alias: string) => sql`not exists (
    select 1 from sources s
    where s.tenant_id = ${tenantId} and s.id = ${sql.raw(alias)}.source_id and s.kind = 'offline')`;
  const result = await db.execute(sql`
    delete from event_message_ids m
    where m.tenant_id = ${tenantId} and m.received_at < ${before} and ${notOffline('m')}
      and m.received_at <= coalesce((
        select o.received_at from event_message_ids o
        where o.tenant_id = ${tenantId} and o.received_at < ${before} and ${notOffline('o')}
        order by o.received_at offset ${limit - 1} limit 1
      ), ${before})`);
  return result.rowCount ?? 0;
}

/** Deletes up to `limit` message ids of one source received before `before`. */
export async function purgeSourceMessageIdsBefore(
  db: Db,
  source: { tenantId: string; id: string },
  before: Date,
  limit: number,
): Promise<number> {
  const old = db
    .select({ messageId: eventMessageIds.messageId })
    .from(eventMessageIds)
    .where(
      and(
        eq(eventMessageIds.tenantId, source.tenantId),
        eq(eventMessageIds.sourceId, source.id),
        lt(eventMessageIds.receivedAt, before),
      ),
    )
    .limit(limit);
  const deleted = await db
    .delete(eventMessageIds)
    .where(
      and(
        eq(eventMessageIds.tenantId, source.tenantId),
        eq(eventMessageIds.sourceId, source.id),
        inArray(eventMessageIds.messageId, old),
      ),
    )
    .returning({ messageId: eventMessageIds.messageId });
  return deleted.length;
}
