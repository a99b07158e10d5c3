/** Liveness and readiness. */
import { sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { z } from 'zod';
import { migrationStatus } from '../db/migrate.js';
import type { HttpApp } from './server.js';

/** Registers `GET /healthz` (the process answers) and `GET /readyz` (database reachable, migrations applied). */
export function registerHealthRoutes(app: HttpApp, db: NodePgDatabase): void {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness: the process answers',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/readyz',
    {
      schema: {
        tags: ['health'],
        summary: 'Readiness: database reachable and migrations applied',
        response: {
          200: z.object({
            status: z.literal('ready'),
            migrations: z.object({ shipped: z.number(), applied: z.number() }),
          }),
          503: z.object({ status: z.literal('not_ready'), reason: z.string() }),
        },
      },
    },
    async (_request, reply) => {
      try {
        await db.execute(sql`select 1`);
        const migrations = await migrationStatus(db);
        if (migrations.applied < migrations.shipped) {
          return reply.status(503).send({
            status: 'not_ready' as const,
            reason: `migrations applied ${migrations.applied} of ${migrations.shipped}`,
          });
        }
        return { status: 'ready' as const, migrations };
      } catch (error) {
        return reply.status(503).send({
          status: 'not_ready' as const,
          reason: `database unreachable: ${(error as Error).message}`,
        });
      }
    },
  );
}
