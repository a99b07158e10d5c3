/** Queries of scheduled tenant removals (`tenant_removals`, keyed by the tenant's id). */
import { and, eq, isNull, lte } from 'drizzle-orm';
import type { Db } from './database.js';
import { tenantRemovals } from './tenant-removal.table.js';

export type TenantRemovalRow = typeof tenantRemovals.$inferSelect;

/** Schedules (or re-schedules, while not done) the tenant's removal; answers the row in force. */
export async function upsertTenantRemoval(db: Db, row: TenantRemovalRow): Promise<TenantRemovalRow> {
  const [saved] = await db
    .insert(tenantRemovals)
    .values(row)
    .onConflictDoUpdate({
      target: tenantRemovals.id,
      set: { requestedAt: row.requestedAt, requestedBy: row.requestedBy, dueAt: row.dueAt },
      setWhere: isNull(tenantRemovals.doneAt),
    })
    .returning();
  return saved ?? (await findTenantRemoval(db, row.id))!;
}

/** The tenant's removal, scheduled or done. */
export async function findTenantRemoval(db: Db, tenantId: string): Promise<TenantRemovalRow | undefined> {
  const [row] = await db.select().from(tenantRemovals).where(eq(tenantRemovals.id, tenantId));
  return row;
}

/** Cancels a removal not yet done; true when there was one. */
export async function deletePendingTenantRemoval(db: Db, tenantId: string): Promise<boolean> {
  const rows = await db
    .delete(tenantRemovals)
    .where(and(eq(tenantRemovals.id, tenantId), isNull(tenantRemovals.doneAt)))
    .returning({ id: tenantRemovals.id });
  return rows.length > 0;
}

/** Removals due at `now` and not done. */
export async function listDueTenantRemovals(db: Db, now: Date): Promise<TenantRemovalRow[]> {
  return db
    .select()
    .from(tenantRemovals)
    .where(and(isNull(tenantRemovals.doneAt), lte(tenantRemovals.dueAt, now)))
    .orderBy(tenantRemovals.dueAt);
}

/** Marks a removal done, with where its final export went. */
export async function markTenantRemovalDone(
  db: Db,
  tenantId: string,
  at: Date,
  finalExport: string,
): Promise<void> {
  await db.update(tenantRemovals).set({ doneAt: at, finalExport }).where(eq(tenantRemovals.id, tenantId));
}
