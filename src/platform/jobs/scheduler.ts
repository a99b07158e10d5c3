/**
 * The job worker: every server process runs one against the durable queue in the `jobs` table. Each
 * poll it queues the current period of every periodic job (once across all processes, by the period's
 * singleton key), then claims due jobs with `SKIP LOCKED` and runs them outside any transaction, under
 * a lease it renews; a failed attempt comes back after an exponential backoff, a crashed worker's job
 * when its lease runs out. See docs/adr/0006-job-queue.md.
 */
import { hostname } from 'node:os';
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import { newId } from '../ids.js';
import { retryDelayMs } from './backoff.js';
import {
  claimNextJob,
  extendJobLease,
  finishJob,
  insertPeriodJob,
  type JobOutcome,
  type JobRow,
} from './job.repository.js';

/** A periodic job, e.g. `{ name: 'crm.recall', everyMs: 15 * 60_000, run: () => recallAll() }`. */
export type Job = {
  name: string;
  everyMs: number;
  run(): Promise<void>;
  /** Attempts per period before the run counts as failed (default 3). */
  maxAttempts?: number;
};

/** Runs the one-off jobs of one name (queued with `enqueueJob`); receives the job's payload. */
export type JobHandler = { name: string; run(payload: Record<string, unknown>): Promise<void> };

/** Where the worker reports; a pino or Fastify logger fits. */
export type JobLogger = {
  info(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
};

/** Stops polling; resolves once the runs in progress have ended. */
export type StopJobs = () => Promise<void>;

/** What the worker needs; `random` drives the backoff's jitter (tests pass a fixed one). */
export type WorkerDeps = { db: Db; clock: Clock; logger: JobLogger; random?: () => number };

/** How the worker polls: `pollMs` between polls, `leaseMs` per claim, `concurrency` runs at once. */
export type WorkerOptions = { workerId?: string; pollMs?: number; leaseMs?: number; concurrency?: number };

/** A worker over the queue; `runDue` is one deterministic pass, `start` polls until stopped. */
export type JobWorker = {
  workerId: string;
  /** Queues due periods, then runs due jobs until none is left; answers how many attempts ran. */
  runDue(): Promise<number>;
  start(): StopJobs;
};

const DEFAULT_MAX_ATTEMPTS = 3;
const MAX_ERROR_CHARS = 2000;

/** Makes a worker for `periodic` jobs and one-off `handlers`; nothing runs until `runDue` or `start`. */
export function createJobWorker(
  deps: WorkerDeps,
  periodic: Job[],
  handlers: JobHandler[] = [],
  options: WorkerOptions = {},
): JobWorker {
  const { db, clock, logger } = deps;
  const workerId = options.workerId ?? `${hostname()}/${process.pid}/${newId().slice(-8)}`;
  const pollMs = options.pollMs ?? 1000;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const concurrency = options.concurrency ?? 4;
  const runners = new Map<string, (payload: Record<string, unknown>) => Promise<void>>();
  for (const job of periodic) runners.set(job.name, () => job.run());
  for (const handler of handlers) runners.set(handler.name, (payload) => handler.run(payload));
  const queuedPeriod = new Map<string, number>();
  const active = new Set<Promise<void>>();

  const queuePeriods = (): Promise<void> => queueCurrentPeriods(db, clock.now(), periodic, queuedPeriod);

  const execute = (row: JobRow): Promise<void> =>
    runClaimed({ db, clock, logger, random: deps.random }, row, runners.get(row.name)!, {
      workerId,
      leaseMs,
    });

  /** Claims and starts jobs while there is room; answers how many it started. */
  const fill = async (): Promise<number> => {
    let started = 0;
    while (active.size < concurrency) {
      const now = clock.now();
      const row = await claimNextJob(db, {
        workerId,
        names: [...runners.keys()],
        now,
        leaseUntil: new Date(now.getTime() + leaseMs),
      });
      if (!row) break;
      const run = execute(row).finally(() => active.delete(run));
      active.add(run);
      started++;
    }
    return started;
  };

  return {
    workerId,
    runDue: async () => {
      await queuePeriods();
      let ran = 0;
      for (;;) {
        ran += await fill();
        if (active.size === 0) return ran;
        await Promise.all(active);
      }
    },
    start: () => poll({ pollMs, logger, active }, async () => void (await queuePeriods(), await fill())),
  };
}

/** Starts a polling worker for `periodic` jobs and one-off `handlers`; returns `stop`. */
export function startJobs(
  deps: WorkerDeps,
  periodic: Job[],
  handlers: JobHandler[] = [],
  options: WorkerOptions = {},
): StopJobs {
  return createJobWorker(deps, periodic, handlers, options).start();
}

/**
 * Queues the current period of each periodic job, once per period per process (`queued` remembers
 * which); the singleton key makes it once across processes too.
 */
async function queueCurrentPeriods(
  db: Db,
  now: Date,
  periodic: Job[],
  queued: Map<string, number>,
): Promise<void> {
  for (const job of periodic) {
    const period = Math.floor(now.getTime() / job.everyMs) * job.everyMs;
    if (queued.get(job.name) === period) continue;
    await insertPeriodJob(db, {
      id: newId(),
      name: job.name,
      tenantId: null,
      payload: {},
      runAt: new Date(period),
      maxAttempts: job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      singletonKey: `${job.name}@${new Date(period).toISOString()}`,
      createdAt: now,
    });
    queued.set(job.name, period);
  }
}

/** Calls `tick` now and then `pollMs` after each tick ended, until the returned stop is called. */
function poll(
  setup: { pollMs: number; logger: JobLogger; active: Set<Promise<void>> },
  tick: () => Promise<void>,
): StopJobs {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let ticking: Promise<void> = Promise.resolve();
  const schedule = (delayMs: number): void => {
    timer = setTimeout(() => {
      ticking = tick()
        .catch((error: unknown) => setup.logger.error({ err: error }, 'job queue poll failed'))
        .finally(() => {
          if (!stopped) schedule(setup.pollMs);
        });
    }, delayMs);
    // A pending poll must not keep a CLI or a finished test process alive.
    timer.unref?.();
  };
  schedule(0);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await ticking;
    await Promise.all(setup.active);
  };
}

