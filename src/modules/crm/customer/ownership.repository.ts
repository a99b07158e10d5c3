/**
 * Queries on who holds a customer (owner, team, pool) and on the pool log of their moves. No rules:
 * caps and causes arrive as values from customer/ownership.service.ts, the only writer.
 */
import { and, asc, count, desc, eq, gt, inArray, isNotNull, isNull, max, type SQL } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { beforePosition, type TimeCursor } from '../../../platform/db/keyset.js';
import { newId } from '../../../platform/ids.js';
import { insertJsonRows } from './bulk-insert.repository.js';
import { customers } from './customer.table.js';
import { poolMoves } from './pool-move.table.js';

export type CustomerRow = typeof customers.$inferSelect;
export type PoolMoveRow = typeof poolMoves.$inferSelect;
export type NewPoolMove = Omit<typeof poolMoves.$inferInsert, 'tenantId' | 'id'>;

/** Who holds a customer: exactly one of owner and pool is set. */
export type Holder = { ownerUserId: string | null; poolId: string | null };

/** The columns every move writes. */
export type OwnershipChange = Holder & {
  teamId: string | null;
  receivedAt: Date | null;
  recallWarnedAt: null;
  updatedAt: Date;
};

/** Appends moves to the log of the tenant's customers. */
export async function insertPoolMoves(db: Db, tenantId: string, moves: NewPoolMove[]): Promise<void> {
  if (moves.length === 0) return;
  await db.insert(poolMoves).values(moves.map((move) => ({ ...move, tenantId, id: newId() })));
}

/** Appends a batch of moves in one statement (an import's thousand rows at a time). */
export async function insertPoolMovesInBulk(db: Db, tenantId: string, moves: NewPoolMove[]): Promise<void> {
  await insertJsonRows(
    db,
    poolMoves,
    moves.map((move) => ({ ...move, id: newId() })),
    { tenantId },
  );
}

/** A customer's moves, oldest first. */
export async function listPoolMoves(db: Db, tenantId: string, customerId: string): Promise<PoolMoveRow[]> {
  return db
    .select()
    .from(poolMoves)
    .where(and(eq(poolMoves.tenantId, tenantId), eq(poolMoves.customerId, customerId)))
    .orderBy(asc(poolMoves.at), asc(poolMoves.id));
}

/** A customer's moves after the cursor, newest first; `limit` rows at most (the activity list). */
export async function listPoolMovesAfter(
  db: Db,
  tenantId: string,
  customerId: string,
  cursor: TimeCursor | undefined,
  limit: number,
): Promise<PoolMoveRow[]> {
  return db
    .select()
    .from(poolMoves)
    .where(
      and(
        eq(poolMoves.tenantId, tenantId),
        eq(poolMoves.customerId, customerId),
        beforePosition(poolMoves.at, poolMoves.id, cursor),
      ),
    )
    .orderBy(desc(poolMoves.at), desc(poolMoves.id))
    .limit(limit);
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

/** Puts owned customers into a pool; the ids that were still owned and moved. */
export async function returnToPool(
  db: Db,
  tenantId: string,
  ids: string[],
  poolId: string,
  now: Date,
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .update(customers)
    .set({ ownerUserId: null, teamId: null, poolId, receivedAt: null, recallWarnedAt: null, updatedAt: now })
    .where(
      and(eq(customers.tenantId, tenantId), inArray(customers.id, ids), isNotNull(customers.ownerUserId)),
    )
    .returning({ id: customers.id });
  return rows.map((row) => row.id);
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

/** Re-points the log of merged customers to the one they merged into; how many entries moved. */
export async function repointPoolMoves(
  db: Db,
  tenantId: string,
  intoId: string,
  fromIds: string[],
): Promise<number> {
  const rows = await db
    .update(poolMoves)
    .set({ customerId: intoId })
    .where(and(eq(poolMoves.tenantId, tenantId), inArray(poolMoves.customerId, fromIds)))
    .returning({ id: poolMoves.id });
  return rows.length;
}
