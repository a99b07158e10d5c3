/** Queries of tasks and the calendar feed addresses. */
import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { afterPosition, type TimeCursor } from '../../../platform/db/keyset.js';
import { calendarFeeds, tasks } from './task.table.js';

export type TaskRow = typeof tasks.$inferSelect;
export type NewTaskRow = typeof tasks.$inferInsert;

/** Which tasks a list holds: whose (undefined = anyone's), what they concern, status and due window. */
export type TaskFilter = {
  assignees?: string[];
  customerId?: string;
  dealId?: string;
  status?: 'open' | 'done';
  dueFrom?: Date;
  dueBefore?: Date;
};

/** Records a task. */
export async function insertTask(db: Db, row: NewTaskRow): Promise<TaskRow> {
  const [inserted] = await db.insert(tasks).values(row).returning();
  return inserted!;
}

/** One task of the tenant. */
export async function findTask(db: Db, tenantId: string, id: string): Promise<TaskRow | undefined> {
  const [row] = await db
    .select()
    .from(tasks)
    .where(and(eq(tasks.tenantId, tenantId), eq(tasks.id, id)));
  return row;
}

/** Changes a task; answers the stored row. */
export async function updateTask(
  db: Db,
  tenantId: string,
  id: string,
  changes: Partial<Omit<NewTaskRow, 'tenantId' | 'id'>>,
): Promise<TaskRow | undefined> {
  const [row] = await db
    .update(tasks)
    .set(changes)
    .where(and(eq(tasks.tenantId, tenantId), eq(tasks.id, id)))
    .returning();
  return row;
}

/** A page of tasks by due time then id, after the cursor; `limit` rows at most. */
export async function listTasks(
  db: Db,
  tenantId: string,
  filter: TaskFilter,
  cursor: TimeCursor | undefined,
  limit: number,
): Promise<TaskRow[]> {
  return db
    .select()
    .from(tasks)
    .where(
      and(
        eq(tasks.tenantId, tenantId),
        filter.assignees ? inArray(tasks.assigneeUserId, filter.assignees) : undefined,
        filter.customerId ? eq(tasks.customerId, filter.customerId) : undefined,
        filter.dealId ? eq(tasks.dealId, filter.dealId) : undefined,
        filter.status ? eq(tasks.status, filter.status) : undefined,
        filter.dueFrom ? gte(tasks.dueAt, filter.dueFrom) : undefined,
        filter.dueBefore ? lt(tasks.dueAt, filter.dueBefore) : undefined,
        afterPosition(tasks.dueAt, tasks.id, cursor),
      ),
    )
    .orderBy(asc(tasks.dueAt), asc(tasks.id))
    .limit(limit);
}

/** Moves the tasks of merged customers to the one they merged into; how many moved. */
export async function repointTasks(
  db: Db,
  tenantId: string,
  intoId: string,
  fromIds: string[],
): Promise<number> {
  const moved = await db
    .update(tasks)
    .set({ customerId: intoId })
    .where(and(eq(tasks.tenantId, tenantId), inArray(tasks.customerId, fromIds)))
    .returning({ id: tasks.id });
  return moved.length;
}

/** The user's calendar feed address, if one was made. */
export async function findCalendarFeed(
  db: Db,
  tenantId: string,
  userId: string,
): Promise<{ token: string } | undefined> {
  const [row] = await db
    .select({ token: calendarFeeds.token })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.tenantId, tenantId), eq(calendarFeeds.userId, userId)));
  return row;
}

/** Stores the user's feed token, replacing the one before (rotation); answers the stored token. */
export async function upsertCalendarFeed(
  db: Db,
  row: { tenantId: string; userId: string; token: string; createdAt: Date },
  replace: boolean,
): Promise<string> {
  const insert = db.insert(calendarFeeds).values(row);
  const [stored] = replace
    ? await insert
        .onConflictDoUpdate({
          target: [calendarFeeds.tenantId, calendarFeeds.userId],
          set: { token: row.token, createdAt: row.createdAt },
        })
        .returning({ token: calendarFeeds.token })
    : await insert.onConflictDoNothing().returning({ token: calendarFeeds.token });
  return stored?.token ?? (await findCalendarFeed(db, row.tenantId, row.userId))!.token;
}

/** Whose feed a token of the tenant opens. */
export async function findCalendarOwner(
  db: Db,
  tenantId: string,
  token: string,
): Promise<{ tenantId: string; userId: string } | undefined> {
  const [row] = await db
    .select({ tenantId: calendarFeeds.tenantId, userId: calendarFeeds.userId })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.tenantId, tenantId), eq(calendarFeeds.token, token)));
  return row;
}