/**
 * Runs one claimed attempt under a renewed lease and records how it ended: succeeded, queued again
 * after a backoff, or failed for good once its attempts are used up. Never throws.
 */
async function runClaimed(
  deps: WorkerDeps,
  row: JobRow,
  run: (payload: Record<string, unknown>) => Promise<void>,
  lease: { workerId: string; leaseMs: number },
): Promise<void> {
  const { db, clock, logger } = deps;
  const renew = setInterval(() => {
    const until = new Date(clock.now().getTime() + lease.leaseMs);
    extendJobLease(db, row.id, lease.workerId, until).catch(() => undefined);
  }, lease.leaseMs / 3);
  renew.unref?.();
  let outcome: JobOutcome;
  try {
    await run(row.payload as Record<string, unknown>);
    outcome = { status: 'succeeded', now: clock.now() };
  } catch (error) {
    const now = clock.now();
    const retryAt =
      row.attempts < row.maxAttempts
        ? new Date(now.getTime() + retryDelayMs(row.attempts, deps.random))
        : null;
    logger.error(
      { job: row.name, id: row.id, attempt: row.attempts, err: error, retryAt },
      `job ${row.name} failed`,
    );
    outcome = { status: 'failed', now, error: describeError(error), retryAt };
  } finally {
    clearInterval(renew);
  }
  const kept = await finishJob(db, row.id, lease.workerId, outcome).catch((error: unknown) => {
    logger.error(
      { job: row.name, id: row.id, err: error },
      `job ${row.name} ended but could not be recorded`,
    );
    return true;
  });
  if (!kept) logger.error({ job: row.name, id: row.id }, `job ${row.name} outlived its lease`);
}

/** The error's message (and those of an AggregateError's parts), short enough to keep. */
function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const parts = error instanceof AggregateError ? error.errors.map((part) => describeError(part)) : [];
  return [message, ...parts].join('\n').slice(0, MAX_ERROR_CHARS);
}
