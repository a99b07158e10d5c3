/**
 * Queries of the job queue. Times come from the caller's clock, not the database's `now()`, so tests
 * move time without sleeping; servers behind one database keep their clocks in step (NTP) anyway.
 */
import { and, asc, desc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import type { JobStatus } from './job.contract.js';
import { jobs } from './job.table.js';

/** A row of the queue. */
export type JobRow = typeof jobs.$inferSelect;

/** A job to put in the queue. */
export type NewJobRow = {
  id: string;
  name: string;
  tenantId: string | null;
  payload: Record<string, unknown>;
  runAt: Date;
  maxAttempts: number;
  singletonKey: string | null;
  createdAt: Date;
};

/** Adds a job; a second job with the same singleton key is ignored. Answers whether it was added. */
export async function insertJob(db: Db, job: NewJobRow): Promise<boolean> {
  const rows = await db.insert(jobs).values(job).onConflictDoNothing().returning({ id: jobs.id });
  return rows.length > 0;
}

/**
 * Adds one period's run of a periodic job unless that period is queued already (its singleton key) or
 * an earlier run of the job is still queued or running, so runs never pile up or overlap.
 */
export async function insertPeriodJob(db: Db, job: NewJobRow): Promise<boolean> {
  const unfinished = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.name, job.name), inArray(jobs.status, ['queued', 'running'])));
  const result = await db.execute<{ id: string }>(sql`
    insert into ${jobs} (id, name, tenant_id, payload, status, run_at, attempts, max_attempts, singleton_key, created_at)
    select ${job.id}, ${job.name}, ${job.tenantId}, ${JSON.stringify(job.payload)}::jsonb, 'queued',
           ${job.runAt.toISOString()}::timestamptz, 0, ${job.maxAttempts}, ${job.singletonKey},
           ${job.createdAt.toISOString()}::timestamptz
     where not exists (${unfinished})
    on conflict do nothing
    returning id`);
  return result.rows.length > 0;
}

/** Who claims and for how long. */
export type Claim = { workerId: string; names: string[]; now: Date; leaseUntil: Date };

/**
 * Takes the next due job among `names` for `workerId`: a queued one whose time has come, or a running
 * one whose worker's lease ran out (it crashed) with attempts left. One statement, `SKIP LOCKED`, so
 * two workers never take the same row and neither waits for the other.
 */
export async function claimNextJob(db: Db, claim: Claim): Promise<JobRow | undefined> {
  if (claim.names.length === 0) return undefined;
  const due = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      and(
        inArray(jobs.name, claim.names),
        or(
          and(eq(jobs.status, 'queued'), lte(jobs.runAt, claim.now)),
          and(
            eq(jobs.status, 'running'),
            lt(jobs.lockedUntil, claim.now),
            lt(jobs.attempts, jobs.maxAttempts),
          ),
        ),
      ),
    )
    .orderBy(asc(jobs.runAt))
    .limit(1)
    .for('update', { skipLocked: true });
  const [row] = await db
    .update(jobs)
    .set({
      status: 'running',
      attempts: sql`${jobs.attempts} + 1`,
      lockedBy: claim.workerId,
      lockedUntil: claim.leaseUntil,
    })
    .where(inArray(jobs.id, due))
    .returning();
  return row;
}

/** Extends the lease of a job `workerId` still holds; false when another worker has taken it over. */
export async function extendJobLease(db: Db, id: string, workerId: string, until: Date): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ lockedUntil: until })
    .where(and(eq(jobs.id, id), eq(jobs.lockedBy, workerId), eq(jobs.status, 'running')))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** How an attempt ended: succeeded, or failed with a time to try again (null: give up). */
export type JobOutcome =
  { status: 'succeeded'; now: Date } | { status: 'failed'; now: Date; error: string; retryAt: Date | null };

/**
 * Records the end of `workerId`'s attempt, keeping its name as the job's last worker; false when its
 * lease had been taken over meanwhile.
 */
export async function finishJob(db: Db, id: string, workerId: string, outcome: JobOutcome): Promise<boolean> {
  const unlock = { lockedUntil: null };
  const set =
    outcome.status === 'succeeded'
      ? { ...unlock, status: 'succeeded', finishedAt: outcome.now }
      : outcome.retryAt
        ? { ...unlock, status: 'queued', runAt: outcome.retryAt, lastError: outcome.error }
        : { ...unlock, status: 'failed', lastError: outcome.error, finishedAt: outcome.now };
  const rows = await db
    .update(jobs)
    .set(set)
    .where(and(eq(jobs.id, id), eq(jobs.lockedBy, workerId), eq(jobs.status, 'running')))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** Fails running jobs whose lease ran out on their last attempt (their worker died each time). */
export async function failAbandonedJobs(db: Db, now: Date): Promise<number> {
  const rows = await db
    .update(jobs)
    .set({
      status: 'failed',
      lastError: 'worker lost (lease expired)',
      lockedUntil: null,
      finishedAt: now,
    })
    .where(
      and(
        eq(jobs.status, 'running'),
        lt(jobs.lockedUntil, now),
        sql`${jobs.attempts} >= ${jobs.maxAttempts}`,
      ),
    )
    .returning({ id: jobs.id });
  return rows.length;
}

/** Deletes succeeded jobs finished before `succeededBefore` and failed ones before `failedBefore`. */
export async function deleteFinishedJobs(
  db: Db,
  cutoffs: { succeededBefore: Date; failedBefore: Date },
): Promise<number> {
  const rows = await db
    .delete(jobs)
    .where(
      or(
        and(eq(jobs.status, 'succeeded'), lt(jobs.finishedAt, cutoffs.succeededBefore)),
        and(eq(jobs.status, 'failed'), lt(jobs.finishedAt, cutoffs.failedBefore)),
      ),
    )
    .returning({ id: jobs.id });
  return rows.length;
}

/** Which jobs a tenant's admin sees: theirs and those across tenants, newest first. */
export type JobFilter = {
  tenantId: string;
  status?: JobStatus;
  name?: string;
  after?: string;
  limit: number;
};

/** One page of jobs visible to a tenant, newest first (ids are time-ordered UUIDv7). */
export async function listJobs(db: Db, filter: JobFilter): Promise<JobRow[]> {
  return db
    .select()
    .from(jobs)
    .where(
      and(
        or(isNull(jobs.tenantId), eq(jobs.tenantId, filter.tenantId)),
        filter.status ? eq(jobs.status, filter.status) : undefined,
        filter.name ? eq(jobs.name, filter.name) : undefined,
        filter.after ? lt(jobs.id, filter.after) : undefined,
      ),
    )
    .orderBy(desc(jobs.id))
    .limit(filter.limit);
}

/** One job visible to a tenant, or undefined. */
export async function findJob(db: Db, tenantId: string, id: string): Promise<JobRow | undefined> {
  const [row] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.id, id), or(isNull(jobs.tenantId), eq(jobs.tenantId, tenantId))));
  return row;
}

/** Puts a failed job back in the queue, due at `now`, with its attempts counted afresh. */
export async function requeueFailedJob(db: Db, id: string, now: Date): Promise<JobRow | undefined> {
  const [row] = await db
    .update(jobs)
    .set({ status: 'queued', runAt: now, attempts: 0, finishedAt: null })
    .where(and(eq(jobs.id, id), eq(jobs.status, 'failed')))
    .returning();
  return row;
}
