import { index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Work a user has to do by a time: a call, visit, meeting, message or to-do (任务). */
export const tasks = pgTable(
  'tasks',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    title: text('title').notNull(),
    /** call / visit / meeting / message / todo. */
    kind: text('kind').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    assigneeUserId: uuid('assignee_user_id').notNull(),
    createdByUserId: uuid('created_by_user_id'),
    customerId: uuid('customer_id'),
    dealId: uuid('deal_id'),
    note: text('note'),
    /** open / done. */
    status: text('status').notNull(),
    outcome: text('outcome'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('tasks_assignee_idx').on(t.tenantId, t.assigneeUserId, t.status, t.dueAt),
    index('tasks_customer_idx').on(t.tenantId, t.customerId),
  ],
);

/**
 * Each user's secret calendar address (iCalendar feed): `/api/calendar/<tenant id>/<token>.ics`, so
 * the lookup carries the tenant like every other key. Rotating it replaces the token.
 */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    tenantId: uuid('tenant_id').notNull(),
    userId: uuid('user_id').notNull(),
    /** The secret in the address: a capability to read this user's open tasks, nothing else. */
    token: text('token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.userId] }),
    uniqueIndex('calendar_feeds_token_key').on(t.tenantId, t.token),
  ],
);
