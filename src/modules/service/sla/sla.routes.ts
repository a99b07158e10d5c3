/** HTTP routes of SLA policies (edits are in `ticket/settings-edit.routes.ts`: they move due times). */
import { z } from 'zod';
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { ServiceDeps } from '../service-deps.js';
import { Policy, PolicyInput, PolicyList } from './sla.contract.js';
import { createPolicy, getPolicy, listPolicies } from './sla.service.js';

const tags = ['service'];
const params = z.object({ id: z.uuid() });

/** Registers creating and reading SLA policies. */
export function registerPolicyRoutes(app: HttpApp, deps: ServiceDeps): void {
  app.post(
    '/api/service/sla-policies',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary:
          'Create an SLA policy: first-response and resolution targets per priority, in business minutes',
        body: PolicyInput,
        response: { 201: Policy },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createPolicy(deps, actorOf(request), request.body)),
  );
  app.get(
    '/api/service/sla-policies',
    { schema: { tags, summary: 'The SLA policies', response: { 200: PolicyList } } },
    async (request) => listPolicies(deps, actorOf(request)),
  );
  app.get(
    '/api/service/sla-policies/:id',
    { schema: { tags, summary: 'One SLA policy', params, response: { 200: Policy } } },
    async (request) => getPolicy(deps, actorOf(request), request.params.id),
  );
}
