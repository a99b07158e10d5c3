/** HTTP routes of pick tasks and picker zones. */
import { z } from 'zod';
import { recordAudit } from '../../access/index.js';
import { auditContext } from '../../../platform/http/audit-context.js';
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
import { getPickerZones, savePickerZones } from './picker-zone.service.js';
import { assignPickTask, getPickTask, listPickTasks, pullPickTask } from './pick-task.service.js';
import {
  AssignPickTaskInput,
  PickerZones,
  PickerZonesInput,
  PickTaskDetail,
  PickTaskPage,
  PickTaskQuery,
  PullPickTaskInput,
  PullPickTaskResult,
} from './picking.contract.js';

const tags = ['pick tasks'];
const params = z.object({ id: z.uuid() });

/** Registers `/api/warehouses/:id/picker-zones` and `/api/pick-tasks*`. */
export function registerPickTaskRoutes(app: HttpApp, deps: WarehouseDeps): void {
  registerPickerZoneRoutes(app, deps);
  registerTaskRoutes(app, deps);
}

function registerPickerZoneRoutes(app: HttpApp, deps: WarehouseDeps): void {
  app.get(
    '/api/warehouses/:id/picker-zones',
    {
      schema: {
        tags,
        summary: "The warehouse's pickers and the zones each owns",
        params,
        response: { 200: PickerZones },
      },
    },
    async (request) => getPickerZones(deps, actorOf(request), request.params.id),
  );
  app.put(
    '/api/warehouses/:id/picker-zones',
    {
      schema: {
        tags,
        summary:
          "Replace the warehouse's picker zones (400 naming assignments.n.userId for a user not in the tenant, " +
          'assignments.n.zones.m for a zone not in the warehouse)',
        params,
        body: PickerZonesInput,
        response: { 200: PickerZones },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const saved = await savePickerZones(deps, actor, request.params.id, request.body);
      await recordAudit(
        deps.db,
        actor,
        'warehouse.picker_zones.changed',
        { warehouseId: request.params.id, assignments: saved.assignments },
        auditContext(deps, request),
      );
      return saved;
    },
  );
}

function registerTaskRoutes(app: HttpApp, deps: WarehouseDeps): void {
  app.get(
    '/api/pick-tasks',
    {
      schema: {
        tags,
        summary: 'Pick tasks, oldest first (keyset pages), by warehouse, wave, zone, status and assignee',
        querystring: PickTaskQuery,
        response: { 200: PickTaskPage },
      },
    },
    async (request) => listPickTasks(deps, actorOf(request), request.query),
  );
  app.post(
    '/api/pick-tasks/pull',
    {
      schema: {
        tags,
        summary:
          'The caller, a picker of the warehouse, takes its next open task in their zones (urgent waves first, ' +
          'then the oldest); { task: null } when none is open',
        body: PullPickTaskInput,
        response: { 200: PullPickTaskResult },
      },
    },
    async (request) => pullPickTask(deps, actorOf(request), request.body.warehouseId),
  );
  app.get(
    '/api/pick-tasks/:id',
    {
      schema: {
        tags,
        summary: 'A pick task with its stops in route order',
        params,
        response: { 200: PickTaskDetail },
      },
    },
    async (request) => getPickTask(deps, actorOf(request), request.params.id),
  );
  app.post(
    '/api/pick-tasks/:id/assign',
    {
      schema: {
        tags,
        summary:
          'Give an open or assigned task to a picker of its zone (400 warehouse.pick_task.not_zone_picker, ' +
          '409 warehouse.pick_task.not_assignable); the wave starts picking',
        params,
        body: AssignPickTaskInput,
        response: { 200: PickTaskDetail },
      },
    },
    async (request) => assignPickTask(deps, actorOf(request), request.params.id, request.body.userId),
  );
}
