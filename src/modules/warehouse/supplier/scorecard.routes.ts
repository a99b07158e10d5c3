/** HTTP routes of the supplier scorecard. */
import { z } from 'zod';
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
import { ScorecardList, ScorecardQuery, SupplierScorecard } from './scorecard.contract.js';
import { getSupplierScorecard, listSupplierScorecards } from './scorecard.service.js';

/** Registers the scorecard of all suppliers and of one supplier. */
export function registerScorecardRoutes(app: HttpApp, deps: WarehouseDeps): void {
  const tags = ['suppliers'];
  app.get(
    '/api/suppliers/scorecard',
    {
      schema: {
        tags,
        summary:
          'Supplier scorecards over the last `months` months: returns to supplier weighted by reason ' +
          'against units received, per month and overall, worst score first',
        querystring: ScorecardQuery,
        response: { 200: ScorecardList },
      },
    },
    async (request) => listSupplierScorecards(deps, actorOf(request), request.query),
  );
  app.get(
    '/api/suppliers/:id/scorecard',
    {
      schema: {
        tags,
        summary: "One supplier's scorecard over the last `months` months (404 warehouse.supplier.not_found)",
        params: z.object({ id: z.uuid() }),
        querystring: ScorecardQuery,
        response: { 200: SupplierScorecard },
      },
    },
    async (request) => getSupplierScorecard(deps, actorOf(request), request.params.id, request.query),
  );
}
