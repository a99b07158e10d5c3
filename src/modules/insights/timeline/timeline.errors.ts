/** Error codes of persons and touchpoint timelines. */
import { AppError } from '../../../platform/errors.js';

/** No person known by this id, userId, anonymousId or email in the tenant. */
export const personNotFound = (ref: string): AppError =>
  new AppError('not_found', 'insights.person.not_found', `No person known as ${ref}.`);

/** An `after` that is not a cursor this feature handed out. */
export const cursorInvalid = (): AppError =>
  new AppError('invalid', 'insights.timeline.cursor_invalid', 'after: not a cursor of this list.', {
    issues: [{ path: 'after', in: 'querystring', message: 'pass the nextCursor of the previous page' }],
  });
