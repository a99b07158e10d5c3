/**
 * A tiny in-process scheduler for periodic jobs (e.g. CRM recall every 15 minutes). Each job runs
 * once at start and then `everyMs` after its previous run ended, so one job never overlaps itself; a
 * failing run is logged and the next one still happens. One process runs the jobs: with several
 * servers on one database, the jobs themselves must be safe to run twice (recall is).
 */

/** A periodic job, e.g. `{ name: 'crm.recall', everyMs: 15 * 60_000, run: () => recallAll() }`. */
export type Job = {
  name: string;
  everyMs: number;
  run(): Promise<void>;
};

/** Where the scheduler reports; a pino or Fastify logger fits. */
export type JobLogger = {
  info(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
};

/** Stops scheduling; resolves once the runs in progress have ended. */
export type StopJobs = () => Promise<void>;

/** Starts every job (its first run right away) and returns `stop`. */
export function startJobs(jobs: Job[], logger: JobLogger, options: { runAtStart?: boolean } = {}): StopJobs {
  const runAtStart = options.runAtStart ?? true;
  let stopped = false;
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const running = new Set<Promise<void>>();

  const schedule = (job: Job, delayMs: number): void => {
    const timer = setTimeout(() => {
      timers.delete(job.name);
      const run = runOnce(job, logger).finally(() => {
        running.delete(run);
        if (!stopped) schedule(job, job.everyMs);
      });
      running.add(run);
    }, delayMs);
    // A pending job must not keep a CLI or a finished test process alive.
    timer.unref?.();
    timers.set(job.name, timer);
  };

  for (const job of jobs) schedule(job, runAtStart ? 0 : job.everyMs);
  return async () => {
    stopped = true;
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
    await Promise.all(running);
  };
}

/** One run of a job; its failure is logged, never thrown. */
async function runOnce(job: Job, logger: JobLogger): Promise<void> {
  const started = Date.now();
  try {
    await job.run();
  } catch (error) {
    logger.error({ job: job.name, err: error, ms: Date.now() - started }, `job ${job.name} failed`);
  }
}
