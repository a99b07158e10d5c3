/**
 * Event time as the Segment spec defines it: the server records `receivedAt` and corrects the
 * client's clock reading for the skew between the client's clock and ours, using `sentAt`.
 */

const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Also `2026/3/1 14:30`: how people write times in spreadsheets. */
const LENIENT =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Parses an ISO-8601 date-time such as `2026-03-01T08:30:00.123+08:00`, or undefined when it is not
 * one (or names a day that does not exist, or lies before 1970). A value without a zone is read in
 * `defaultZone` (UTC unless given); a date alone is its midnight. `lenient` also takes slashes and
 * one-digit months, days and hours.
 */
export function parseIsoTimestamp(
  value: string,
  options: { defaultZone?: string; lenient?: boolean } = {},
): Date | undefined {
  const match = (options.lenient ? LENIENT : ISO_8601).exec(value.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const millis = Number((match[7] ?? '0').padEnd(3, '0').slice(0, 3));
  if (year < 1970 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) {
    return undefined;
  }
  const local = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  // Date.UTC rolls 31 April over into 1 May; a day that does not exist is an error, not a guess.
  if (new Date(local).getUTCDate() !== day) return undefined;
  return new Date(local - offsetMinutes(match[8] ?? options.defaultZone) * 60_000);
}

/** `Z`, `+08:00`, `-0530`, `+08` -> minutes east of UTC. */
function offsetMinutes(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0));
}

/** The times a message carried, already parsed. */
export type ClientTimes = {
  /** The event time the client sent as `timestamp`. */
  timestamp: Date | null;
  /** The client's clock reading when the event happened, when sent as `originalTimestamp`. */
  originalTimestamp: Date | null;
  /** The client's clock reading when it sent the request (the message's own, else the batch's). */
  sentAt: Date | null;
};

/** The corrected event time and the client clock reading it was computed from. */
export type CorrectedTimes = { timestamp: Date; originalTimestamp: Date | null };

/**
 * Corrects the event time for client clock skew, e.g. a phone 5 minutes fast that sends
 * `originalTimestamp` 10:05 with `sentAt` 10:06 and reaches us at 10:01 gets the timestamp 10:00:
 * - a clock reading (`originalTimestamp`, else `timestamp`) and `sentAt`:
 *   receivedAt - (sentAt - reading), kept between 1970 and receivedAt (a clock years off must not
 *   file the event under a month no partition can hold);
 * - no `sentAt`: `timestamp` (else `originalTimestamp`) as given — the client vouches for it;
 * - no time at all: receivedAt.
 */
export function correctClockSkew(times: ClientTimes, receivedAt: Date): CorrectedTimes {
  const reading = times.originalTimestamp ?? times.timestamp;
  if (reading && times.sentAt) {
    const corrected = receivedAt.getTime() - (times.sentAt.getTime() - reading.getTime());
    return {
      timestamp: new Date(Math.max(0, Math.min(corrected, receivedAt.getTime()))),
      originalTimestamp: reading,
    };
  }
  if (reading) return { timestamp: times.timestamp ?? reading, originalTimestamp: reading };
  return { timestamp: receivedAt, originalTimestamp: null };
}
