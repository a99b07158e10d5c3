/** Error constructors of business calendars. */
import { AppError } from '../../../platform/errors.js';
import { CALENDAR_ERRORS } from './calendar.contract.js';

export const calendarNotFound = (id: string): AppError =>
  new AppError('not_found', CALENDAR_ERRORS.notFound, `No business calendar ${id}.`);
