/** Queries of SLA policies. */
import { and, asc, eq, ne } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { slaPolicies } from './sla.table.js';

export type PolicyRow = typeof slaPolicies.$inferSelect;
export type NewPolicyRow = typeof slaPolicies.$inferInsert;

/** Records a policy. */
export async function insertPolicy(db: Db, row: NewPolicyRow): Promise<PolicyRow> {
  const [inserted] = await db.insert(slaPolicies).values(row).returning();
  return inserted!;
}

/** One policy of the tenant. */
export async function findPolicy(db: Db, tenantId: string, id: string): Promise<PolicyRow | undefined> {
  const [row] = await db
    .select()
    .from(slaPolicies)
    .where(and(eq(slaPolicies.tenantId, tenantId), eq(slaPolicies.id, id)));
  return row;
}

/** The tenant's default policy, if it has one. */
export async function findDefaultPolicy(db: Db, tenantId: string): Promise<PolicyRow | undefined> {
  const [row] = await db
    .select()
    .from(slaPolicies)
    .where(and(eq(slaPolicies.tenantId, tenantId), eq(slaPolicies.isDefault, true)));
  return row;
}

/** The tenant's policies by name. */
export async function listPolicies(db: Db, tenantId: string): Promise<PolicyRow[]> {
  return db
    .select()
    .from(slaPolicies)
    .where(eq(slaPolicies.tenantId, tenantId))
    .orderBy(asc(slaPolicies.name), asc(slaPolicies.id))
    .limit(1000);
}

/** The ids of the policies that run on a calendar. */
export async function listPolicyIdsOfCalendar(
  db: Db,
  tenantId: string,
  calendarId: string,
): Promise<string[]> {
  const rows = await db
    .select({ id: slaPolicies.id })
    .from(slaPolicies)
    .where(and(eq(slaPolicies.tenantId, tenantId), eq(slaPolicies.calendarId, calendarId)));
  return rows.map((row) => row.id);
}

/** Clears the default mark of every other policy of the tenant. */
export async function clearDefaultPolicy(db: Db, tenantId: string, exceptId: string): Promise<void> {
  await db
    .update(slaPolicies)
    .set({ isDefault: false })
    .where(
      and(eq(slaPolicies.tenantId, tenantId), eq(slaPolicies.isDefault, true), ne(slaPolicies.id, exceptId)),
    );
}

/** Changes a policy; answers the stored row. */
export async function updatePolicy(
  db: Db,
  tenantId: string,
  id: string,
  changes: Partial<Omit<NewPolicyRow, 'tenantId' | 'id' | 'createdAt'>>,
): Promise<PolicyRow | undefined> {
  const [row] = await db
    .update(slaPolicies)
    .set(changes)
    .where(and(eq(slaPolicies.tenantId, tenantId), eq(slaPolicies.id, id)))
    .returning();
  return row;
}
