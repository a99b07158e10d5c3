import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** One priority's targets, in business minutes of the policy's calendar. */
export type StoredTarget = { priority: string; firstResponseMinutes: number; resolutionMinutes: number };

/** SLA policies: first-response and resolution targets per priority over a business calendar. */
export const slaPolicies = pgTable(
  'sla_policies',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    calendarId: uuid('calendar_id').notNull(),
    targets: jsonb('targets').$type<StoredTarget[]>().notNull(),
    /** The tenant's default: tickets that name no policy get this one (at most one per tenant). */
    isDefault: boolean('is_default').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('sla_policies_calendar_idx').on(t.tenantId, t.calendarId),
    uniqueIndex('sla_policies_default_key')
      .on(t.tenantId)
      .where(sql`${t.isDefault}`),
  ],
);
