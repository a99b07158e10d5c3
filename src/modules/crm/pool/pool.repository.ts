/**
 * Queries on pools, on who owns a customer, and on the pool log as the claim caps read it. No rules
 * here: the caps, cutoffs and exemptions arrive as values from the services.
 */
import { and, asc, count, eq, gt, inArray, isNotNull, isNull, max, ne, sql, type SQL } from 'drizzle-orm';
import { tenants } from '../../access/index.js';
import type { Db } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { customers } from '../customer/customer.table.js';
import { poolMoves, pools } from './pool.table.js';

export type PoolRow = typeof pools.$inferSelect;
export type CustomerRow = typeof customers.$inferSelect;

/** Who holds a customer: exactly one of owner and pool is set. */
export type Holder = { ownerUserId: string | null; poolId: string | null };

/** The columns every move writes. */
export type OwnershipChange = Holder & {
  teamId: string | null;
  receivedAt: Date | null;
  recallWarnedAt: null;
  updatedAt: Date;
};

/** The tenant's pools with how many customers each holds, the default first, then by name. */
export async function listPoolsWithCounts(
  db: Db,
  tenantId: string,
): Promise<(PoolRow & { customerCount: number })[]> {
  const counts = db
    .select({ poolId: customers.poolId, n: count().as('n') })
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), isNotNull(customers.poolId)))
    .groupBy(customers.poolId)
    .as('counts');
  const rows = await db
    .select({ pool: pools, n: counts.n })
    .from(pools)
    .leftJoin(counts, eq(counts.poolId, pools.id))
    .where(eq(pools.tenantId, tenantId))
    .orderBy(sql`${pools.isDefault} desc`, asc(pools.name));
  return rows.map((row) => ({ ...row.pool, customerCount: Number(row.n ?? 0) }));
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

const heldBy = (holder: Holder): SQL =>
  and(
    holder.ownerUserId === null
      ? isNull(customers.ownerUserId)
      : eq(customers.ownerUserId, holder.ownerUserId),
    holder.poolId === null ? isNull(customers.poolId) : eq(customers.poolId, holder.poolId),
  )!;

/**
 * Moves one customer, but only while it is still held as `expected`: the conditional update is what
 * lets exactly one of two simultaneous claims win. Undefined when the customer moved meanwhile.
 */
export async function moveCustomerRow(
  db: Db,
  tenantId: string,
  id: string,
  expected: Holder,
  next: OwnershipChange,
): Promise<CustomerRow | undefined> {
  const [row] = await db
    .update(customers)
    .set(next)
    .where(and(eq(customers.tenantId, tenantId), eq(customers.id, id), heldBy(expected)))
    .returning();
  return row;
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

/** How many customers the user owns. */
export async function countOwnedBy(db: Db, tenantId: string, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), eq(customers.ownerUserId, userId)));
  return row?.n ?? 0;
}

/** When the user claimed customers since `since`, oldest first. */
export async function listClaimTimesSince(
  db: Db,
  tenantId: string,
  userId: string,
  since: Date,
): Promise<Date[]> {
  const rows = await db
    .select({ at: poolMoves.at })
    .from(poolMoves)
    .where(
      and(
        eq(poolMoves.tenantId, tenantId),
        eq(poolMoves.toUserId, userId),
        eq(poolMoves.action, 'claim'),
        gt(poolMoves.at, since),
      ),
    )
    .orderBy(asc(poolMoves.at));
  return rows.map((row) => row.at);
}

/** When the customer last left the user (released, recalled or transferred away), if ever. */
export async function findLastDepartureAt(
  db: Db,
  tenantId: string,
  userId: string,
  customerId: string,
): Promise<Date | undefined> {
  const [row] = await db
    .select({ at: max(poolMoves.at) })
    .from(poolMoves)
    .where(
      and(
        eq(poolMoves.tenantId, tenantId),
        eq(poolMoves.fromUserId, userId),
        eq(poolMoves.customerId, customerId),
        inArray(poolMoves.action, ['release', 'recall', 'transfer']),
      ),
    );
  return row?.at ?? undefined;
}

/** Every tenant's id, for jobs that run per tenant. */
export async function listTenantIds(db: Db): Promise<string[]> {
  const rows = await db
    .select({ id: tenants.id })
    .from(tenants)
    .orderBy(asc(tenants.createdAt), asc(tenants.id));
  return rows.map((row) => row.id);
}
