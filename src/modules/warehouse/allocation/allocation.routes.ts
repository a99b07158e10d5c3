/** HTTP routes of allocation, shipping and customer lot rules. */
import { z } from 'zod';
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import { OutboundOrderDetail, ShipOrderInput } from '../orders/order.contract.js';
import { getCustomerLotRule, listAllocations, setCustomerLotRule } from '../orders/order.service.js';
import { CustomerLotRule } from '../settings/warehouse-settings.contract.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
import { AllocatePoolInput, AllocatePoolReport, AllocationResult } from './allocation.contract.js';
import { allocateOrder, allocatePool } from './allocation.service.js';
import { shipOrder } from './ship.service.js';

/** Registers allocate (one order, the pool), allocation history, ship, and `/api/warehouse/customer-rules`. */
export function registerAllocationRoutes(app: HttpApp, deps: WarehouseDeps): void {
  const tags = ['outbound orders'];
  const params = z.object({ id: z.uuid() });
  app.post(
    '/api/outbound-orders/allocate',
    {
      schema: {
        tags,
        summary: 'Allocate the pending and backordered orders in pool order; answers per order',
        body: AllocatePoolInput.prefault({}),
        response: { 200: AllocatePoolReport },
      },
    },
    async (request) => allocatePool(deps, actorOf(request), request.body),
  );
  app.post(
    '/api/outbound-orders/:id/allocate',
    {
      schema: {
        tags,
        summary: 'Allocate one order (releasing what it held first); 409 when shipped or cancelled',
        params,
        response: { 200: AllocationResult },
      },
    },
    async (request) => allocateOrder(deps, actorOf(request), request.params.id),
  );
  app.get(
    '/api/outbound-orders/:id/allocations',
    {
      schema: {
        tags,
        summary: "The order's allocation results, newest first, with the rule for every candidate lot",
        params,
        response: { 200: z.object({ items: z.array(AllocationResult) }) },
      },
    },
    async (request) => listAllocations(deps, actorOf(request), request.params.id),
  );
  app.post(
    '/api/outbound-orders/:id/ship',
    {
      schema: {
        tags,
        summary: 'Pick every reservation to the SHIP dock and ship it; catch-weight lines need their weight',
        params,
        body: ShipOrderInput.prefault({}),
        response: { 200: OutboundOrderDetail },
      },
    },
    async (request) => shipOrder(deps, actorOf(request), request.params.id, request.body),
  );
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
    async (request) => setCustomerLotRule(deps, actorOf(request), request.params.customerId, request.body),
  );
}
