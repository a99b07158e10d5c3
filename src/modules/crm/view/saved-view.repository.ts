/** Queries on saved views. */
import { and, asc, eq, or } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { ownedRows, tenantRows } from '../../../platform/tenancy.js';
import { savedViews } from './saved-view.table.js';

export type SavedViewRow = typeof savedViews.$inferSelect;

/** The views a user sees: their own and the tenant's shared ones, by name (only shared ones without a user). */
export async function listSavedViewRows(
  db: Db,
  actor: Actor,
  userId: string | null,
): Promise<SavedViewRow[]> {
  return db
    .select()
    .from(savedViews)
    .where(
      and(
        tenantRows(actor, savedViews),
        userId ? or(eq(savedViews.userId, userId), eq(savedViews.shared, true)) : eq(savedViews.shared, true),
      ),
    )
    .orderBy(asc(savedViews.name), asc(savedViews.id));
}

/** Stores a view. */
export async function insertSavedView(
  db: Db,
  actor: Actor,
  row: Omit<SavedViewRow, 'tenantId'>,
): Promise<SavedViewRow> {
  const [inserted] = await db
    .insert(savedViews)
    .values(ownedRows(actor, [row]))
    .returning();
  return inserted!;
}

/** Deletes a user's own view; true when there was one. */
export async function deleteSavedViewRow(db: Db, actor: Actor, userId: string, id: string): Promise<boolean> {
  const deleted = await db
    .delete(savedViews)
    .where(and(tenantRows(actor, savedViews), eq(savedViews.id, id), eq(savedViews.userId, userId)))
    .returning({ id: savedViews.id });
  return deleted.length > 0;
}
