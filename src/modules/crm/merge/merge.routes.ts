/** HTTP route of merging customers. */
import { z } from 'zod';
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { CrmDeps } from '../crm-deps.js';
import { MergeCustomersInput, MergeResult } from './merge.contract.js';
import { mergeCustomers } from './merge.service.js';
import { recordAudit } from '../../access/index.js';
import { auditContext } from '../../../platform/http/audit-context.js';

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
    async (request) => {
      const actor = actorOf(request);
      const result = await mergeCustomers(deps, actor, request.params.id, request.body);
      const details = { customerId: request.params.id, from: request.body.from };
      await recordAudit(deps.db, actor, 'customers.merged', details, auditContext(deps, request));
      return result;
    },
  );
}
