/**
 * Queries on pools. Who holds a customer and the pool log are customer/ownership.repository.ts; how
 * many customers each pool holds is the customer feature's `countCustomersByPool`.
 */
import { and, asc, eq, isNotNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { pools } from './pool.table.js';

export type PoolRow = typeof pools.$inferSelect;
export type PoolSeedRow = typeof pools.$inferInsert;

/** The tenant's pools, the default first, then by name. */
export async function listPools(db: Db, tenantId: string): Promise<PoolRow[]> {
  return db
    .select()
    .from(pools)
    .where(eq(pools.tenantId, tenantId))
    .orderBy(sql`${pools.isDefault} desc`, asc(pools.name));
}

/** The tenant's pools as CSV columns name them, oldest first. */
export async function listPoolRefs(
  db: Db,
  tenantId: string,
): Promise<{ id: string; name: string; isDefault: boolean }[]> {
  return db
    .select({ id: pools.id, name: pools.name, isDefault: pools.isDefault })
    .from(pools)
    .where(eq(pools.tenantId, tenantId))
    .orderBy(asc(pools.createdAt), asc(pools.id));
}

/** Adds a pool; undefined when the tenant has one of that name already. */
export async function insertPool(
  db: Db,
  tenantId: string,
  row: { name: string; region: string | null; isDefault: boolean; createdAt: Date },
): Promise<PoolRow | undefined> {
  const [inserted] = await db
    .insert(pools)
    .values({ ...row, tenantId, id: newId() })
    .onConflictDoNothing()
    .returning();
  return inserted;
}

/** Changes a pool; the row after, if it exists. */
export async function updatePoolRow(
  db: Db,
  tenantId: string,
  id: string,
  changes: Partial<Pick<PoolRow, 'name' | 'region' | 'isDefault'>>,
): Promise<PoolRow | undefined> {
  const [row] = await db
    .update(pools)
    .set(changes)
    .where(and(eq(pools.tenantId, tenantId), eq(pools.id, id)))
    .returning();
  return row;
}

/** Makes every pool but `keepId` a non-default one. */
export async function clearOtherDefaults(db: Db, tenantId: string, keepId: string): Promise<void> {
  await db
    .update(pools)
    .set({ isDefault: false })
    .where(and(eq(pools.tenantId, tenantId), eq(pools.isDefault, true), ne(pools.id, keepId)));
}

/** The pool with this name, if any. */
export async function findPoolByName(db: Db, tenantId: string, name: string): Promise<PoolRow | undefined> {
  return (
    await db
      .select()
      .from(pools)
      .where(and(eq(pools.tenantId, tenantId), eq(pools.name, name)))
  )[0];
}

/** The default pool (the oldest, should there be several). */
export async function findDefaultPool(db: Db, tenantId: string): Promise<PoolRow | undefined> {
  return (
    await db
      .select()
      .from(pools)
      .where(and(eq(pools.tenantId, tenantId), eq(pools.isDefault, true)))
      .orderBy(asc(pools.createdAt), asc(pools.id))
      .limit(1)
  )[0];
}

/** Every pool that names a region, oldest first, so the first of a region wins. */
export async function listRegionPools(db: Db, tenantId: string): Promise<PoolRow[]> {
  return db
    .select()
    .from(pools)
    .where(and(eq(pools.tenantId, tenantId), isNotNull(pools.region)))
    .orderBy(asc(pools.createdAt), asc(pools.id));
}

/**
 * Serialises claims and assignments to one user until the transaction ends, so two at once cannot
 * both pass the caps.
 */
export async function lockOwnerCaps(db: Db, tenantId: string, userId: string): Promise<void> {
  await db.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`crm.pool:${tenantId}:${userId}`}, 0))`,
  );
}

/** One pool of the tenant, if it exists. */
export async function findPoolById(db: Db, tenantId: string, poolId: string): Promise<PoolRow | undefined> {
  return (
    await db
      .select()
      .from(pools)
      .where(and(eq(pools.tenantId, tenantId), eq(pools.id, poolId)))
  )[0];
}

/** Adds pools as they are, tenant and id included (seed data). */
export async function insertPoolRows(db: Db, rows: PoolSeedRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(pools).values(rows);
}
