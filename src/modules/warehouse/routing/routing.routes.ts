/** HTTP route of the pick-route engine. */
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import { Route, RouteInput } from './routing.contract.js';
import { planPickRoute } from './routing.service.js';

const tags = ['warehouse routes'];

/** Registers `POST /api/warehouse/route`. */
export function registerRoutingRoutes(app: HttpApp): void {
  app.post(
    '/api/warehouse/route',
    {
      schema: {
        tags,
        summary:
          'A pick route through a layout: length in metres, whether it is proven optimal, the pick indexes in ' +
          'visiting order (400 warehouse.route.invalid naming the pick and field)',
        body: RouteInput,
        response: { 200: Route },
      },
    },
    async (request) => planPickRoute(actorOf(request), request.body),
  );
}
