/** HTTP routes of what changes an order's holds: cancel, allocate (one order, the pool), ship. */
import { z } from 'zod';
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import { OutboundOrderDetail, ShipOrderInput } from '../orders/order.contract.js';
import { listAllocations } from '../orders/order.service.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
import { AllocatePoolInput, AllocatePoolReport, AllocationResult } from './allocation.contract.js';
import { allocateOrder, allocatePool } from './allocation.service.js';
import { cancelOrder } from './cancel.service.js';
import { shipOrder } from './ship.service.js';

const tags = ['outbound orders'];
const params = z.object({ id: z.uuid() });

/** Registers cancel, allocate (one order, the pool), allocation history and ship of `/api/outbound-orders`. */
export function registerAllocationRoutes(app: HttpApp, deps: WarehouseDeps): void {
  registerCancelRoute(app, deps);
  registerAllocateRoutes(app, deps);
  registerShipRoute(app, deps);
}

function registerCancelRoute(app: HttpApp, deps: WarehouseDeps): void {
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
}

function registerAllocateRoutes(app: HttpApp, deps: WarehouseDeps): void {
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
}

function registerShipRoute(app: HttpApp, deps: WarehouseDeps): void {
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
}
