/**
 * Opaque keyset cursors of lists sorted by a time then an id, newest first (timelines, persons).
 * The time is kept as PostgreSQL wrote it, to the microsecond: a JavaScript Date would round it to
 * the millisecond and a page boundary between two events of the same millisecond would skip one.
 */
import { isUuid } from '../../../platform/ids.js';
import { cursorInvalid } from './timeline.errors.js';

/** A position in a list: the last row's time (ISO 8601, microseconds, UTC) and id. */
export type KeysetPosition = { at: string; id: string };

const EXACT_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** The cursor after a row at `at` with `id`, e.g. `encodeCursor({ at: '2026-11-02T10:00:00.123456Z', id })`. */
export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.at, position.id])).toString('base64url');
}

/** The position a cursor stands for; anything else is a 400 naming `after`. */
export function decodeCursor(cursor: string | undefined): KeysetPosition | undefined {
  if (cursor === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw cursorInvalid();
  }
  if (
    Array.isArray(value) &&
    value.length === 2 &&
    typeof value[0] === 'string' &&
    typeof value[1] === 'string' &&
    EXACT_TIME.test(value[0]) &&
    !Number.isNaN(Date.parse(value[0])) &&
    isUuid(value[1])
  ) {
    return { at: value[0], id: value[1] };
  }
  throw cursorInvalid();
}

/** The next page's cursor: after the last row when the page is full, else null (the end). */
export function nextCursorOf<T extends { cursorAt: string; id: string }>(
  rows: T[],
  limit: number,
): string | null {
  const last = rows[limit - 1];
  return rows.length > limit && last ? encodeCursor({ at: last.cursorAt, id: last.id }) : null;
}
