/** Opaque keyset cursors of lists sorted by time then id (follow-ups, the activity history). */
import { AppError } from '../../../platform/errors.js';
import type { TimeCursor } from './follow-up.repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The cursor after an entry at `at` with `id`. */
export function encodeTimeCursor(entry: { at: Date; id: string }): string {
  return Buffer.from(JSON.stringify([entry.at.toISOString(), entry.id])).toString('base64url');
}

/** The position a cursor stands for; anything else is a 400 naming `after`. */
export function decodeTimeCursor(cursor: string | undefined): TimeCursor | undefined {
  if (cursor === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string'
    ) {
      const at = new Date(value[0]);
      if (!Number.isNaN(at.getTime()) && UUID.test(value[1])) return { at, id: value[1] };
    }
  } catch {
    // falls through to the error below
  }
  throw new AppError('invalid', 'crm.follow_up.cursor_invalid', 'after: not a cursor of this list.', {
    issues: [{ path: 'after', in: 'querystring', message: 'pass the nextCursor of the previous page' }],
  });
}

/** Orders entries newest first, ties broken by the larger id, the order the queries use. */
export function byTimeDescending(a: { at: Date; id: string }, b: { at: Date; id: string }): number {
  return b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}
