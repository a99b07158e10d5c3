/** Errors of personal-information requests. */
import { AppError } from '../../../platform/errors.js';
import { PRIVACY_ERRORS } from './privacy.contract.js';

/** Nothing known by `ref`: no person, no CRM contact. */
export const subjectNotFound = (ref: string): AppError =>
  new AppError('not_found', PRIVACY_ERRORS.subjectNotFound, `No person or contact known as ${ref}.`);
