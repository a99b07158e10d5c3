/**
 * The composition root: the platform's HTTP server with every module's routes and the web app.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { actorResolvers, registerAccessRoutes } from '../modules/access/index.js';
import { crmLink, registerCrmRoutes } from '../modules/crm/index.js';
import {
  consentFilter,
  createIngestRuntime,
  registerInsightsRoutes,
  type IngestRuntime,
} from '../modules/insights/index.js';
import { registerServiceRoutes } from '../modules/service/index.js';
import { registerWarehouseRoutes } from '../modules/warehouse/index.js';
import type { Clock } from '../platform/clock.js';
import type { LogFormat } from '../platform/config.js';
import { registerGlobalSearchRoutes } from './global-search.routes.js';
import { registerBackupRoutes } from '../platform/db/backup.routes.js';
import { registerTenantArchiveRoutes } from './tenant-archive.routes.js';
import { registerHealthRoutes } from '../platform/http/health.routes.js';
import { problem } from '../platform/http/problem.js';
import { createHttpServer, type HttpApp } from '../platform/http/server.js';
import { registerJobRoutes } from '../platform/jobs/job.routes.js';
import { packageRoot } from '../platform/paths.js';
import { salesOrderPort } from './sales-orders.js';

/** The version in package.json. */
export const version: string = (
  JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string }
).version;

/** The built web app, served by the same process. */
export const webRoot: string = path.join(packageRoot, 'dist', 'web');

/** What the app needs from its surroundings. */
export type AppOptions = {
  db: NodePgDatabase;
  clock: Clock;
  logLevel: string | false;
  /** One human-readable line per entry (a terminal) or JSON lines (default). */
  logFormat?: LogFormat;
  /** Always mark the session cookie `Secure` (it is anyway on requests that came over HTTPS). */
  secureCookies?: boolean;
  /** Whose X-Forwarded-* headers to believe (see `HttpServerOptions.trustProxy`). */
  trustProxy?: boolean | string;
  /** Serve the built web app (default: when it has been built). */
  serveWeb?: boolean;
  /** Where scheduled backups go (embedded engine); listed for admins at /api/backups. */
  backupDir?: string;
  /** Days of grace before a tenant removal runs, at the least (`KEHU_TENANT_REMOVAL_GRACE_DAYS`). */
  tenantRemovalGraceDays?: number;
  /** The ingest's process state for `db`; without it the app makes its own and closes it with itself. */
  ingest?: IngestRuntime;
};

/** Builds the whole HTTP app; call `listen` or `inject` on the result. */
export async function buildApp(options: AppOptions): Promise<HttpApp> {
  const { db, clock } = options;
  const app = await createHttpServer({
    db,
    logLevel: options.logLevel,
    logFormat: options.logFormat,
    trustProxy: options.trustProxy,
    version,
    actors: actorResolvers(db, clock),
  });
  registerHealthRoutes(app, db);
  registerAccessRoutes(app, { db, clock, secureCookies: options.secureCookies ?? false });
  registerCrmRoutes(app, { db, clock, orders: salesOrderPort(clock), consents: consentFilter });
  const ingest = options.ingest ?? createIngestRuntime(db);
  if (!options.ingest) app.addHook('onClose', () => ingest.close());
  registerInsightsRoutes(app, { db, clock, crm: crmLink, ingest });
  registerGlobalSearchRoutes(app, { db, clock, ingest });
  registerWarehouseRoutes(app, { db, clock });
  registerServiceRoutes(app, { db, clock });
  registerJobRoutes(app, { db, clock });
  registerBackupRoutes(app, { dir: options.backupDir, clock });
  registerTenantArchiveRoutes(app, { db, clock, graceDays: options.tenantRemovalGraceDays });

  const serveWeb = (options.serveWeb ?? true) && existsSync(path.join(webRoot, 'index.html'));
  if (serveWeb) await app.register(fastifyStatic, { root: webRoot, wildcard: false });
  registerPublicFormPage(app, serveWeb);
  app.setNotFoundHandler((request, reply) => {
    const isApi = /^\/(api|v1)\//.test(request.url);
    if (serveWeb && !isApi && request.method === 'GET') return reply.sendFile('index.html');
    return reply
      .status(404)
      .type('application/problem+json')
      .send(problem(404, 'route.not_found', `No route ${request.method} ${request.url.split('?')[0]}.`));
  });
  return app;
}

/**
 * The page a shared form link opens (`/f/<token>`, no login): the web app, which renders the form in
 * the lead's language from `/api/public/forms/<token>`; a bare page when the web app is not built.
 */
function registerPublicFormPage(app: HttpApp, serveWeb: boolean): void {
  app.get('/f/:token', { schema: { hide: true } }, (_request, reply) => {
    void reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    if (serveWeb) return reply.sendFile('index.html');
    return reply
      .type('text/html; charset=utf-8')
      .send(
        '<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">' +
          '<title>Kehu</title></head><body><p>Build the web app (npm run build) to answer this form.</p></body></html>',
      );
  });
}
