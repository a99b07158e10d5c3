/**
 * The queue's use cases besides running jobs: queueing a one-off job, the admin's view and retry, and
 * the queue's own upkeep (a periodic job like any other).
 */
import { DAY_MS } from '../clock.js';
import type { Clock } from '../clock.js';
import { requirePermission, type Actor } from '../auth/actor.js';
import type { Db } from '../db/database.js';
import { AppError } from '../errors.js';
import { newId } from '../ids.js';
import type { JobOut, JobPage, ListJobsQuery } from './job.contract.js';
import {
  deleteFinishedJobs,
  failAbandonedJobs,
  findJob,
  insertJob,
  listJobs,
  requeueFailedJob,
  type JobRow,
} from './job.repository.js';
import type { Job, JobLogger } from './scheduler.js';

/** Succeeded jobs are kept this long for the admin's view, failed ones longer. */
export const SUCCEEDED_KEEP_MS = DAY_MS;
export const FAILED_KEEP_MS = 14 * DAY_MS;

/** A one-off job to queue, e.g. `{ name: 'mail.send', payload: { to }, tenantId }`. */
export type NewJob = {
  name: string;
  payload?: Record<string, unknown>;
  /** The tenant it works for (its admin then sees it); omit for work across tenants. */
  tenantId?: string;
  /** Not before this time (default: now). */
  runAt?: Date;
  /** Attempts before it counts as failed (default 5). */
  maxAttempts?: number;
  /** Queue it only if no job with this key exists yet (e.g. `mail.welcome:<userId>`). */
  singletonKey?: string;
};

/**
 * Queues a one-off job; a worker with a handler of its name runs it once. Pass the caller's open
 * transaction as `db` to queue it exactly when the change commits. Answers its id, or undefined when
 * its singleton key was taken.
 */
export async function enqueueJob(db: Db, clock: Clock, job: NewJob): Promise<string | undefined> {
  const id = newId();
  const now = clock.now();
  const added = await insertJob(db, {
    id,
    name: job.name,
    tenantId: job.tenantId ?? null,
    payload: job.payload ?? {},
    runAt: job.runAt ?? now,
    maxAttempts: job.maxAttempts ?? 5,
    singletonKey: job.singletonKey ?? null,
    createdAt: now,
  });
  return added ? id : undefined;
}

/** One page of the jobs the actor's admin may see: theirs and those across tenants, newest first. */
export async function listJobsAs(db: Db, actor: Actor, query: ListJobsQuery): Promise<JobPage> {
  requirePermission(actor, 'users.manage');
  const rows = await listJobs(db, { tenantId: actor.tenantId, ...query, limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  return {
    items: page.map(toJobOut),
    nextCursor: rows.length > query.limit ? page[page.length - 1]!.id : null,
  };
}

/** Queues a failed job again, due now with fresh attempts; 404 when unseen, 409 unless failed. */
export async function retryJobAs(db: Db, clock: Clock, actor: Actor, id: string): Promise<JobOut> {
  requirePermission(actor, 'users.manage');
  const job = await findJob(db, actor.tenantId, id);
  if (!job) throw new AppError('not_found', 'jobs.job.not_found', `No job ${id}.`);
  const requeued = await requeueFailedJob(db, id, clock.now());
  if (!requeued) {
    throw new AppError(
      'conflict',
      'jobs.job.not_failed',
      `Job ${id} is ${job.status}; only a failed job is retried.`,
    );
  }
  return toJobOut(requeued);
}

/**
 * The queue's upkeep every minute: fails jobs whose worker died on their last attempt, and deletes
 * succeeded jobs after a day and failed ones after two weeks.
 */
export function queueMaintenanceJob(deps: { db: Db; clock: Clock }, logger?: JobLogger): Job {
  return {
    name: 'jobs.maintenance',
    everyMs: 60_000,
    run: async () => {
      const now = deps.clock.now().getTime();
      const abandoned = await failAbandonedJobs(deps.db, new Date(now));
      const deleted = await deleteFinishedJobs(deps.db, {
        succeededBefore: new Date(now - SUCCEEDED_KEEP_MS),
        failedBefore: new Date(now - FAILED_KEEP_MS),
      });
      if (abandoned > 0) logger?.error({ abandoned }, 'jobs failed after their worker was lost');
      if (deleted > 0) logger?.info({ deleted }, 'finished jobs pruned');
    },
  };
}

function toJobOut(row: JobRow): JobOut {
  return {
    id: row.id,
    name: row.name,
    status: row.status as JobOut['status'],
    runAt: row.runAt.toISOString(),
    attempts: row.attempts,
    maxAttempts: row.maxAttempts,
    lastError: row.lastError,
    lockedBy: row.lockedBy,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
