import type { FastifyBaseLogger } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/db.js';
import { fixedClock } from '../clock.js';
import type { Database } from '../db/database.js';
import { newId } from '../ids.js';
import { retryDelayMs } from './backoff.js';
import { claimNextJob, listJobs } from './job.repository.js';
import { enqueueJob } from './job.service.js';
import { createJobWorker, type Job, type JobHandler, type JobLogger } from './scheduler.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

/** A logger that remembers the errors it was told. */
function recordingLogger() {
  const errors: { details: Record<string, unknown>; message: string }[] = [];
  const logger: JobLogger = {
    info: () => undefined,
    error: (details, message) => errors.push({ details, message }),
  };
  return { logger, errors };
}

const start = '2026-03-02T08:00:00.000Z';

/** A worker on the test database with its own clock-free jitter (random() = 0.5). */
function workerOn(clock: ReturnType<typeof fixedClock>, periodic: Job[], handlers: JobHandler[] = []) {
  const { logger, errors } = recordingLogger();
  const worker = createJobWorker({ db: database.db, clock, logger, random: () => 0.5 }, periodic, handlers, {
    leaseMs: 60_000,
  });
  return { worker, errors };
}

/** Every row of the job named `name`, newest first. */
const rowsOf = (name: string) => listJobs(database.db, { tenantId: newId(), name, limit: 100 });

describe('periodic jobs', () => {
  it('run once per period across two workers, at start and again in the next period', async () => {
    const clock = fixedClock(start);
    const name = `test.periodic.${newId()}`;
    let runs = 0;
    const job: Job = { name, everyMs: 60_000, run: async () => void runs++ };
    const a = workerOn(clock, [job]).worker;
    const b = workerOn(clock, [job]).worker;

    await Promise.all([a.runDue(), b.runDue(), a.runDue(), b.runDue()]);
    expect(runs).toBe(1);
    clock.set('2026-03-02T08:00:59.000Z');
    await Promise.all([a.runDue(), b.runDue()]);
    expect(runs).toBe(1);

    clock.set('2026-03-02T08:01:00.000Z');
    await Promise.all([b.runDue(), a.runDue()]);
    expect(runs).toBe(2);
    const rows = await rowsOf(name);
    expect(rows.map((r) => [r.singletonKey, r.status, r.attempts])).toEqual([
      [`${name}@2026-03-02T08:01:00.000Z`, 'succeeded', 1],
      [`${name}@2026-03-02T08:00:00.000Z`, 'succeeded', 1],
    ]);
  });

  it('skips a period while the previous run is still going, so runs never overlap', async () => {
    const clock = fixedClock(start);
    const name = `test.slow.${newId()}`;
    let active = 0;
    let most = 0;
    let finish: () => void = () => undefined;
    const job: Job = {
      name,
      everyMs: 60_000,
      run: async () => {
        active++;
        most = Math.max(most, active);
        await new Promise<void>((resolve) => (finish = resolve));
        active--;
      },
    };
    const a = workerOn(clock, [job]).worker;
    const b = workerOn(clock, [job]).worker;
    const first = a.runDue();
    await expect.poll(() => active).toBe(1);
    clock.set('2026-03-02T08:01:00.000Z');
    await b.runDue();
    finish();
    await first;
    expect(most).toBe(1);
    expect((await rowsOf(name)).map((r) => r.status)).toEqual(['succeeded']);
  });

  it('retries a failing period after a backoff and logs each failure', async () => {
    const clock = fixedClock(start);
    const name = `test.flaky.${newId()}`;
    let runs = 0;
    const job: Job = {
      name,
      everyMs: 3_600_000,
      run: async () => {
        runs++;
        if (runs === 1) throw new Error('database away');
      },
    };
    const { worker, errors } = workerOn(clock, [job]);
    await worker.runDue();
    expect(errors).toHaveLength(1);
    expect(errors[0]!.details).toMatchObject({ job: name, attempt: 1 });
    expect((errors[0]!.details.err as Error).message).toBe('database away');
    const [queued] = await rowsOf(name);
    expect(queued).toMatchObject({ status: 'queued', attempts: 1, lastError: 'database away' });
    expect(queued!.runAt.getTime()).toBe(new Date(start).getTime() + retryDelayMs(1, () => 0.5));

    clock.set(new Date(queued!.runAt.getTime() - 1));
    expect(await worker.runDue()).toBe(0);
    clock.set(queued!.runAt);
    expect(await worker.runDue()).toBe(1);
    expect(runs).toBe(2);
    expect(await rowsOf(name)).toMatchObject([{ status: 'succeeded', attempts: 2 }]);
  });
});

