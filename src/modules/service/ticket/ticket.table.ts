import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Service tickets (工单). The clock columns (`created_at`, `paused_business_minutes`, `paused_at`,
 * `first_responded_at`, `solved_at`) are enough to recompute the due times when the priority, the
 * policy or its calendar changes.
 */
export const tickets = pgTable(
  'tickets',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    /** Per tenant, from 1: what people say on the phone. */
    number: integer('number').notNull(),
    subject: text('subject').notNull(),
    description: text('description'),
    customerId: uuid('customer_id'),
    /** urgent / high / normal / low. */
    priority: text('priority').notNull(),
    /** pre_sale / in_sale / after_sale (售前 / 售中 / 售后). */
    category: text('category'),
    /** open / pending / on_hold / solved / closed. */
    status: text('status').notNull(),
    slaPolicyId: uuid('sla_policy_id'),
    createdByUserId: uuid('created_by_user_id'),
    /** When the clocks started: the import's time, else when the ticket was recorded. */
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    firstResponseDueAt: timestamp('first_response_due_at', { withTimezone: true }),
    resolutionDueAt: timestamp('resolution_due_at', { withTimezone: true }),
    firstRespondedAt: timestamp('first_responded_at', { withTimezone: true }),
    /** Business minutes the resolution clock stood still (pending, solved before a reopen). */
    pausedBusinessMinutes: integer('paused_business_minutes').notNull(),
    /** Since when the ticket is pending (the resolution clock paused). */
    pausedAt: timestamp('paused_at', { withTimezone: true }),
    /** When the ticket was solved (the resolution clock stopped); cleared by a reopen. */
    solvedAt: timestamp('solved_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('tickets_number_key').on(t.tenantId, t.number),
    index('tickets_created_idx').on(t.tenantId, t.createdAt, t.id),
    index('tickets_customer_idx').on(t.tenantId, t.customerId),
    index('tickets_policy_idx').on(t.tenantId, t.slaPolicyId, t.status),
  ],
);

/** Public replies and internal notes of a ticket. */
export const ticketReplies = pgTable(
  'ticket_replies',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    ticketId: uuid('ticket_id').notNull(),
    body: text('body').notNull(),
    /** False for an internal note, which the customer never sees. */
    isPublic: boolean('is_public').notNull(),
    authorUserId: uuid('author_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('ticket_replies_ticket_idx').on(t.tenantId, t.ticketId, t.createdAt),
  ],
);

/** The last ticket number given out per tenant. */
export const ticketCounters = pgTable(
  'ticket_counters',
  {
    tenantId: uuid('tenant_id').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId] })],
);
