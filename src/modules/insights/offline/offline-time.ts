/**
 * Times as offline lists write them: ISO 8601 with a zone, or a wall-clock time in China
 * (`2026-03-01 14:30`, `2026/3/1 14:30:05`, `2026-03-01`) when no zone is written.
 */

import { parseIsoTimestamp } from '../message/message.contract.js';

/** The zone a time without one is read in: China Standard Time, which has no daylight saving. */
export const OFFLINE_DEFAULT_OFFSET = '+08:00';

/**
 * The instant a cell names, or undefined when it is not a time (or names a day that does not exist).
 * @example parseOfflineTime('2026-03-01 14:30')?.toISOString() // '2026-03-01T06:30:00.000Z'
 */
export function parseOfflineTime(cell: string): Date | undefined {
  return parseIsoTimestamp(cell, { defaultZone: OFFLINE_DEFAULT_OFFSET, lenient: true });
}
