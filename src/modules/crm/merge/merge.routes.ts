/** HTTP route of merging customers. */
import { z } from 'zod';
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { CrmDeps } from '../crm-deps.js';
import { MergeCustomersInput, MergeResult } from './merge.contract.js';
import { mergeCustomers } from './merge.service.js';

const byId = z.object({ id: z.uuid() });

/** Registers `POST /api/customers/:id/merge`. */
export function registerMergeRoutes(app: HttpApp, deps: CrmDeps): void {
  const tags = ['customers'];
  app.post(
    '/api/customers/:id/merge',
    {
      schema: {
        tags,
        summary:
          'Merge customers into this one: fills its gaps, moves every relation to it and deletes them ' +
          '(their ids answer 404 crm.customer.merged with mergedInto)',
        params: byId,
        body: MergeCustomersInput,
        response: { 200: MergeResult },
      },
    },
    async (request) => mergeCustomers(deps, actorOf(request), request.params.id, request.body),
  );
}
