/** HTTP routes of duplicate candidates and merge. */
import { z } from 'zod';
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { CrmDeps } from '../crm-deps.js';
import { DuplicateList, MergeCustomersInput, MergeResult } from './duplicate.contract.js';
import { listDuplicates } from './duplicate.service.js';
import { mergeCustomers } from './merge.service.js';

const byId = z.object({ id: z.uuid() });

/** Registers the routes of duplicate candidates and merge. */
export function registerDuplicateRoutes(app: HttpApp, deps: CrmDeps): void {
  const tags = ['customers'];
  app.get(
    '/api/customers/:id/duplicates',
    {
      schema: {
        tags,
        summary:
          'Likely duplicates of a customer in the whole tenant, with the keys they share (id, name and holder only)',
        params: byId,
        response: { 200: DuplicateList },
      },
    },
    async (request) => listDuplicates(deps, actorOf(request), request.params.id),
  );
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
