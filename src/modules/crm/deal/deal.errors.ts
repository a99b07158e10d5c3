/** Error codes of deals. */
import { AppError, type FieldIssue } from '../../../platform/errors.js';
import { DEAL_ERRORS } from './deal.contract.js';

export const dealNotFound = (id: string): AppError =>
  new AppError('not_found', DEAL_ERRORS.notFound, `No deal ${id}.`);

export const dealInvalid = (issues: FieldIssue[]): AppError =>
  new AppError(
    'invalid',
    DEAL_ERRORS.invalid,
    issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '),
    { issues },
  );

/** A move the deal's outcome does not allow (winning a lost deal without reopening it, …). */
export const dealInvalidTransition = (id: string, outcome: string, move: string): AppError =>
  new AppError('conflict', DEAL_ERRORS.invalidTransition, `Deal ${id} is ${outcome}: it cannot ${move}.`, {
    details: { outcome, move },
  });

/** A won deal's stocked lines need a warehouse to ship from, and the tenant has none. */
export const dealNoWarehouse = (id: string): AppError =>
  new AppError(
    'conflict',
    DEAL_ERRORS.noWarehouse,
    `Deal ${id} has stocked lines but the tenant has no warehouse.`,
  );
