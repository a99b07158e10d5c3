/** The pool log: every move of a customer between owners and pools. Written by every feature that moves one. */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { poolMoves, pools } from './pool.table.js';

export type PoolMoveRow = typeof poolMoves.$inferSelect;
export type NewPoolMove = Omit<typeof poolMoves.$inferInsert, 'tenantId' | 'id'>;

/** Appends moves to the log of the tenant's customers. */
export async function insertPoolMoves(db: Db, tenantId: string, moves: NewPoolMove[]): Promise<void> {
  if (moves.length === 0) return;
  await db.insert(poolMoves).values(moves.map((move) => ({ ...move, tenantId, id: newId() })));
}

/** A customer's moves, oldest first. */
export async function listPoolMoves(db: Db, tenantId: string, customerId: string): Promise<PoolMoveRow[]> {
  return db
    .select()
    .from(poolMoves)
    .where(and(eq(poolMoves.tenantId, tenantId), eq(poolMoves.customerId, customerId)))
    .orderBy(asc(poolMoves.at), asc(poolMoves.id));
}

/** One pool of the tenant, if it exists. */
export async function findPoolById(
  db: Db,
  tenantId: string,
  poolId: string,
): Promise<typeof pools.$inferSelect | undefined> {
  return (
    await db
      .select()
      .from(pools)
      .where(and(eq(pools.tenantId, tenantId), eq(pools.id, poolId)))
  )[0];
}
