/**
 * Limits shared by every server process, kept in the database: a key (e.g. `signin:ip:10.0.0.1`) may
 * be hit `max` times in a window; past that it waits, and each further hit that gets through doubles
 * the wait (backoff), up to the window. Reads and hits are one statement each.
 */
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import type { Job } from '../jobs/scheduler.js';
import {
  deleteLimitCountersBefore,
  hitLimitCounter,
  hitLimitWindow,
  readLimitCounters,
} from './limit.repository.js';
import { limitWait, type LimitRule } from './limit-rule.js';

export type { LimitRule } from './limit-rule.js';

/** What a check found: allowed, or the seconds until the key with the longest wait frees up. */
export type LimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Checks keys with their rules without counting; refuses when any key is waiting. */
export async function checkLimits(
  db: Db,
  clock: Clock,
  checks: { key: string; rule: LimitRule }[],
): Promise<LimitVerdict> {
  const now = clock.now().getTime();
  const longest = Math.max(...checks.map((c) => c.rule.windowMs));
  const rows = await readLimitCounters(
    db,
    checks.map((c) => c.key),
    new Date(now - longest),
  );
  let waitMs = 0;
  for (const row of rows) {
    const rule = checks.find((c) => c.key === row.key)?.rule;
    if (rule) waitMs = Math.max(waitMs, limitWait(rule, row.count, row.lastAt.getTime(), now));
  }
  return waitMs > 0 ? { allowed: false, retryAfterSeconds: Math.ceil(waitMs / 1000) } : { allowed: true };
}

/** Counts one hit on each key (e.g. a failed sign-in). */
export async function hitLimits(
  db: Db,
  clock: Clock,
  checks: { key: string; rule: LimitRule }[],
): Promise<void> {
  const now = clock.now();
  for (const { key, rule } of checks) {
    await hitLimitCounter(db, key, 1, now, new Date(now.getTime() - rule.windowMs));
  }
}

/**
 * Adds `amount` to a shared count that starts again every `windowMs` (from its first hit); answers
 * the count after this hit and when its window started, for limits that decide themselves.
 */
export async function hitSharedWindow(
  db: Db,
  key: string,
  amount: number,
  now: Date,
  windowMs: number,
): Promise<{ count: number; windowStart: Date }> {
  return hitLimitWindow(db, key, amount, now, new Date(now.getTime() - windowMs));
}

/** Prunes counters nobody hit for a day, hourly. */
export function limitMaintenanceJob(deps: { db: Db; clock: Clock }): Job {
  return {
    name: 'limits.maintenance',
    everyMs: 60 * 60_000,
    run: async () => {
      await deleteLimitCountersBefore(deps.db, new Date(deps.clock.now().getTime() - 24 * 60 * 60_000));
    },
  };
}
