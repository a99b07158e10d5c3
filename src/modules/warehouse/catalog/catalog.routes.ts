/** HTTP routes of items, their lots and suppliers. */
import { z } from 'zod';
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
import {
  CreateItemInput,
  CreateSupplierInput,
  Item,
  ItemPage,
  ItemQuery,
  Lot,
  Supplier,
  SupplierList,
  UpdateItemInput,
} from './catalog.contract.js';
import {
  createItem,
  createSupplier,
  getItem,
  listItems,
  listSuppliers,
  updateItem,
} from './catalog.service.js';
import { listLots } from './lot.service.js';

const tags = ['items'];
const params = z.object({ id: z.uuid() });

/** Registers `/api/items` and `/api/suppliers`. */
export function registerCatalogRoutes(app: HttpApp, deps: WarehouseDeps): void {
  registerItemRoutes(app, deps);
  registerSupplierRoutes(app, deps);
}

function registerItemRoutes(app: HttpApp, deps: WarehouseDeps): void {
  app.get(
    '/api/items',
    {
      schema: {
        tags,
        summary: 'Items by SKU, matching q in SKU, name or barcode (keyset pagination with `after`)',
        querystring: ItemQuery,
        response: { 200: ItemPage },
      },
    },
    async (request) => listItems(deps, actorOf(request), request.query),
  );
  app.post(
    '/api/items',
    {
      schema: {
        tags,
        summary: 'Create an item (409 warehouse.item.sku_taken)',
        body: CreateItemInput,
        response: { 201: Item },
      },
    },
    async (request, reply) => reply.status(201).send(await createItem(deps, actorOf(request), request.body)),
  );
  app.get(
    '/api/items/:id',
    { schema: { tags, summary: 'One item', params, response: { 200: Item } } },
    async (request) => getItem(deps, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/items/:id',
    {
      schema: {
        tags,
        summary: 'Change an item; allocationStrategy null follows the warehouse again',
        params,
        body: UpdateItemInput,
        response: { 200: Item },
      },
    },
    async (request) => updateItem(deps, actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/items/:id/lots',
    {
      schema: {
        tags,
        summary: "An item's lots by lot number",
        params,
        response: { 200: z.object({ items: z.array(Lot) }) },
      },
    },
    async (request) => listLots(deps, actorOf(request), request.params.id),
  );
}

function registerSupplierRoutes(app: HttpApp, deps: WarehouseDeps): void {
  app.get(
    '/api/suppliers',
    {
      schema: {
        tags: ['suppliers'],
        summary: "The tenant's suppliers by code",
        response: { 200: SupplierList },
      },
    },
    async (request) => listSuppliers(deps, actorOf(request)),
  );
  app.post(
    '/api/suppliers',
    {
      schema: {
        tags: ['suppliers'],
        summary: 'Create a supplier (409 warehouse.supplier.code_taken)',
        body: CreateSupplierInput,
        response: { 201: Supplier },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createSupplier(deps, actorOf(request), request.body)),
  );
}