describe('one-off jobs', () => {
  it('run once with their payload, and fail for good after their last attempt', async () => {
    const clock = fixedClock(start);
    const name = `test.mail.${newId()}`;
    const seen: unknown[] = [];
    const handler: JobHandler = {
      name,
      run: async (payload) => {
        seen.push(payload);
        throw new Error(`mail server said no to ${String(payload.to)}`);
      },
    };
    const id = await enqueueJob(database.db, clock, { name, payload: { to: 'a@b.c' }, maxAttempts: 2 });
    expect(await enqueueJob(database.db, clock, { name, singletonKey: `k-${id}` })).toBeDefined();
    expect(await enqueueJob(database.db, clock, { name, singletonKey: `k-${id}` })).toBeUndefined();
    const { worker } = workerOn(clock, [], [handler]);
    expect(await worker.runDue()).toBe(2);
    clock.set(new Date(new Date(start).getTime() + retryDelayMs(1, () => 0.5)));
    expect(await worker.runDue()).toBe(2);
    const [, mail] = await rowsOf(name);
    expect(mail).toMatchObject({
      id,
      status: 'failed',
      attempts: 2,
      lastError: 'mail server said no to a@b.c',
    });
    expect(mail!.finishedAt).toEqual(clock.now());
    expect(seen.filter((p) => (p as { to?: string }).to === 'a@b.c')).toHaveLength(2);
  });

  it('run again when the worker that claimed one crashed and its lease ran out', async () => {
    const clock = fixedClock(start);
    const name = `test.crash.${newId()}`;
    let runs = 0;
    const id = await enqueueJob(database.db, clock, { name });
    const lease = new Date(clock.now().getTime() + 60_000);
    const claimed = await claimNextJob(database.db, {
      workerId: 'crashed',
      names: [name],
      now: clock.now(),
      leaseUntil: lease,
    });
    expect(claimed).toMatchObject({ id, status: 'running', lockedBy: 'crashed', attempts: 1 });

    const { worker } = workerOn(clock, [], [{ name, run: async () => void runs++ }]);
    expect(await worker.runDue()).toBe(0);
    clock.set(new Date(lease.getTime() + 1));
    expect(await worker.runDue()).toBe(1);
    expect(runs).toBe(1);
    expect(await rowsOf(name)).toMatchObject([
      { id, status: 'succeeded', attempts: 2, lockedBy: worker.workerId, lockedUntil: null },
    ]);
  });
});

describe('the worker loop', () => {
  it('polls until stopped and lets the run in progress end', async () => {
    const name = `test.loop.${newId()}`;
    let runs = 0;
    const { logger } = recordingLogger();
    const clock = fixedClock(start);
    await enqueueJob(database.db, clock, { name });
    const worker = createJobWorker(
      { db: database.db, clock, logger },
      [],
      [{ name, run: async () => void runs++ }],
      {
        pollMs: 10,
      },
    );
    const stop = worker.start();
    await expect.poll(() => runs, { timeout: 20_000 }).toBe(1);
    await enqueueJob(database.db, clock, { name });
    await expect.poll(() => runs, { timeout: 20_000 }).toBe(2);
    await stop();
    await enqueueJob(database.db, clock, { name });
    expect(await rowsOf(name)).toMatchObject([
      { status: 'queued' },
      { status: 'succeeded' },
      { status: 'succeeded' },
    ]);
  });

  it('accepts the Fastify logger', () => {
    // Compile-time check: the server passes `app.log`.
    const fits = (log: FastifyBaseLogger): JobLogger => log;
    expect(fits).toBeTypeOf('function');
  });
});
