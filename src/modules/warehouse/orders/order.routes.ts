/** HTTP routes of the order pool and the customers' lot rules (allocation's routes register after them). */
import { z } from 'zod';
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
import { recordAudit } from '../../access/index.js';
import { auditContext } from '../../../platform/http/audit-context.js';
import {
  CreateOutboundOrderInput,
  OrderBatchReport,
  OrderPage,
  OrderQuery,
  OutboundOrderDetail,
  PushOrderBatchInput,
} from './order.contract.js';
import { pushOutboundOrders } from './order-batch.service.js';
import {
  createOutboundOrder,
  getCustomerLotRule,
  getOrder,
  listOrders,
  setCustomerLotRule,
} from './order.service.js';
import { CustomerLotRule } from '../settings/warehouse-settings.contract.js';

/** Registers `/api/outbound-orders` (push, list, read); cancelling registers with allocation. */
export function registerOrderRoutes(app: HttpApp, deps: WarehouseDeps): void {
  const tags = ['outbound orders'];
  const params = z.object({ id: z.uuid() });
  app.post(
    '/api/outbound-orders',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary:
          'Push an order into the pool: 201 new, 200 when this source already pushed this externalRef (Idempotency-Key honoured)',
        body: CreateOutboundOrderInput,
        response: { 200: OutboundOrderDetail, 201: OutboundOrderDetail },
      },
    },
    async (request, reply) => {
      const { order, created } = await createOutboundOrder(deps, actorOf(request), request.body);
      return reply.status(created ? 201 : 200).send(order);
    },
  );
  registerOrderBatchRoute(app, deps);
  app.get(
    '/api/outbound-orders',
    {
      schema: {
        tags,
        summary:
          'The order pool in processing order (urgent first, then push time), filtered, by keyset pages',
        querystring: OrderQuery,
        response: { 200: OrderPage },
      },
    },
    async (request) => listOrders(deps, actorOf(request), request.query),
  );
  app.get(
    '/api/outbound-orders/:id',
    {
      schema: {
        tags,
        summary: 'An order with its lines, reservations and latest allocation result',
        params,
        response: { 200: OutboundOrderDetail },
      },
    },
    async (request) => getOrder(deps, actorOf(request), request.params.id),
  );
}

/** Registers `POST /api/outbound-orders/batch` (up to 1,000 orders, answered one by one). */
function registerOrderBatchRoute(app: HttpApp, deps: WarehouseDeps): void {
  app.post(
    '/api/outbound-orders/batch',
    {
      config: { idempotent: true, itemizedBody: 'orders' },
      schema: {
        tags: ['outbound orders'],
        summary:
          'Push up to 1,000 orders at once, each shaped like the single push and idempotent by source + externalRef: a per-order report of created, existing and rejected (Idempotency-Key honoured)',
        body: PushOrderBatchInput,
        response: { 200: OrderBatchReport },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const report = await pushOutboundOrders(deps, actor, request.body);
      const counts = { created: report.created, existing: report.existing, rejected: report.rejected };
      await recordAudit(deps.db, actor, 'warehouse.orders.batch_pushed', counts, auditContext(deps, request));
      return report;
    },
  );
}

/** Registers `/api/warehouse/customer-rules/:customerId` (read and set a customer's lot rule). */
export function registerCustomerRuleRoutes(app: HttpApp, deps: WarehouseDeps): void {
  const customerParams = z.object({ customerId: z.uuid() });
  app.get(
    '/api/warehouse/customer-rules/:customerId',
    {
      schema: {
        tags: ['warehouse settings'],
        summary: "A customer's lot rule (one lot per order line)",
        params: customerParams,
        response: { 200: CustomerLotRule },
      },
    },
    async (request) => getCustomerLotRule(deps, actorOf(request), request.params.customerId),
  );
  app.put(
    '/api/warehouse/customer-rules/:customerId',
    {
      schema: {
        tags: ['warehouse settings'],
        summary: "Set a customer's lot rule (warehouse managers and admins)",
        params: customerParams,
        body: z.object({ singleLotPerLine: z.boolean() }),
        response: { 200: CustomerLotRule },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const rule = await setCustomerLotRule(deps, actor, request.params.customerId, request.body);
      const details = { customerId: rule.customerId, singleLotPerLine: rule.singleLotPerLine };
      await recordAudit(
        deps.db,
        actor,
        'warehouse.customer_rule.changed',
        details,
        auditContext(deps, request),
      );
      return rule;
    },
  );
}
