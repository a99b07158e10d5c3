import { describe, expect, it } from 'vitest';
import { createSourceRateLimiter } from './source-rate-limit.js';

function fakeClock() {
  let ms = 1_000_000;
  return { now: () => ms, advance: (by: number) => (ms += by) };
}

describe('createSourceRateLimiter', () => {
  it('allows a burst of one second’s worth, then refuses with Retry-After', () => {
    const clock = fakeClock();
    const limiter = createSourceRateLimiter(clock.now);
    for (let i = 0; i < 10; i++) expect(limiter.take('s', 10, 1)).toEqual({ allowed: true });
    expect(limiter.take('s', 10, 1)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('refills at the rate', () => {
    const clock = fakeClock();
    const limiter = createSourceRateLimiter(clock.now);
    expect(limiter.take('s', 10, 10).allowed).toBe(true);
    clock.advance(299);
    expect(limiter.take('s', 10, 3).allowed).toBe(false);
    clock.advance(1);
    expect(limiter.take('s', 10, 3).allowed).toBe(true);
    expect(limiter.take('s', 10, 1).allowed).toBe(false);
  });

  it('never holds more than one second’s worth, however long the source was quiet', () => {
    const clock = fakeClock();
    const limiter = createSourceRateLimiter(clock.now);
    clock.advance(3_600_000);
    expect(limiter.take('s', 100, 100).allowed).toBe(true);
    expect(limiter.take('s', 100, 1).allowed).toBe(false);
  });

  it('counts a batch as one token per event', () => {
    const clock = fakeClock();
    const limiter = createSourceRateLimiter(clock.now);
    expect(limiter.take('s', 1000, 600).allowed).toBe(true);
    expect(limiter.take('s', 1000, 500)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.take('s', 1000, 400).allowed).toBe(true);
  });

  it('lets a batch larger than the rate through on a full bucket and makes later ones wait for the debt', () => {
    const clock = fakeClock();
    const limiter = createSourceRateLimiter(clock.now);
    expect(limiter.take('s', 100, 500).allowed).toBe(true);
    // 400 tokens in debt: the next batch needs 100 (a full bucket) -> 5 s.
    expect(limiter.take('s', 100, 500)).toEqual({ allowed: false, retryAfterSeconds: 5 });
    clock.advance(4_999);
    expect(limiter.take('s', 100, 500).allowed).toBe(false);
    clock.advance(1);
    expect(limiter.take('s', 100, 500).allowed).toBe(true);
  });

  it('answers Retry-After as whole seconds, at least 1', () => {
    const clock = fakeClock();
    const limiter = createSourceRateLimiter(clock.now);
    expect(limiter.take('s', 2, 2).allowed).toBe(true);
    expect(limiter.take('s', 2, 2)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    clock.advance(900);
    expect(limiter.take('s', 2, 2)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.take('t', 3, 3).allowed).toBe(true);
    clock.advance(100);
    expect(limiter.take('t', 3, 3)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.take('u', 1, 1).allowed).toBe(true);
    expect(limiter.take('u', 1, 1)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('keeps one bucket per source', () => {
    const clock = fakeClock();
    const limiter = createSourceRateLimiter(clock.now);
    expect(limiter.take('a', 5, 5).allowed).toBe(true);
    expect(limiter.take('a', 5, 1).allowed).toBe(false);
    expect(limiter.take('b', 5, 5).allowed).toBe(true);
  });

  it('follows a changed rate at the next request', () => {
    const clock = fakeClock();
    const limiter = createSourceRateLimiter(clock.now);
    expect(limiter.take('s', 10, 10).allowed).toBe(true);
    clock.advance(100);
    // 1 token at 10/s; at 1000/s the same 100 ms refill 100.
    expect(limiter.take('s', 1000, 50).allowed).toBe(true);
    // Lowered to 1/s, the bucket holds at most 1 however many were left.
    expect(limiter.take('s', 1, 1).allowed).toBe(true);
    expect(limiter.take('s', 1, 1).allowed).toBe(false);
  });

  it('treats a rate below 1 as 1 per second instead of dividing by zero', () => {
    const clock = fakeClock();
    const limiter = createSourceRateLimiter(clock.now);
    expect(limiter.take('s', 0, 1).allowed).toBe(true);
    expect(limiter.take('s', 0, 1)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('lets an empty batch through without spending anything', () => {
    const clock = fakeClock();
    const limiter = createSourceRateLimiter(clock.now);
    expect(limiter.take('s', 1, 1).allowed).toBe(true);
    expect(limiter.take('s', 1, 0).allowed).toBe(true);
  });
});
