/**
 * Customer ownership: who holds a customer (an owner and their team, or a pool) and the pool log of
 * every move. This module is the only writer of both; create, claim, release, assign, recall, import
 * and merge call it, so a holder never changes without its log entry, in the same transaction.
 */
import type { Db } from '../../../platform/db/database.js';
import type { TimeCursor } from '../../../platform/db/keyset.js';
import * as repo from './ownership.repository.js';

export type {
  CustomerRow,
  Holder,
  NewPoolMove,
  OwnershipChange,
  PoolMoveRow,
} from './ownership.repository.js';

/** Appends log entries for customers whose holder was set as they were written (create, import, merge, warnings). */
export async function logPoolMoves(db: Db, tenantId: string, moves: repo.NewPoolMove[]): Promise<void> {
  await repo.insertPoolMoves(db, tenantId, moves);
}

/** Appends the log entries of a batch of imported customers in one statement. */
export async function logImportedPoolMoves(
  db: Db,
  tenantId: string,
  moves: repo.NewPoolMove[],
): Promise<void> {
  await repo.insertPoolMovesInBulk(db, tenantId, moves);
}

/**
 * Moves one customer and logs the move, but only while it is still held as `expected`; undefined
 * (nothing written) when it moved meanwhile, so of two racing claims exactly one wins.
 */
export async function moveCustomer(
  db: Db,
  tenantId: string,
  change: {
    customerId: string;
    expected: repo.Holder;
    next: repo.OwnershipChange;
    move: Omit<repo.NewPoolMove, 'customerId'>;
  },
): Promise<repo.CustomerRow | undefined> {
  const { customerId, expected, next, move } = change;
  const moved = await repo.moveCustomerRow(db, tenantId, customerId, expected, next);
  if (moved) await repo.insertPoolMoves(db, tenantId, [{ ...move, customerId }]);
  return moved;
}

/**
 * Puts owned customers into one pool and logs each as `recall` with its cause; the ids that were
 * still owned and moved (the others are left, unlogged).
 */
export async function recallToPool(
  db: Db,
  tenantId: string,
  poolId: string,
  recalls: { customerId: string; fromUserId: string; cause: string }[],
  by: { actorUserId: string | null; at: Date },
): Promise<string[]> {
  const ids = recalls.map((recall) => recall.customerId);
  const moved = new Set(await repo.returnToPool(db, tenantId, ids, poolId, by.at));
  await repo.insertPoolMoves(
    db,
    tenantId,
    recalls
      .filter((recall) => moved.has(recall.customerId))
      .map(({ customerId, fromUserId, cause }) => ({
        customerId,
        action: 'recall',
        fromUserId,
        toPoolId: poolId,
        actorUserId: by.actorUserId,
        cause,
        at: by.at,
      })),
  );
  return [...moved];
}

/** Moves the log of merged customers to the one they merged into; how many entries moved. */
export async function repointPoolMoves(
  db: Db,
  tenantId: string,
  intoId: string,
  fromIds: string[],
): Promise<number> {
  return repo.repointPoolMoves(db, tenantId, intoId, fromIds);
}

/** A customer's moves, oldest first. */
export async function listCustomerPoolMoves(
  db: Db,
  tenantId: string,
  customerId: string,
): Promise<repo.PoolMoveRow[]> {
  return repo.listPoolMoves(db, tenantId, customerId);
}

/** A customer's moves after the cursor, newest first; `limit` at most (the activity list). */
export async function listPoolMovesAfter(
  db: Db,
  tenantId: string,
  customerId: string,
  cursor: TimeCursor | undefined,
  limit: number,
): Promise<repo.PoolMoveRow[]> {
  return repo.listPoolMovesAfter(db, tenantId, customerId, cursor, limit);
}

/** How many customers the user owns, for the cap on owned customers. */
export async function countOwnedCustomers(db: Db, tenantId: string, userId: string): Promise<number> {
  return repo.countOwnedBy(db, tenantId, userId);
}

/** When the user claimed customers since `since`, oldest first, for the daily claim cap. */
export async function listClaimTimesSince(
  db: Db,
  tenantId: string,
  userId: string,
  since: Date,
): Promise<Date[]> {
  return repo.listClaimTimesSince(db, tenantId, userId, since);
}

/** When the customer last left the user (released, recalled or transferred away), for the reclaim cooldown. */
export async function findLastDepartureAt(
  db: Db,
  tenantId: string,
  userId: string,
  customerId: string,
): Promise<Date | undefined> {
  return repo.findLastDepartureAt(db, tenantId, userId, customerId);
}
