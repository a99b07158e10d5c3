/** HTTP routes of the weight checks of fresh goods. */
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
import { WeightCheckPage, WeightCheckQuery } from './weight-check.contract.js';
import { listWeightChecks } from './weight-check.service.js';

/** Registers `GET /api/warehouse/weight-checks`. */
export function registerWeightCheckRoutes(app: HttpApp, deps: WarehouseDeps): void {
  app.get(
    '/api/warehouse/weight-checks',
    {
      schema: {
        tags: ['stock'],
        summary:
          'Fresh goods weighed out against what they weighed in, one check per shipped line and stock row, ' +
          'newest first; `flagged=true` lists the losses over the tolerance per day; keyset pagination',
        querystring: WeightCheckQuery,
        response: { 200: WeightCheckPage },
      },
    },
    async (request) => listWeightChecks(deps, actorOf(request), request.query),
  );
}
