/** Releasing an order's active reservations: the ledger gets a −qty allocation move for each. */
import type { Db } from '../../../platform/db/database.js';
import { listReservations } from '../orders/order.repository.js';
import { recordMoves } from '../stock/ledger.js';
import { closeReservations } from './allocation.repository.js';

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
  const active = await listReservations(tx, tenantId, order.id, ['active']);
  if (active.length === 0) return 0;
  await recordMoves(
    tx,
    tenantId,
    active.map((r) => ({
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
    })),
  );
  await closeReservations(
    tx,
    tenantId,
    active.map((r) => r.id),
    'released',
    at.now,
  );
  return active.reduce((sum, r) => sum + r.quantity, 0);
}
