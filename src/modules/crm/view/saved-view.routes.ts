/** HTTP routes of saved views of the customer list. */
import { z } from 'zod';
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { CrmDeps } from '../crm-deps.js';
import { CreateSavedViewInput, SavedView } from './saved-view.contract.js';
import { createSavedView, deleteSavedView, listSavedViews } from './saved-view.service.js';

/** Registers `/api/saved-views`. */
export function registerSavedViewRoutes(app: HttpApp, deps: CrmDeps): void {
  const tags = ['saved views'];
  app.get(
    '/api/saved-views',
    {
      schema: {
        tags,
        summary: "The caller's saved customer-list views and the tenant's shared ones",
        response: { 200: z.object({ items: z.array(SavedView) }) },
      },
    },
    async (request) => ({ items: await listSavedViews(deps, actorOf(request)) }),
  );
  app.post(
    '/api/saved-views',
    {
      schema: {
        tags,
        summary: 'Save the current filters of the customer list',
        body: CreateSavedViewInput,
        response: { 201: SavedView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createSavedView(deps, actorOf(request), request.body)),
  );
  app.delete(
    '/api/saved-views/:id',
    {
      schema: { tags, summary: 'Delete a saved view of yours', params: z.object({ id: z.uuid() }) },
    },
    async (request, reply) => {
      await deleteSavedView(deps, actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
