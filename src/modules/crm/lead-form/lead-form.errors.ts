/** Error constructors of requirements forms. */
import { AppError } from '../../../platform/errors.js';
import { LEAD_FORM_ERRORS } from './lead-form.contract.js';

/** No such form (or version) in the tenant. */
export const leadFormNotFound = (id: string, version?: number): AppError =>
  new AppError(
    'not_found',
    LEAD_FORM_ERRORS.notFound,
    version === undefined
      ? `No requirements form ${id}.`
      : `No version ${version} of requirements form ${id}.`,
  );
