/** HTTP routes of stock by location and lot, the ledger, and the ledger rebuild. */
import { z } from 'zod';
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
import { rebuildStock } from './rebuild.service.js';
import { MovePage, MoveQuery, RebuildReport, StockPage, StockQuery } from './stock.contract.js';
import { listMoves, listStock, type OrderRefs } from './stock.service.js';

/** Registers `/api/stock`, `/api/stock-moves` and `/api/warehouses/:id/stock/rebuild`. */
export function registerStockRoutes(app: HttpApp, deps: WarehouseDeps, orderRefs: OrderRefs): void {
  const tags = ['stock'];
  app.get(
    '/api/stock',
    {
      schema: {
        tags,
        summary:
          'Stock by location and lot with on hand, reserved (active reservations) and available; keyset pagination',
        querystring: StockQuery,
        response: { 200: StockPage },
      },
    },
    async (request) => listStock(deps, actorOf(request), request.query),
  );
  app.get(
    '/api/stock-moves',
    {
      schema: {
        tags,
        summary:
          'The stock ledger, newest first, with codes and order references resolved; keyset pagination',
        querystring: MoveQuery,
        response: { 200: MovePage },
      },
    },
    async (request) => listMoves(deps, actorOf(request), request.query, orderRefs),
  );
  app.post(
    '/api/warehouses/:id/stock/rebuild',
    {
      schema: {
        tags,
        summary:
          "Replay a warehouse's ledger against its stock rows and reservations; repair=true sets on hand to the ledger's",
        params: z.object({ id: z.uuid() }),
        querystring: z.object({ repair: z.stringbool().default(false) }),
        response: { 200: RebuildReport },
      },
    },
    async (request) =>
      rebuildStock(deps, actorOf(request), request.params.id, { repair: request.query.repair }),
  );
}
