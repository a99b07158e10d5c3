/**
 * Queries of the customer's activity history: tier changes and pool moves after a keyset position, newest first.
 * Follow-ups come from `listFollowUpsAfter`; the service merges the three.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { poolMoves } from '../customer/pool-move.table.js';
import { tierChanges } from '../tier/tier.table.js';
import { beforePosition, type TimeCursor } from './follow-up.repository.js';

export type TierChangeRow = typeof tierChanges.$inferSelect;
export type PoolMoveRow = typeof poolMoves.$inferSelect;

/** A customer's tier changes after the cursor, newest first; `limit` rows at most. */
export async function listTierChangesAfter(
  db: Db,
  tenantId: string,
  customerId: string,
  cursor: TimeCursor | undefined,
  limit: number,
): Promise<TierChangeRow[]> {
  return db
    .select()
    .from(tierChanges)
    .where(
      and(
        eq(tierChanges.tenantId, tenantId),
        eq(tierChanges.customerId, customerId),
        beforePosition(tierChanges.changedAt, tierChanges.id, cursor),
      ),
    )
    .orderBy(desc(tierChanges.changedAt), desc(tierChanges.id))
    .limit(limit);
}

/** A customer's pool moves after the cursor, newest first; `limit` rows at most. */
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
