/** Error constructors of tickets. */
import { AppError, type FieldIssue } from '../../../platform/errors.js';
import { TICKET_ERRORS } from './ticket.contract.js';

export const ticketNotFound = (id: string): AppError =>
  new AppError('not_found', TICKET_ERRORS.notFound, `No ticket ${id}.`);

export const ticketInvalid = (issues: FieldIssue[]): AppError =>
  new AppError(
    'invalid',
    TICKET_ERRORS.invalid,
    issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '),
    { issues },
  );

export const ticketClosed = (id: string): AppError =>
  new AppError('conflict', TICKET_ERRORS.closed, `Ticket ${id} is closed; open a new one.`);

/** Only an admin may say when a ticket was opened (imports from another help desk). */
export const createdAtForbidden = (): AppError =>
  new AppError('forbidden', TICKET_ERRORS.createdAtForbidden, 'createdAt: only an admin may set it.', {
    issues: [{ path: 'createdAt', message: 'only an admin key or user may set it' }],
  });
