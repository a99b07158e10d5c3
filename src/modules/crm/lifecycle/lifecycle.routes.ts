/** HTTP routes of a customer's account lifecycle: read it, move it by hand. */
import { z } from 'zod';
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { CrmDeps } from '../crm-deps.js';
import { Lifecycle, MoveLifecycleInput } from './lifecycle.contract.js';
import { getLifecycle, moveLifecycle } from './lifecycle.service.js';

const params = z.object({ id: z.uuid() });
const tags = ['customers'];

/** Registers the lifecycle routes. */
export function registerLifecycleRoutes(app: HttpApp, deps: CrmDeps): void {
  app.get(
    '/api/customers/:id/lifecycle',
    {
      schema: {
        tags,
        summary: "A customer's lifecycle stage (first contact, POC, in use, expansion) and its history",
        params,
        response: { 200: Lifecycle },
      },
    },
    async (request) => getLifecycle(deps, actorOf(request), request.params.id),
  );
  app.put(
    '/api/customers/:id/lifecycle',
    {
      schema: {
        tags,
        summary: "Move a customer's lifecycle stage by hand, to any stage, with a note",
        params,
        body: MoveLifecycleInput,
        response: { 200: Lifecycle },
      },
    },
    async (request) => moveLifecycle(deps, actorOf(request), request.params.id, request.body),
  );
}
