/** Error codes of the weight checks. */
import { AppError } from '../../../platform/errors.js';

/** The list cursor is not one this list gave out. */
export const weightCheckCursorInvalid = (): AppError =>
  new AppError('invalid', 'warehouse.weight_check.cursor_invalid', 'after: not a cursor of this list.', {
    issues: [{ path: 'after', in: 'querystring', message: 'pass the nextCursor of the previous page' }],
  });
