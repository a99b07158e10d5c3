import type { FastifyBaseLogger } from 'fastify';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startJobs, type JobLogger } from './scheduler.js';

/** A logger that remembers what it was told. */
function recordingLogger() {
  const errors: { details: Record<string, unknown>; message: string }[] = [];
  const logger: JobLogger = {
    info: () => undefined,
    error: (details, message) => errors.push({ details, message }),
  };
  return { logger, errors };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('startJobs', () => {
  it('runs a job at start and then again after each interval', async () => {
    const { logger } = recordingLogger();
    let runs = 0;
    const stop = startJobs([{ name: 'count', everyMs: 1000, run: async () => void runs++ }], logger);
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(3000);
    expect(runs).toBe(4);
    await stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(runs).toBe(4);
  });

  it('never starts a run of a job while its previous run is still going', async () => {
    const { logger } = recordingLogger();
    let started = 0;
    let active = 0;
    let most = 0;
    let finish: () => void = () => undefined;
    const run = async (): Promise<void> => {
      started++;
      active++;
      most = Math.max(most, active);
      await new Promise<void>((resolve) => (finish = resolve));
      active--;
    };
    const stop = startJobs([{ name: 'slow', everyMs: 100, run }], logger);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(started).toBe(1);
    finish();
    await vi.advanceTimersByTimeAsync(100);
    expect(started).toBe(2);
    expect(most).toBe(1);
    const stopping = stop();
    finish();
    await stopping;
  });

  it('logs a failing run and still runs the next one', async () => {
    const { logger, errors } = recordingLogger();
    let runs = 0;
    const stop = startJobs(
      [
        {
          name: 'flaky',
          everyMs: 1000,
          run: async () => {
            runs++;
            if (runs === 1) throw new Error('database away');
          },
        },
      ],
      logger,
    );
    await vi.advanceTimersByTimeAsync(2000);
    expect(runs).toBe(3);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.details).toMatchObject({ job: 'flaky' });
    expect((errors[0]!.details.err as Error).message).toBe('database away');
    await stop();
  });

  it('runs several jobs independently and can wait a full interval before the first run', async () => {
    const { logger } = recordingLogger();
    const runs = { a: 0, b: 0 };
    const stop = startJobs(
      [
        { name: 'a', everyMs: 100, run: async () => void runs.a++ },
        { name: 'b', everyMs: 250, run: async () => void runs.b++ },
      ],
      logger,
      { runAtStart: false },
    );
    await vi.advanceTimersByTimeAsync(99);
    expect(runs).toEqual({ a: 0, b: 0 });
    await vi.advanceTimersByTimeAsync(401);
    expect(runs).toEqual({ a: 5, b: 2 });
    await stop();
  });

  it('accepts the Fastify logger', () => {
    // Compile-time check: the server passes `app.log`.
    const fits = (log: FastifyBaseLogger): JobLogger => log;
    expect(fits).toBeTypeOf('function');
  });
});
