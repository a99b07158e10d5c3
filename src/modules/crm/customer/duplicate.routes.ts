/** HTTP route of duplicate detection (查重): a customer's likely duplicates. */
import { z } from 'zod';
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { CrmDeps } from '../crm-deps.js';
import { DuplicateList } from './customer.contract.js';
import { listDuplicates } from './duplicate-list.service.js';

const byId = z.object({ id: z.uuid() });

/** Registers `GET /api/customers/:id/duplicates`. */
export function registerDuplicateRoutes(app: HttpApp, deps: CrmDeps): void {
  app.get(
    '/api/customers/:id/duplicates',
    {
      schema: {
        tags: ['customers'],
        summary:
          'Likely duplicates of a customer in the whole tenant, with the keys they share (id, name and holder only)',
        params: byId,
        response: { 200: DuplicateList },
      },
    },
    async (request) => listDuplicates(deps, actorOf(request), request.params.id),
  );
}
