/** HTTP route of funnels (permission `insights.read`). */
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { InsightsDeps } from '../insights-deps.js';
import { FunnelRequest, FunnelResult, FunnelUnitPage, FunnelUnitsRequest } from './funnel.contract.js';
import { computeFunnel, listFunnelUnits } from './funnel.service.js';

/** Registers `POST /api/insights/funnels` and `POST /api/insights/funnels/persons`. */
export function registerFunnelRoutes(app: HttpApp, deps: InsightsDeps): void {
  app.post(
    '/api/insights/funnels',
    {
      schema: {
        tags: ['insights'],
        summary:
          'A funnel: per step counts, conversions and times to convert (ordered, strict or unordered; ' +
          'window, exclusions, breakdown with attribution; persons or accounts)',
        body: FunnelRequest,
        response: { 200: FunnelResult },
      },
    },
    async (request) => computeFunnel(deps, actorOf(request), request.body),
  );
  app.post(
    '/api/insights/funnels/persons',
    {
      schema: {
        tags: ['insights'],
        summary:
          'The persons (or accounts) of a funnel step, or those that dropped off before it, ' +
          "a page at a time (`after` is the previous page's `nextCursor`)",
        body: FunnelUnitsRequest,
        response: { 200: FunnelUnitPage },
      },
    },
    async (request) => listFunnelUnits(deps, actorOf(request), request.body),
  );
}
