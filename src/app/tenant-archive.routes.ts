/** `POST /api/tenant/export`: the caller's tenant as one JSON document (permission `privacy.manage`). */
import { z } from 'zod';
import type { Clock } from '../platform/clock.js';
import type { Db } from '../platform/db/database.js';
import { actorOf } from '../platform/http/auth-hook.js';
import type { HttpApp } from '../platform/http/server.js';
import { readTenantArchiveAs } from './tenant-archive.js';
import { cancelTenantRemoval, getTenantRemoval, scheduleTenantRemoval } from './tenant-removal.js';

const TenantRemoval = z
  .object({ requestedAt: z.iso.datetime(), dueAt: z.iso.datetime(), doneAt: z.iso.datetime().nullable() })
  .nullable();
const ScheduleRemovalInput = z.object({
  /**
   * Days of grace before the removal runs; by default the configured grace period
   * (`KEHU_TENANT_REMOVAL_GRACE_DAYS`, 30 unless set), and never less than it.
   */
  graceDays: z.number().int().min(1).max(365).optional(),
});

/** `graceDays`: the configured grace period of a tenant removal. */
type TenantRoutesDeps = { db: Db; clock: Clock; graceDays?: number };

const TenantArchiveDocument = z.object({
  manifest: z.object({
    format: z.literal('kehu-tenant-archive'),
    formatVersion: z.literal(1),
    tenantId: z.uuid(),
    createdAt: z.iso.datetime(),
    tables: z.record(z.string(), z.object({ rows: z.number().int() })),
  }),
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});

/** Registers the tenant export and removal routes. */
export function registerTenantArchiveRoutes(app: HttpApp, deps: TenantRoutesDeps): void {
  registerTenantRemovalRoutes(app, deps);
  app.post(
    '/api/tenant/export',
    {
      schema: {
        tags: ['privacy'],
        summary:
          "Every row of the caller's tenant, per table, with a manifest of row counts (`kehu tenant export` writes the same as JSON + CSV files)",
        response: { 200: TenantArchiveDocument },
      },
    },
    async (request, reply) => {
      const document = await readTenantArchiveAs(deps, actorOf(request), { address: request.ip });
      void reply.header(
        'content-disposition',
        `attachment; filename="tenant-${document.manifest.tenantId}.json"`,
      );
      return document;
    },
  );
}

/** `/api/tenant/removal`: read, schedule and cancel the removal of the caller's tenant. */
function registerTenantRemovalRoutes(app: HttpApp, deps: TenantRoutesDeps): void {
  const tags = ['privacy'];
  app.get(
    '/api/tenant/removal',
    {
      schema: {
        tags,
        summary: "The scheduled removal of the caller's tenant (null: none)",
        response: { 200: TenantRemoval },
      },
    },
    async (request) => getTenantRemoval(deps, actorOf(request)),
  );
  app.post(
    '/api/tenant/removal',
    {
      schema: {
        tags,
        summary:
          "Schedules the removal of the caller's tenant after a grace period (the configured one, 30 days unless set, or more): a final export is written, then every row is deleted",
        body: ScheduleRemovalInput,
        response: { 200: TenantRemoval },
      },
    },
    async (request) =>
      scheduleTenantRemoval(deps, actorOf(request), request.body.graceDays, { address: request.ip }),
  );
  app.delete(
    '/api/tenant/removal',
    {
      schema: {
        tags,
        summary: 'Cancels a pending tenant removal',
        response: { 200: z.object({ cancelled: z.boolean() }) },
      },
    },
    async (request) => ({
      cancelled: await cancelTenantRemoval(deps, actorOf(request), { address: request.ip }),
    }),
  );
}
