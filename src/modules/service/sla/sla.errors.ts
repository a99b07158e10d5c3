/** Error constructors of SLA policies. */
import { AppError, invalidField } from '../../../platform/errors.js';
import { SLA_ERRORS } from './sla.contract.js';

export const policyNotFound = (id: string): AppError =>
  new AppError('not_found', SLA_ERRORS.notFound, `No SLA policy ${id}.`);

/** A policy naming a calendar the tenant does not have. */
export const policyCalendarUnknown = (): AppError =>
  invalidField(SLA_ERRORS.invalid, 'calendarId', 'no such business calendar');
