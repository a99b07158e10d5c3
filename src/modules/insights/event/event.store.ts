/**
 * The `events` table: every touchpoint, range-partitioned by month of `timestamp` and keyed by tenant.
 * drizzle-kit cannot declare partitioned tables, so the migration creates it by hand
 * (`drizzle/0002_touchpoints.sql`) and this definition (outside the `*.table.ts` glob) is only for
 * queries. Monthly partitions are created on demand by `ensureMonthPartitions`.
 */
import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** One touchpoint (a Segment message or a domain event). */
export const events = pgTable('events', {
  tenantId: uuid('tenant_id').notNull(),
  id: uuid('id').notNull(),
  sourceId: uuid('source_id').notNull(),
  /** The person at ingest time; follow `persons.merged_into` to today's survivor. */
  personId: uuid('person_id'),
  /** The CRM customer (account) the event concerns: from `group`, a linked contact or a domain event. */
  customerId: uuid('customer_id'),
  /** identify / track / page / screen / group / alias. */
  type: text('type').notNull(),
  /** The track event's name, or the page/screen name. */
  event: text('event'),
  /** web / app / mini_program / server / offline / sales / service / warehouse. */
  channel: text('channel').notNull(),
  messageId: text('message_id').notNull(),
  userId: text('user_id'),
  anonymousId: text('anonymous_id'),
  groupId: text('group_id'),
  /** Event time, corrected for client clock skew. */
  timestamp: timestamp('timestamp', { withTimezone: true }).notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  sentAt: timestamp('sent_at', { withTimezone: true }),
  originalTimestamp: timestamp('original_timestamp', { withTimezone: true }),
  properties: jsonb('properties').notNull().default({}),
  traits: jsonb('traits'),
  context: jsonb('context'),
});
