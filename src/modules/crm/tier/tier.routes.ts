/** HTTP routes of tiers: suggestions, changes, history. */
import { z } from 'zod';
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { CrmDeps } from '../crm-deps.js';
import {
  ChangeTierInput,
  CustomerTiers,
  TierHistory,
  TierHistoryQuery,
  TierSuggestionBatch,
  TierSuggestionsInput,
} from './tier.contract.js';
import { changeCustomerTier, getCustomerTiers, listTierHistory, suggestTiers } from './tier.service.js';

/** Registers the routes of tiers: suggestions, changes, history. */
export function registerTierRoutes(app: HttpApp, deps: CrmDeps): void {
  const tags = ['tiers'];
  const params = z.object({ id: z.uuid() });
  app.get(
    '/api/customers/:id/tiers',
    {
      schema: {
        tags,
        summary: "A customer's intent, satisfaction and value tiers and persona, with the rules' suggestion",
        params,
        response: { 200: CustomerTiers },
      },
    },
    async (request) => getCustomerTiers(deps, actorOf(request), request.params.id),
  );
  app.post(
    '/api/customers/:id/tiers',
    {
      schema: {
        tags,
        summary:
          'Change one tier: by hand with a reason, or accept the suggestion (409 crm.tier.suggestion_changed)',
        params,
        body: ChangeTierInput,
        response: { 200: CustomerTiers },
      },
    },
    async (request) => changeCustomerTier(deps, actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/customers/:id/tier-history',
    {
      schema: {
        tags,
        summary: "Every change of a customer's tiers, newest first: from, to, who, when, why",
        params,
        querystring: TierHistoryQuery,
        response: { 200: TierHistory },
      },
    },
    async (request) => listTierHistory(deps, actorOf(request), request.params.id, request.query),
  );
  app.post(
    '/api/customers/tier-suggestions',
    {
      schema: {
        tags,
        summary: 'Intent tier suggestions for up to 500 customers',
        body: TierSuggestionsInput,
        response: { 200: TierSuggestionBatch },
      },
    },
    async (request) => suggestTiers(deps, actorOf(request), request.body.customerIds),
  );
}
