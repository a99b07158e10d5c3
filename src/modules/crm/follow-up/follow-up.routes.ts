/** HTTP routes of follow-ups and the customer's activity history. */
import { z } from 'zod';
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { CrmDeps } from '../crm-deps.js';
import {
  CreateFollowUpInput,
  FollowUp,
  FollowUpPage,
  PageQuery,
  ActivityPage,
} from './follow-up.contract.js';
import { createFollowUp, listFollowUps } from './follow-up.service.js';
import { listActivity } from './activity.service.js';

/** Registers the routes of follow-ups and the customer's activity history. */
export function registerFollowUpRoutes(app: HttpApp, deps: CrmDeps): void {
  const params = z.object({ id: z.uuid() });
  app.post(
    '/api/customers/:id/follow-ups',
    {
      config: { idempotent: true },
      schema: {
        tags: ['follow-ups'],
        summary: 'Record a follow-up (call, visit, meeting, message, email); resets the recall clock',
        params,
        body: CreateFollowUpInput,
        response: { 201: FollowUp },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createFollowUp(deps, actorOf(request), request.params.id, request.body)),
  );
  app.get(
    '/api/customers/:id/follow-ups',
    {
      schema: {
        tags: ['follow-ups'],
        summary: "A customer's follow-ups, newest first (keyset pagination with `after`)",
        params,
        querystring: PageQuery,
        response: { 200: FollowUpPage },
      },
    },
    async (request) => listFollowUps(deps, actorOf(request), request.params.id, request.query),
  );
  app.get(
    '/api/customers/:id/timeline',
    {
      schema: {
        tags: ['follow-ups'],
        summary:
          "A customer's activity history: follow-ups, tier changes and pool moves, newest first (skip unknown `type`s)",
        params,
        querystring: PageQuery,
        response: { 200: ActivityPage },
      },
    },
    async (request) => listActivity(deps, actorOf(request), request.params.id, request.query),
  );
}
