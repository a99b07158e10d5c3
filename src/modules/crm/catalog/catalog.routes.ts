/** HTTP routes of the sales catalogue. */
import { z } from 'zod';
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { CrmDeps } from '../crm-deps.js';
import {
  CreateProductInput,
  Product,
  ProductList,
  ProductQuery,
  SetProductPricesInput,
  UpdateProductInput,
} from './catalog.contract.js';
import {
  createProduct,
  getProduct,
  listProducts,
  setProductPrices,
  updateProduct,
} from './catalog.service.js';

const params = z.object({ id: z.uuid() });
const tags = ['products'];

/** Registers the routes of products and their price lists. */
export function registerCatalogRoutes(app: HttpApp, deps: CrmDeps): void {
  app.post(
    '/api/products',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: 'Add a product: stocked (names a warehouse item by SKU) or a service',
        body: CreateProductInput,
        response: { 201: Product },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createProduct(deps, actorOf(request), request.body)),
  );
  app.get(
    '/api/products',
    {
      schema: {
        tags,
        summary: 'The sales catalogue by name',
        querystring: ProductQuery,
        response: { 200: ProductList },
      },
    },
    async (request) => listProducts(deps, actorOf(request), request.query),
  );
  app.get(
    '/api/products/:id',
    { schema: { tags, summary: 'A product with its price lists', params, response: { 200: Product } } },
    async (request) => getProduct(deps, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/products/:id',
    {
      schema: {
        tags,
        summary: 'Edit a product',
        params,
        body: UpdateProductInput,
        response: { 200: Product },
      },
    },
    async (request) => updateProduct(deps, actorOf(request), request.params.id, request.body),
  );
  app.put(
    '/api/products/:id/prices',
    {
      schema: {
        tags,
        summary: 'Set prices per customer kind and value tier (replaces those of the same kind and tier)',
        params,
        body: SetProductPricesInput,
        response: { 200: Product },
      },
    },
    async (request) => setProductPrices(deps, actorOf(request), request.params.id, request.body),
  );
}
