import { jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { OpenInterval, Weekday } from './business-time.js';

/** Business calendars (工作日历): open hours per weekday with breaks, a time zone, holidays, make-up days. */
export const businessCalendars = pgTable(
  'business_calendars',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    /** An IANA time zone, e.g. `Asia/Shanghai`. */
    timeZone: text('time_zone').notNull(),
    hours: jsonb('hours').$type<Partial<Record<Weekday, OpenInterval[]>>>().notNull(),
    /** Local dates `YYYY-MM-DD` closed although their weekday is open. */
    holidays: jsonb('holidays').$type<string[]>().notNull(),
    /** Make-up working days (调休) with their own hours. */
    workdays: jsonb('workdays').$type<{ date: string; hours: OpenInterval[] }[]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);
