/** HTTP routes of receipts, putaway and cycle-count adjustments. */
import { z } from 'zod';
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import { StockMove } from '../stock/stock.contract.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
import {
  AdjustmentInput,
  AdjustmentResult,
  PutawayInput,
  Receipt,
  ReceiptInput,
} from './inbound.contract.js';
import { adjustStock, putaway } from './inbound.service.js';
import { receive } from './receipt.service.js';

/** Registers receipts, putaways and adjustments under `/api/warehouses/:id`. */
export function registerInboundRoutes(app: HttpApp, deps: WarehouseDeps): void {
  const tags = ['inbound'];
  const params = z.object({ id: z.uuid() });
  app.post(
    '/api/warehouses/:id/receipts',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary:
          'Receive goods into the receiving dock (or straight to putawayTo); lots are created on first sight',
        params,
        body: ReceiptInput,
        response: { 201: Receipt },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await receive(deps, actorOf(request), request.params.id, request.body)),
  );
  app.post(
    '/api/warehouses/:id/putaways',
    {
      schema: {
        tags,
        summary: 'Move goods from a location (RECV by default) to a storage location',
        params,
        body: PutawayInput,
        response: { 201: StockMove },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await putaway(deps, actorOf(request), request.params.id, request.body)),
  );
  app.post(
    '/api/warehouses/:id/adjustments',
    {
      schema: {
        tags,
        summary:
          'Record a cycle count; the difference becomes an adjustment move (409 warehouse.stock.reserved below reservations)',
        params,
        body: AdjustmentInput,
        response: { 200: AdjustmentResult },
      },
    },
    async (request) => adjustStock(deps, actorOf(request), request.params.id, request.body),
  );
}
