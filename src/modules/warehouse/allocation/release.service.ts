/** Releasing an order's active reservations: the ledger gets a −qty allocation move for each. */
import type { Db } from '../../../platform/db/database.js';
import { recordMoves } from '../stock/ledger.service.js';
import type { NewMove } from '../stock/stock.contract.js';
import { releaseActiveReservations } from './allocation.repository.js';

/** Why reservations were released: the order was cancelled or is being allocated again. */
export type ReleaseReason = 'cancel' | 'reallocate';

/** Releases every active reservation of the order inside `tx`; answers how many units were freed. */
export async function releaseReservations(
  tx: Db,
  tenantId: string,
  order: { id: string; warehouseId: string },
  reason: ReleaseReason,
  at: { now: Date; actorUserId: string | null },
): Promise<number> {
  const moves = await closeActiveReservations(tx, tenantId, order, reason, at);
  if (moves.length === 0) return 0;
  await recordMoves(tx, tenantId, moves);
  return moves.reduce((sum, move) => sum - move.quantity, 0);
}

/**
 * Marks every active reservation of the order released inside `tx` and answers the −qty allocation
 * moves the caller must record in the same transaction (in reservation order), so an allocation can
 * append them together with its new moves.
 */
export async function closeActiveReservations(
  tx: Db,
  tenantId: string,
  order: { id: string; warehouseId: string },
  reason: ReleaseReason,
  at: { now: Date; actorUserId: string | null },
): Promise<NewMove[]> {
  const released = await releaseActiveReservations(tx, tenantId, order.id, at.now);
  return released.map((r) => ({
    warehouseId: order.warehouseId,
    kind: 'allocation' as const,
    itemId: r.itemId,
    lotId: r.lotId,
    fromLocationId: r.locationId,
    quantity: -r.quantity,
    orderId: order.id,
    orderLineNo: r.lineNo,
    reason,
    actorUserId: at.actorUserId,
    occurredAt: at.now,
  }));
}
