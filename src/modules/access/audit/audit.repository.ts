/** Queries on the audit log. No rules here. */
import { and, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { auditLog } from './audit.table.js';

export type AuditRow = typeof auditLog.$inferSelect;

export const insertAuditEntries = async (db: Db, rows: (typeof auditLog.$inferInsert)[]): Promise<void> => {
  if (rows.length > 0) await db.insert(auditLog).values(rows);
};

/** A page of a tenant's entries, newest first, after `before` (an id) when given. */
export const listAuditEntries = async (
  db: Db,
  tenantId: string,
  filter: { action?: string; actorUserId?: string; from?: Date; to?: Date; before?: string; limit: number },
): Promise<AuditRow[]> => {
  const conditions: SQL[] = [eq(auditLog.tenantId, tenantId)];
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.actorUserId) conditions.push(eq(auditLog.actorUserId, filter.actorUserId));
  if (filter.from) conditions.push(gte(auditLog.at, filter.from));
  if (filter.to) conditions.push(lte(auditLog.at, filter.to));
  if (filter.before) conditions.push(lt(auditLog.id, filter.before));
  return db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(filter.limit);
};

/** Removes entries older than `before`, in every tenant; returns how many. */
export const deleteAuditEntriesBefore = async (db: Db, before: Date): Promise<number> =>
  (await db.delete(auditLog).where(lt(auditLog.at, before)).returning({ id: auditLog.id })).length;
