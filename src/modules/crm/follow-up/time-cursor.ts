/** Opaque keyset cursors of lists sorted by time then id (follow-ups, the activity history). */
import {
  decodeTimeCursor as decodeCursor,
  encodeTimeCursor,
  type TimeCursor,
} from '../../../platform/time-cursor.js';

export { encodeTimeCursor };

/** The position a cursor stands for; anything else is a 400 naming `after`. */
export function decodeTimeCursor(cursor: string | undefined): TimeCursor | undefined {
  return decodeCursor(cursor, 'crm.follow_up.cursor_invalid');
}

/** Orders entries newest first, ties broken by the larger id, the order the queries use. */
export function byTimeDescending(a: { at: Date; id: string }, b: { at: Date; id: string }): number {
  return b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}
