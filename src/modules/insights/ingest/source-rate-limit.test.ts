import { describe, expect, it } from 'vitest';
import { createSourceRateLimiter, type SharedWindowCounter } from './source-rate-limit.js';

/** A fake clock and an in-memory shared count, with how often the count was hit. */
function world() {
  let ms = 1_000_000;
  const rows = new Map<string, { count: number; windowStartMs: number }>();
  let hits = 0;
  const counter: SharedWindowCounter = async (key, amount, nowMs, windowMs) => {
    hits++;
    const row = rows.get(key);
    const next =
      row && row.windowStartMs > nowMs - windowMs
        ? { count: row.count + amount, windowStartMs: row.windowStartMs }
        : { count: amount, windowStartMs: nowMs };
    rows.set(key, next);
    return next;
  };
  return {
    counter,
    now: () => ms,
    advance: (by: number) => (ms += by),
    hits: () => hits,
  };
}

describe('createSourceRateLimiter', () => {
  it('allows one second’s worth, then refuses with Retry-After until the window ends', async () => {
    const w = world();
    const limiter = createSourceRateLimiter(w.counter, w.now);
    for (let i = 0; i < 10; i++) expect(await limiter.take('s', 10, 1)).toEqual({ allowed: true });
    expect(await limiter.take('s', 10, 1)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    w.advance(999);
    expect((await limiter.take('s', 10, 1)).allowed).toBe(false);
    w.advance(1);
    expect((await limiter.take('s', 10, 10)).allowed).toBe(true);
  });

  it('shares one limit between limiters (processes) on the same count', async () => {
    const w = world();
    const [a, b] = [createSourceRateLimiter(w.counter, w.now), createSourceRateLimiter(w.counter, w.now)];
    expect((await a.take('s', 10, 5)).allowed).toBe(true);
    expect((await b.take('s', 10, 5)).allowed).toBe(true);
    expect((await a.take('s', 10, 1)).allowed).toBe(false);
    expect((await b.take('s', 10, 1)).allowed).toBe(false);
  });

  it('leases a tenth of the rate at once, so most requests do not touch the shared count', async () => {
    const w = world();
    const limiter = createSourceRateLimiter(w.counter, w.now);
    for (let i = 0; i < 1000; i++) expect((await limiter.take('s', 1000, 1)).allowed).toBe(true);
    expect(w.hits()).toBe(10);
    expect((await limiter.take('s', 1000, 1)).allowed).toBe(false);
  });

  it('never lets two processes together past the rate', async () => {
    const w = world();
    const [a, b] = [createSourceRateLimiter(w.counter, w.now), createSourceRateLimiter(w.counter, w.now)];
    let allowed = 0;
    for (let i = 0; i < 400; i++) if ((await (i % 3 ? a : b).take('s', 100, 1)).allowed) allowed++;
    expect(allowed).toBeLessThanOrEqual(100);
    expect(allowed).toBeGreaterThanOrEqual(90);
  });

  it('counts a batch as one per event', async () => {
    const w = world();
    const limiter = createSourceRateLimiter(w.counter, w.now);
    expect((await limiter.take('s', 1000, 600)).allowed).toBe(true);
    expect(await limiter.take('s', 1000, 500)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect((await limiter.take('s', 1000, 400)).allowed).toBe(true);
  });

  it('lets a batch larger than the rate open a window, which it fills', async () => {
    const w = world();
    const limiter = createSourceRateLimiter(w.counter, w.now);
    expect((await limiter.take('s', 100, 500)).allowed).toBe(true);
    expect((await limiter.take('s', 100, 1)).allowed).toBe(false);
    w.advance(1000);
    expect((await limiter.take('s', 100, 500)).allowed).toBe(true);
  });

  it('keeps one count per source and follows a changed rate', async () => {
    const w = world();
    const limiter = createSourceRateLimiter(w.counter, w.now);
    expect((await limiter.take('a', 5, 5)).allowed).toBe(true);
    expect((await limiter.take('a', 5, 1)).allowed).toBe(false);
    expect((await limiter.take('b', 5, 5)).allowed).toBe(true);
    expect((await limiter.take('a', 20, 5)).allowed).toBe(true);
  });
});
