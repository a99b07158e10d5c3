/** HTTP routes of wave strategies, the release preview, releases and waves. */
import { z } from 'zod';
import { recordAudit } from '../../access/index.js';
import { auditContext } from '../../../platform/http/audit-context.js';
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
import {
  WaveDetail,
  WavePage,
  WavePreview,
  WaveQuery,
  WaveRelease,
  WaveStrategy,
  WaveStrategyInput,
} from './wave.contract.js';
import { registerPickTaskRoutes } from './pick-task.routes.js';
import { previewWaves, releaseWaves } from './wave-release.service.js';
import { deleteWaveStrategy, getWaveStrategy, saveWaveStrategy } from './wave-strategy.service.js';
import { cancelWave, getWave, listWaves } from './wave.service.js';

const tags = ['waves'];
const params = z.object({ id: z.uuid() });

/**
 * Registers `/api/warehouses/:id/wave-strategy`, `/api/warehouses/:id/waves/*`, `/api/waves`, and the
 * pick tasks' and picker zones' routes.
 */
export function registerWaveRoutes(app: HttpApp, deps: WarehouseDeps): void {
  registerStrategyRoutes(app, deps);
  registerReleaseRoutes(app, deps);
  registerWaveResourceRoutes(app, deps);
  registerPickTaskRoutes(app, deps);
}

function registerStrategyRoutes(app: HttpApp, deps: WarehouseDeps): void {
  const url = '/api/warehouses/:id/wave-strategy';
  app.get(
    url,
    {
      schema: {
        tags,
        summary: "The warehouse's wave release rules, in order",
        params,
        response: { 200: WaveStrategy },
      },
    },
    async (request) => getWaveStrategy(deps, actorOf(request), request.params.id),
  );
  app.put(
    url,
    {
      schema: {
        tags,
        summary: "Replace the warehouse's wave release rules (warehouse managers and admins)",
        params,
        body: WaveStrategyInput,
        response: { 200: WaveStrategy },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const strategy = await saveWaveStrategy(deps, actor, request.params.id, request.body);
      const details = { warehouseId: request.params.id, rules: strategy.rules.map((rule) => rule.name) };
      await recordAudit(
        deps.db,
        actor,
        'warehouse.wave_strategy.changed',
        details,
        auditContext(deps, request),
      );
      return strategy;
    },
  );
  app.delete(
    url,
    {
      schema: {
        tags,
        summary: "Remove the warehouse's wave release rules",
        params,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteWaveStrategy(deps, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}

function registerReleaseRoutes(app: HttpApp, deps: WarehouseDeps): void {
  app.post(
    '/api/warehouses/:id/waves/preview',
    {
      schema: {
        tags,
        summary:
          'Which orders each rule would take now, and why every other open order would stay (writes nothing)',
        params,
        response: { 200: WavePreview },
      },
    },
    async (request) => previewWaves(deps, actorOf(request), request.params.id),
  );
  app.post(
    '/api/warehouses/:id/waves/release',
    {
      schema: {
        tags,
        summary: 'Release waves: one per rule that takes orders; reserves nothing new',
        params,
        response: { 200: WaveRelease },
      },
    },
    async (request) => releaseWaves(deps, actorOf(request), request.params.id),
  );
}

function registerWaveResourceRoutes(app: HttpApp, deps: WarehouseDeps): void {
  app.get(
    '/api/waves',
    {
      schema: {
        tags,
        summary: 'Waves, newest release first; keyset pagination',
        querystring: WaveQuery,
        response: { 200: WavePage },
      },
    },
    async (request) => listWaves(deps, actorOf(request), request.query),
  );
  app.get(
    '/api/waves/:id',
    {
      schema: {
        tags,
        summary: 'One wave with its orders in pick order',
        params,
        response: { 200: WaveDetail },
      },
    },
    async (request) => getWave(deps, actorOf(request), request.params.id),
  );
  app.post(
    '/api/waves/:id/cancel',
    {
      schema: {
        tags,
        summary:
          'Cancel a wave before picking starts; its orders return to the pool (409 warehouse.wave.not_cancellable)',
        params,
        response: { 200: WaveDetail },
      },
    },
    async (request) => cancelWave(deps, actorOf(request), request.params.id),
  );
}
