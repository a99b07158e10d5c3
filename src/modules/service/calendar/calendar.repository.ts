/** Queries of business calendars. */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { businessCalendars } from './calendar.table.js';

export type CalendarRow = typeof businessCalendars.$inferSelect;
export type NewCalendarRow = typeof businessCalendars.$inferInsert;

/** Records a calendar. */
export async function insertCalendar(db: Db, row: NewCalendarRow): Promise<CalendarRow> {
  const [inserted] = await db.insert(businessCalendars).values(row).returning();
  return inserted!;
}

/** One calendar of the tenant. */
export async function findCalendar(db: Db, tenantId: string, id: string): Promise<CalendarRow | undefined> {
  const [row] = await db
    .select()
    .from(businessCalendars)
    .where(and(eq(businessCalendars.tenantId, tenantId), eq(businessCalendars.id, id)));
  return row;
}

/** The tenant's calendars by name (a tenant has a handful). */
export async function listCalendars(db: Db, tenantId: string): Promise<CalendarRow[]> {
  return db
    .select()
    .from(businessCalendars)
    .where(eq(businessCalendars.tenantId, tenantId))
    .orderBy(asc(businessCalendars.name), asc(businessCalendars.id))
    .limit(1000);
}

/** Changes a calendar; answers the stored row. */
export async function updateCalendar(
  db: Db,
  tenantId: string,
  id: string,
  changes: Partial<Omit<NewCalendarRow, 'tenantId' | 'id' | 'createdAt'>>,
): Promise<CalendarRow | undefined> {
  const [row] = await db
    .update(businessCalendars)
    .set(changes)
    .where(and(eq(businessCalendars.tenantId, tenantId), eq(businessCalendars.id, id)))
    .returning();
  return row;
}
