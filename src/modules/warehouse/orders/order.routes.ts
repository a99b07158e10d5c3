/** HTTP routes of the order pool; allocation, shipping and customer lot rules register from here too. */
import { z } from 'zod';
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import { registerAllocationRoutes } from '../allocation/allocation.routes.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
import { CreateOutboundOrderInput, OrderPage, OrderQuery, OutboundOrderDetail } from './order.contract.js';
import { cancelOrder, createOutboundOrder, getOrder, listOrders } from './order.service.js';

/** Registers `/api/outbound-orders` (push, list, read, cancel) and the allocation routes. */
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
  app.post(
    '/api/outbound-orders/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel an order and release its reservations (409 warehouse.order.shipped)',
        params,
        response: { 200: OutboundOrderDetail },
      },
    },
    async (request) => cancelOrder(deps, actorOf(request), request.params.id),
  );
  registerAllocationRoutes(app, deps);
}
