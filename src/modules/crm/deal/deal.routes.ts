/** HTTP routes of deals: create, read, list, edit, move between stages, win, lose, reopen, history. */
import { z } from 'zod';
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { CrmDeps } from '../crm-deps.js';
import {
  CreateDealInput,
  Deal,
  DealHistory,
  DealPage,
  DealQuery,
  InvalidateDealInput,
  LoseDealInput,
  MoveStageInput,
  ReopenDealInput,
  UpdateDealInput,
} from './deal.contract.js';
import { createDeal, getDeal, listDeals, updateDeal } from './deal.service.js';
import {
  invalidateDeal,
  listDealHistory,
  loseDeal,
  moveDealStage,
  reopenDeal,
  winDeal,
} from './deal-transition.service.js';

const params = z.object({ id: z.uuid() });
const tags = ['deals'];

/** Registers the routes of deals. */
export function registerDealRoutes(app: HttpApp, deps: CrmDeps): void {
  app.post(
    '/api/deals',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary:
          "Create an open deal (the amount is the lines' total, at the customer's prices unless given)",
        body: CreateDealInput,
        response: { 201: Deal },
      },
    },
    async (request, reply) => reply.status(201).send(await createDeal(deps, actorOf(request), request.body)),
  );
  app.get(
    '/api/deals',
    {
      schema: {
        tags,
        summary: 'The deals the actor may see, newest first (keyset pagination with `after`)',
        querystring: DealQuery,
        response: { 200: DealPage },
      },
    },
    async (request) => listDeals(deps, actorOf(request), request.query),
  );
  app.get(
    '/api/deals/:id',
    {
      schema: {
        tags,
        summary: 'A deal with its lines, probability and warehouse orders',
        params,
        response: { 200: Deal },
      },
    },
    async (request) => getDeal(deps, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/deals/:id',
    {
      schema: {
        tags,
        summary: 'Edit a deal (lines replace all lines)',
        params,
        body: UpdateDealInput,
        response: { 200: Deal },
      },
    },
    async (request) => updateDeal(deps, actorOf(request), request.params.id, request.body),
  );
  registerDealMoveRoutes(app, deps);
}

/** The moves: stage, win, lose, invalidate, reopen (409 `crm.deal.invalid_transition` when not allowed). */
function registerDealMoveRoutes(app: HttpApp, deps: CrmDeps): void {
  const move = (summary: string) => ({ tags, summary, params, response: { 200: Deal } });
  app.get(
    '/api/deals/:id/history',
    {
      schema: {
        tags,
        summary: "A deal's stage and outcome changes, oldest first",
        params,
        response: { 200: DealHistory },
      },
    },
    async (request) => listDealHistory(deps, actorOf(request), request.params.id),
  );
  app.post(
    '/api/deals/:id/stage',
    { schema: { ...move('Move an open deal to another stage (a won stage wins it)'), body: MoveStageInput } },
    async (request) => moveDealStage(deps, actorOf(request), request.params.id, request.body.stageId),
  );
  app.post(
    '/api/deals/:id/win',
    { schema: move("Win an open deal; its stocked lines become one outbound order in the warehouse's pool") },
    async (request) => winDeal(deps, actorOf(request), request.params.id),
  );
  app.post(
    '/api/deals/:id/lose',
    { schema: { ...move('Lose an open deal, with a reason'), body: LoseDealInput } },
    async (request) => loseDeal(deps, actorOf(request), request.params.id, request.body.reason),
  );
  app.post(
    '/api/deals/:id/invalidate',
    {
      schema: {
        ...move('Mark an open deal invalid (not a real opportunity)'),
        body: InvalidateDealInput.nullish(),
      },
    },
    async (request) => invalidateDeal(deps, actorOf(request), request.params.id, request.body?.reason),
  );
  app.post(
    '/api/deals/:id/reopen',
    {
      schema: {
        ...move("Reopen a won, lost or invalid deal; `cancelOrder` cancels a won deal's unshipped order"),
        body: ReopenDealInput.nullish(),
      },
    },
    async (request) =>
      reopenDeal(deps, actorOf(request), request.params.id, request.body ?? { cancelOrder: false }),
  );
}
