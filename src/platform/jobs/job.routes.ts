/** The admin's view of the job queue under /api/jobs: list by status, and retry a failed job. */
import { z } from 'zod';
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import { actorOf } from '../http/auth-hook.js';
import type { HttpApp } from '../http/server.js';
import { JobOut, JobPage, ListJobsQuery } from './job.contract.js';
import { listJobsAs, retryJobAs } from './job.service.js';

/** Registers the job routes (admin only). */
export function registerJobRoutes(app: HttpApp, deps: { db: Db; clock: Clock }): void {
  const tags = ['jobs'];
  app.get(
    '/api/jobs',
    {
      schema: {
        tags,
        summary: 'Background jobs, newest first: queued, running, succeeded and failed (admin only)',
        querystring: ListJobsQuery,
        response: { 200: JobPage },
      },
    },
    async (request) => listJobsAs(deps.db, actorOf(request), request.query),
  );

  app.post(
    '/api/jobs/:id/retry',
    {
      schema: {
        tags,
        summary: 'Queue a failed job again, due now (admin only)',
        params: z.object({ id: z.uuid() }),
        response: { 200: JobOut },
      },
    },
    async (request) => retryJobAs(deps.db, deps.clock, actorOf(request), request.params.id),
  );
}
