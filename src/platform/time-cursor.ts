/** Opaque cursors of keyset pages sorted by a time then an id (the SQL side is `db/keyset.ts`). */
import { AppError } from './errors.js';

/** A position in a list sorted by time then id. */
export type TimeCursor = { at: Date; id: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The opaque cursor after an entry at `at` with `id`. */
export function encodeTimeCursor(entry: TimeCursor): string {
  return Buffer.from(JSON.stringify([entry.at.toISOString(), entry.id])).toString('base64url');
}

/** The position a cursor stands for; anything else is a 400 with `code`, naming `after`. */
export function decodeTimeCursor(cursor: string | undefined, code: string): TimeCursor | undefined {
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
  throw new AppError('invalid', code, 'after: not a cursor of this list.', {
    issues: [{ path: 'after', in: 'querystring', message: 'pass the nextCursor of the previous page' }],
  });
}
