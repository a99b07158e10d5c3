/**
 * Cancelling an order: it releases what the order holds, so it sits with allocation, above the
 * orders, and changes the order's status through the orders' service.
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import { withTransactionRetry } from '../../../platform/db/retry.js';
import type { OutboundOrderDetail } from '../orders/order.contract.js';
import { orderAlreadyShipped, orderNotFound } from '../orders/order.errors.js';
import * as orders from '../orders/order-state.service.js';
import { getOrder } from '../orders/order.service.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
import { releaseReservations } from './release.service.js';

/** Cancels an order and releases its reservations; 409 when it has shipped; a cancelled order stays as is. */
export async function cancelOrder(
  deps: WarehouseDeps,
  actor: Actor,
  id: string,
): Promise<OutboundOrderDetail> {
  requirePermission(actor, 'warehouse.orders');
  await withTransactionRetry(() =>
    deps.db.transaction(async (tx) => {
      const order = await orders.findOrderRow(tx, actor.tenantId, id, { lock: true });
      if (!order) throw orderNotFound(id);
      if (order.status === 'shipped') throw orderAlreadyShipped(id);
      if (order.status === 'cancelled') return;
      const now = deps.clock.now();
      await releaseReservations(tx, actor.tenantId, order, 'cancel', { now, actorUserId: actor.userId });
      await orders.updateOrderStatus(tx, actor.tenantId, id, { status: 'cancelled', updatedAt: now });
    }),
  );
  return getOrder(deps, actor, id);
}
