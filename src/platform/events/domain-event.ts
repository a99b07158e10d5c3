/**
 * Domain events through an outbox: a context publishes with the `db` of the transaction that makes
 * the change, so the event exists exactly when the change committed; consumers (insights) read the
 * outbox in commit-tolerant order afterwards. Types are dotted, `<context>.<entity>.<what happened>`,
 * e.g. `crm.deal.won`, `warehouse.order.shipped`.
 */
import { and, asc, gte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { newId } from '../ids.js';
import { domainEvents } from './domain-event.table.js';

/** What a publisher says happened. */
export type NewDomainEvent = {
  tenantId: string;
  /** Dotted type, e.g. `crm.follow_up.recorded`. */
  type: string;
  occurredAt: Date;
  /** The CRM customer (account) the event concerns. */
  customerId?: string | null;
  /** The CRM person (contact) the event concerns. */
  crmPersonId?: string | null;
  /** The user who caused it. */
  actorUserId?: string | null;
  payload: Record<string, unknown>;
};

/**
 * Where an event sits in the outbox, in read order. `createdAt` is the database's own text form of
 * the timestamp: it keeps the microseconds a JavaScript Date would drop, so a keyset never rereads
 * or skips a row.
 */
export type OutboxKey = { createdAt: string; tenantId: string; id: string };

/** A published event as consumers read it. */
export type DomainEvent = Required<NewDomainEvent> & { id: string; key: OutboxKey };

/**
 * Adds `event` to the outbox on `db`, which should be the caller's open transaction: a rollback then
 * takes the event with it. Answers the event's id.
 */
export async function publishDomainEvent(db: Db, event: NewDomainEvent): Promise<string> {
  const id = newId();
  await db.insert(domainEvents).values({
    tenantId: event.tenantId,
    id,
    type: event.type,
    occurredAt: event.occurredAt,
    customerId: event.customerId ?? null,
    crmPersonId: event.crmPersonId ?? null,
    actorUserId: event.actorUserId ?? null,
    payload: event.payload,
  });
  return id;
}

/** Which part of the outbox to read: from `since` (inclusive, a timestamp text), after `after`. */
export type OutboxRange = { since?: string; after?: OutboxKey; limit: number };

/**
 * Up to `limit` events in outbox order (created_at, tenant, id). `created_at` is the publishing
 * transaction's start, so a long transaction can commit an event behind ones already read: consumers
 * reread a window (see `findReplayStart`) and deduplicate by event id.
 */
export async function readDomainEvents(db: Db, range: OutboxRange): Promise<DomainEvent[]> {
  const conditions: SQL[] = [];
  if (range.since !== undefined)
    conditions.push(gte(domainEvents.createdAt, sql`${range.since}::timestamptz`));
  if (range.after) {
    const { createdAt, tenantId, id } = range.after;
    conditions.push(
      sql`(${domainEvents.createdAt}, ${domainEvents.tenantId}, ${domainEvents.id}) > (${createdAt}::timestamptz, ${tenantId}::uuid, ${id}::uuid)`,
    );
  }
  const rows = await db
    .select({
      tenantId: domainEvents.tenantId,
      id: domainEvents.id,
      type: domainEvents.type,
      occurredAt: domainEvents.occurredAt,
      customerId: domainEvents.customerId,
      crmPersonId: domainEvents.crmPersonId,
      actorUserId: domainEvents.actorUserId,
      payload: domainEvents.payload,
      createdAtText: sql<string>`${domainEvents.createdAt}::text`,
    })
    .from(domainEvents)
    .where(and(...conditions))
    .orderBy(asc(domainEvents.createdAt), asc(domainEvents.tenantId), asc(domainEvents.id))
    .limit(range.limit);
  return rows.map(({ createdAtText, payload, ...row }) => ({
    ...row,
    payload: (payload ?? {}) as Record<string, unknown>,
    key: { createdAt: createdAtText, tenantId: row.tenantId, id: row.id },
  }));
}
