/** HTTP routes of pools: claim, assign, transfer, release, recall. */
import { z } from 'zod';
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import { Customer } from '../customer/customer.contract.js';
import type { CrmDeps } from '../crm-deps.js';
import {
  AssignInput,
  BulkAssignInput,
  BulkAssignResult,
  CreatePoolInput,
  Pool,
  PoolList,
  PoolLog,
  RecallResult,
  RecallWarningList,
  ReleaseInput,
  RunRecallInput,
  UpdatePoolInput,
} from '../pool/pool.contract.js';
import {
  assignCustomer,
  assignCustomers,
  claimCustomer,
  listPoolLog,
  releaseCustomer,
} from './pool-ownership.service.js';
import { createPool, listPools, updatePool } from './pool-list.service.js';
import { listRecallWarnings, recallNow } from './recall.service.js';

const byId = z.object({ id: z.uuid() });

/** Registers `/api/pools` and the ownership moves of customers. */
export function registerPoolRoutes(app: HttpApp, deps: CrmDeps): void {
  registerPoolAdminRoutes(app, deps);
  registerOwnershipRoutes(app, deps);
}

/** The pools themselves and recall on demand. */
function registerPoolAdminRoutes(app: HttpApp, deps: CrmDeps): void {
  const tags = ['pools'];
  app.get(
    '/api/pools',
    {
      schema: {
        tags,
        summary: "The tenant's pools with how many customers each holds",
        response: { 200: PoolList },
      },
    },
    async (request) => listPools(deps, actorOf(request)),
  );
  app.post(
    '/api/pools',
    {
      schema: {
        tags,
        summary: 'Create a pool (admins); the first pool becomes the default',
        body: CreatePoolInput,
        response: { 201: Pool },
      },
    },
    async (request, reply) => reply.status(201).send(await createPool(deps, actorOf(request), request.body)),
  );
  app.patch(
    '/api/pools/:id',
    {
      schema: {
        tags,
        summary: 'Rename a pool, change its region or make it the default (admins)',
        params: byId,
        body: UpdatePoolInput,
        response: { 200: Pool },
      },
    },
    async (request) => updatePool(deps, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/pools/recall',
    {
      schema: {
        tags,
        summary: 'Run recall now for the tenant (admins); `dryRun` reports without moving anyone',
        // A bare POST (no body) runs for real.
        body: RunRecallInput.nullish(),
        response: { 200: RecallResult },
      },
    },
    async (request) => recallNow(deps, actorOf(request), request.body ?? { dryRun: false }),
  );
}

/** The caller's recall warnings, bulk assign and claim; the per-customer moves follow in `registerAssignRoutes`. */
function registerOwnershipRoutes(app: HttpApp, deps: CrmDeps): void {
  const tags = ['pools'];
  app.get(
    '/api/customers/recall-warnings',
    {
      schema: {
        tags,
        summary: "The caller's customers that recall will return to a pool soon, with when",
        response: { 200: RecallWarningList },
      },
    },
    async (request) => listRecallWarnings(deps, actorOf(request)),
  );
  app.post(
    '/api/customers/assign',
    {
      schema: {
        tags,
        summary: 'Assign or transfer several customers to one user; answers per customer',
        body: BulkAssignInput,
        response: { 200: BulkAssignResult },
      },
    },
    async (request) => assignCustomers(deps, actorOf(request), request.body),
  );
  app.post(
    '/api/customers/:id/claim',
    {
      schema: {
        tags,
        summary:
          'Claim a customer from its pool (409 with crm.pool.owned_limit, claim_limit, cooldown, already_claimed)',
        params: byId,
        response: { 200: Customer },
      },
    },
    async (request) => claimCustomer(deps, actorOf(request), request.params.id),
  );
  registerAssignRoutes(app, deps);
}

/** Registers releasing and assigning one customer, and its pool log. */
function registerAssignRoutes(app: HttpApp, deps: CrmDeps): void {
  const tags = ['pools'];
  app.post(
    '/api/customers/:id/release',
    {
      schema: {
        tags,
        summary: 'Release a customer back to a pool, with a reason',
        params: byId,
        body: ReleaseInput,
        response: { 200: Customer },
      },
    },
    async (request) => releaseCustomer(deps, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/customers/:id/assign',
    {
      schema: {
        tags,
        summary: 'Assign a customer from a pool, or transfer it from its owner, to a user',
        params: byId,
        body: AssignInput,
        response: { 200: Customer },
      },
    },
    async (request) => assignCustomer(deps, actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/customers/:id/pool-log',
    {
      schema: {
        tags,
        summary: "A customer's moves between owners and pools, oldest first",
        params: byId,
        response: { 200: PoolLog },
      },
    },
    async (request) => listPoolLog(deps, actorOf(request), request.params.id),
  );
}
