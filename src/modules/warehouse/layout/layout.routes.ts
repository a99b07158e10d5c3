/** HTTP routes of warehouses and their locations. */
import { z } from 'zod';
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
import {
  CreateLocationInput,
  CreateWarehouseInput,
  Location,
  LocationKind,
  LocationList,
  UpdateWarehouseInput,
  Warehouse,
  WarehouseList,
} from './layout.contract.js';
import { createWarehouse, getWarehouse, listWarehouses, updateWarehouse } from './layout.service.js';
import { createLocation, listLocations } from './location.service.js';

const tags = ['warehouses'];
const params = z.object({ id: z.uuid() });

/** Registers `/api/warehouses` and `/api/warehouses/:id/locations`. */
export function registerLayoutRoutes(app: HttpApp, deps: WarehouseDeps): void {
  registerWarehouseResourceRoutes(app, deps);
  registerLocationRoutes(app, deps);
}

function registerWarehouseResourceRoutes(app: HttpApp, deps: WarehouseDeps): void {
  app.get(
    '/api/warehouses',
    { schema: { tags, summary: "The tenant's warehouses by code", response: { 200: WarehouseList } } },
    async (request) => listWarehouses(deps, actorOf(request)),
  );
  app.post(
    '/api/warehouses',
    {
      schema: {
        tags,
        summary:
          'Create a warehouse with its receiving dock RECV and shipping dock SHIP (409 warehouse.warehouse.code_taken)',
        body: CreateWarehouseInput,
        response: { 201: Warehouse },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createWarehouse(deps, actorOf(request), request.body)),
  );
  app.get(
    '/api/warehouses/:id',
    { schema: { tags, summary: 'One warehouse', params, response: { 200: Warehouse } } },
    async (request) => getWarehouse(deps, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/warehouses/:id',
    {
      schema: {
        tags,
        summary:
          "Change a warehouse's name, layout (every location's path rank is recomputed) or allocation defaults",
        params,
        body: UpdateWarehouseInput,
        response: { 200: Warehouse },
      },
    },
    async (request) => updateWarehouse(deps, actorOf(request), request.params.id, request.body),
  );
}

function registerLocationRoutes(app: HttpApp, deps: WarehouseDeps): void {
  app.get(
    '/api/warehouses/:id/locations',
    {
      schema: {
        tags,
        summary: "A warehouse's locations by code, optionally of one kind or with a code containing q",
        params,
        querystring: z.object({ kind: LocationKind.optional(), q: z.string().trim().max(40).optional() }),
        response: { 200: LocationList },
      },
    },
    async (request) => listLocations(deps, actorOf(request), request.params.id, request.query),
  );
  app.post(
    '/api/warehouses/:id/locations',
    {
      schema: {
        tags,
        summary:
          'Create a location; coordinates may come from a code like A-03-12-2 (409 warehouse.location.code_taken)',
        params,
        body: CreateLocationInput,
        response: { 201: Location },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createLocation(deps, actorOf(request), request.params.id, request.body)),
  );
}
