/** Conversion windows in time: where a window that starts at an instant ends. Pure. */
import type { FunnelWindow } from './funnel.contract.js';

const UNIT_MS = {
  second: 1000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
} as const;

/**
 * The last instant (epoch ms, inclusive) of a window starting at `start`. Months are calendar months
 * in UTC, the day clamped to the target month's last day (31 January + 1 month = 28/29 February), as
 * PostgreSQL adds intervals.
 */
export function windowEnd(start: number, window: FunnelWindow): number {
  if (window.unit !== 'month') return start + window.value * UNIT_MS[window.unit];
  const date = new Date(start);
  const months = date.getUTCMonth() + window.value;
  const year = date.getUTCFullYear() + Math.floor(months / 12);
  const month = months % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(
    year,
    month,
    Math.min(date.getUTCDate(), lastDay),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
    date.getUTCMilliseconds(),
  );
}
