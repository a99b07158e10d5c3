/** Queries of the tenant's lead settings and of the counts assignment needs. */
import { and, count, eq, gte, inArray } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { leads, leadSettings } from './lead.table.js';

export type LeadSettingsRow = typeof leadSettings.$inferSelect;

/** The tenant's settings row, if it was ever saved; `lock` holds it for the transaction (assignment). */
export async function findLeadSettings(
  db: Db,
  tenantId: string,
  lock = false,
): Promise<LeadSettingsRow | undefined> {
  const query = db.select().from(leadSettings).where(eq(leadSettings.tenantId, tenantId));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** Saves the tenant's settings (the rotation position is kept). */
export async function saveLeadSettings(
  db: Db,
  tenantId: string,
  settings: Record<string, unknown>,
  at: Date,
): Promise<void> {
  await db
    .insert(leadSettings)
    .values({ tenantId, settings, rotation: 0, updatedAt: at })
    .onConflictDoUpdate({ target: leadSettings.tenantId, set: { settings, updatedAt: at } });
}

/** Moves the round-robin position. */
export async function setRotation(db: Db, tenantId: string, rotation: number): Promise<void> {
  await db.update(leadSettings).set({ rotation }).where(eq(leadSettings.tenantId, tenantId));
}

/** How many leads each of these users was assigned since `since`. */
export async function countAssignedSince(
  db: Db,
  tenantId: string,
  userIds: string[],
  since: Date,
): Promise<{ userId: string | null; count: number }[]> {
  if (userIds.length === 0) return [];
  return db
    .select({ userId: leads.ownerUserId, count: count() })
    .from(leads)
    .where(
      and(eq(leads.tenantId, tenantId), inArray(leads.ownerUserId, userIds), gte(leads.assignedAt, since)),
    )
    .groupBy(leads.ownerUserId);
}
