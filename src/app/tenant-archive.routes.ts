/** `POST /api/tenant/export`: the caller's tenant as one JSON document (permission `privacy.manage`). */
import { z } from 'zod';
import type { Clock } from '../platform/clock.js';
import type { Db } from '../platform/db/database.js';
import { actorOf } from '../platform/http/auth-hook.js';
import type { HttpApp } from '../platform/http/server.js';
import { readTenantArchiveAs } from './tenant-archive.js';

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

/** Registers the tenant export route. */
export function registerTenantArchiveRoutes(app: HttpApp, deps: { db: Db; clock: Clock }): void {
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
