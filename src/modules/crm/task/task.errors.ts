/** Error constructors of tasks and the calendar feed. */
import { AppError, type FieldIssue } from '../../../platform/errors.js';
import { TASK_ERRORS } from './task.contract.js';

export const taskNotFound = (id: string): AppError =>
  new AppError('not_found', TASK_ERRORS.notFound, `No task ${id}.`);

export const taskInvalid = (issues: FieldIssue[]): AppError =>
  new AppError(
    'invalid',
    TASK_ERRORS.invalid,
    issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '),
    { issues },
  );

export const taskAlreadyDone = (id: string): AppError =>
  new AppError('conflict', TASK_ERRORS.alreadyDone, `Task ${id} is done already.`);

/** An unknown or rotated calendar address. */
export const calendarNotFound = (): AppError =>
  new AppError(
    'not_found',
    TASK_ERRORS.calendarNotFound,
    'No calendar at this address (it may have been rotated).',
  );
