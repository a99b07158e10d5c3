/** HTTP routes of customers: parse, call the service, reply. */
import { z } from 'zod';
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import {
  CreateCustomerInput,
  CreatedCustomer,
  Customer,
  CustomerPage,
  CustomerSummary,
  CustomerSummaryQuery,
  ListCustomersQuery,
  UpdateCustomerInput,
} from './customer.contract.js';
import {
  createCustomer,
  getCustomer,
  listCustomers,
  summarizeCustomers,
  updateCustomer,
  type CustomerDeps,
} from './customer.service.js';

/** Registers `/api/customers`. */
export function registerCustomerRoutes(app: HttpApp, deps: CustomerDeps): void {
  const tags = ['customers'];
  app.post(
    '/api/customers',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: 'Create a customer (409 crm.customer.duplicate when it likely exists already)',
        description:
          'Owned by the creating user unless the body names an owner (a member who can own customers, ' +
          'else 400 crm.customer.owner_unknown or crm.customer.owner_cannot_own) or a pool. Created ' +
          "with an API key and naming neither, it goes to its region's pool, else the default pool.",
        body: CreateCustomerInput,
        response: { 201: CreatedCustomer },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createCustomer(deps, actorOf(request), request.body)),
  );
  app.get(
    '/api/customers',
    {
      schema: {
        tags,
        summary:
          'List the customers the caller may see, filtered and sorted (keyset pagination with `after`)',
        querystring: ListCustomersQuery,
        response: { 200: CustomerPage },
      },
    },
    async (request) => listCustomers(deps, actorOf(request), request.query),
  );
  registerCustomerReadRoutes(app, deps);
}

/** Registers the summary, reading one customer and editing it. */
function registerCustomerReadRoutes(app: HttpApp, deps: CustomerDeps): void {
  const tags = ['customers'];
  app.get(
    '/api/customers/summary',
    {
      schema: {
        tags,
        summary: 'Count the customers the caller may see, by kind and by intent tier',
        querystring: CustomerSummaryQuery,
        response: { 200: CustomerSummary },
      },
    },
    async (request) => summarizeCustomers(deps, actorOf(request), request.query),
  );
  app.get(
    '/api/customers/:id',
    {
      schema: {
        tags,
        summary: 'One customer',
        params: z.object({ id: z.uuid() }),
        response: { 200: Customer },
      },
    },
    async (request) => getCustomer(deps, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/customers/:id',
    {
      schema: {
        tags,
        summary: "Edit a customer's profile",
        params: z.object({ id: z.uuid() }),
        body: UpdateCustomerInput,
        response: { 200: Customer },
      },
    },
    async (request) => updateCustomer(deps, actorOf(request), request.params.id, request.body),
  );
}
