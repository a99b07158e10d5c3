/**
 * The CRM's order port (`SalesOrderPort`), built from the warehouse's public services: a won deal's
 * stocked lines become one sales order (source `crm`, origin `deal`, `externalRef` the deal id). The
 * CRM never imports the warehouse; the composition root joins them here. The warehouse calls run as
 * the tenant's system actor (a sales rep may win a deal without warehouse rights), recording the user.
 */
import { systemActor } from '../modules/access/index.js';
import { dealNoWarehouse, type SalesOrderPort } from '../modules/crm/index.js';
import {
  cancelOrder,
  createOutboundOrder,
  findItemsBySku,
  findOrdersByRefs,
  listWarehouses,
} from '../modules/warehouse/index.js';
import type { Actor } from '../platform/auth/actor.js';
import type { Clock } from '../platform/clock.js';

/** The source the warehouse records for orders of won deals. */
export const DEAL_ORDER_SOURCE = 'crm';

const asSystem = (actor: Actor): Actor => ({
  ...systemActor(actor.tenantId, actor.tenantSlug),
  userId: actor.userId,
});

/** The port over the warehouse for a clock (the database comes with each call: the caller's transaction). */
export function salesOrderPort(clock: Clock): SalesOrderPort {
  return {
    async findSkus(db, tenantId, skus) {
      return new Set((await findItemsBySku(db, tenantId, skus)).keys());
    },
    async pushDealOrder(db, actor, request) {
      const system = asSystem(actor);
      // The deal's goods ship from the tenant's first warehouse by code.
      const [warehouse] = (await listWarehouses({ db }, system)).items;
      if (!warehouse) throw dealNoWarehouse(request.dealId);
      const { order, created } = await createOutboundOrder({ db, clock }, system, {
        warehouse: warehouse.code,
        source: DEAL_ORDER_SOURCE,
        externalRef: request.dealId,
        type: 'sales',
        origin: 'deal',
        customerId: request.customerId,
        note: request.note,
        lines: request.lines,
      });
      return { id: order.id, status: order.status, created };
    },
    async listDealOrders(db, tenantId, dealIds) {
      const rows = await findOrdersByRefs({ db }, systemActor(tenantId, ''), DEAL_ORDER_SOURCE, dealIds);
      return new Map(rows.map((row) => [row.externalRef, { id: row.id, status: row.status }]));
    },
    async cancelDealOrder(db, actor, orderId) {
      const order = await cancelOrder({ db, clock }, asSystem(actor), orderId);
      return { id: order.id, status: order.status };
    },
  };
}
