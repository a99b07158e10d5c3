/** Opaque keyset cursors of the customer list. */
import { AppError } from '../../../platform/errors.js';
import { CUSTOMER_ERRORS } from './customer.contract.js';
import type { FollowUpCursor } from './customer.repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The cursor after `row`. The newest-first list keeps a bare id as its cursor (what clients of the
 * first version saw); other sorts pack their sort key with the id.
 */
export function encodeCursor(
  sort: 'created' | 'lastFollowUp',
  row: { id: string; lastFollowUpAt: Date | null },
): string {
  if (sort === 'created') return row.id;
  return Buffer.from(JSON.stringify([row.lastFollowUpAt?.toISOString() ?? null, row.id])).toString(
    'base64url',
  );
}

/** The position a cursor stands for; a cursor that does not fit the sort is a 400 on `after`. */
export function decodeCursor(
  sort: 'created' | 'lastFollowUp',
  cursor: string | undefined,
): { id: string } | FollowUpCursor | undefined {
  if (cursor === undefined) return undefined;
  if (sort === 'created') {
    if (UUID.test(cursor)) return { id: cursor };
    throw badCursor();
  }
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[1] === 'string' && UUID.test(value[1])) {
      const at = value[0] === null ? null : new Date(String(value[0]));
      if (at === null || !Number.isNaN(at.getTime())) return { at, id: value[1] };
    }
  } catch {
    // falls through to the error below
  }
  throw badCursor();
}

const badCursor = (): AppError =>
  new AppError('invalid', CUSTOMER_ERRORS.cursorInvalid, 'after: not a cursor of this list and sort.', {
    issues: [{ path: 'after', in: 'querystring', message: 'pass the nextCursor of the previous page' }],
  });
