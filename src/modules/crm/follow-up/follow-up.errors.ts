/** Error codes of follow-ups. */
import { AppError, type FieldIssue } from '../../../platform/errors.js';
import { FOLLOW_UP_ERRORS } from './follow-up.contract.js';

/** The follow-up breaks a rule: a time in the future, an unknown person. */
export const followUpInvalid = (issues: FieldIssue[]): AppError =>
  new AppError(
    'invalid',
    FOLLOW_UP_ERRORS.invalid,
    issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '),
    { issues },
  );

/** Pool customers are followed up by whoever claims them (scope `all` excepted). */
export const followUpInPool = (customerId: string): AppError =>
  new AppError(
    'forbidden',
    FOLLOW_UP_ERRORS.inPool,
    `Customer ${customerId} sits in a pool: claim it before recording follow-ups.`,
  );
