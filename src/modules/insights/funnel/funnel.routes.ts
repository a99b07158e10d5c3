/** HTTP route of funnels (permission `insights.read`). */
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { InsightsDeps } from '../insights-deps.js';
import { FunnelRequest, FunnelResult } from './funnel.contract.js';
import { computeFunnel } from './funnel.service.js';

/** Registers `POST /api/insights/funnels`. */
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
}
