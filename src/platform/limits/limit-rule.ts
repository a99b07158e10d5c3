/** The pure rule of a shared limit: how long a key must wait after `count` hits. */

/** `max` hits per `windowMs`; past that the wait starts at `baseWaitMs` and doubles with each hit. */
export type LimitRule = { max: number; windowMs: number; baseWaitMs: number };

/**
 * Milliseconds a key must still wait at `now`, given its count in the current window and its last hit;
 * 0 when it may go ahead. The wait never exceeds the window.
 */
export function limitWait(rule: LimitRule, count: number, lastAt: number, now: number): number {
  if (count < rule.max) return 0;
  const doublings = Math.min(30, count - rule.max);
  const wait = Math.min(rule.windowMs, rule.baseWaitMs * 2 ** doublings);
  return Math.max(0, lastAt + wait - now);
}
