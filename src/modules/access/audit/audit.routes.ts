/** The audit log under /api/audit-log: paged, newest first, filtered by action, actor and time. */
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { AccessDeps } from '../access-deps.js';
import { AuditPage, AuditQuery } from './audit.contract.js';
import { listAuditLog } from './audit.service.js';

/** Registers `GET /api/audit-log`. */
export function registerAuditRoutes(app: HttpApp, { db }: AccessDeps): void {
  app.get(
    '/api/audit-log',
    {
      schema: {
        tags: ['auth'],
        summary: 'Security-relevant actions in the tenant, newest first (admins)',
        querystring: AuditQuery,
        response: { 200: AuditPage },
      },
    },
    async (request) => listAuditLog(db, actorOf(request), request.query),
  );
}
