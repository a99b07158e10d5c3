import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Message ids seen per source, for deduplication: a retried message is stored once. Kept for
 * `MESSAGE_ID_TTL_DAYS` (at least the 24 hours the Segment spec asks for), then purged.
 */
export const eventMessageIds = pgTable(
  'event_message_ids',
  {
    tenantId: uuid('tenant_id').notNull(),
    sourceId: uuid('source_id').notNull(),
    messageId: text('message_id').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.sourceId, t.messageId] }),
    index('event_message_ids_received_idx').on(t.receivedAt),
  ],
);
