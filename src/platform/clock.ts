/** One day in milliseconds (UTC days; no daylight saving in storage). */
export const DAY_MS = 86_400_000;

/** One hour in milliseconds. */
export const HOUR_MS = 3_600_000;

/** The source of "now" for services, so tests can move time without sleeping. */
export type Clock = { now(): Date };

/** The wall clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that stays where it is set, e.g. `fixedClock('2026-01-01T00:00:00Z')`. */
export function fixedClock(
  start: string | Date,
): Clock & { set(to: string | Date): void; advanceDays(days: number): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (to) => {
      current = new Date(to);
    },
    advanceDays: (days) => {
      current = new Date(current.getTime() + days * DAY_MS);
    },
  };
}
