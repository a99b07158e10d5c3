/** `GET /api/search`: the header's search box (see global-search.ts). */
import { actorOf } from '../platform/http/auth-hook.js';
import type { HttpApp } from '../platform/http/server.js';
import { GlobalSearchQuery, GlobalSearchResult } from './global-search.contract.js';
import { globalSearch, type GlobalSearchDeps } from './global-search.js';

/** Registers `GET /api/search`. */
export function registerGlobalSearchRoutes(app: HttpApp, deps: GlobalSearchDeps): void {
  app.get(
    '/api/search',
    {
      schema: {
        tags: ['search'],
        summary:
          'Search customers, contacts, persons, leads and outbound orders at once: a few hits of each group the role may read',
        querystring: GlobalSearchQuery,
        response: { 200: GlobalSearchResult },
      },
    },
    async (request) => globalSearch(deps, actorOf(request), request.query),
  );
}
