/** Error constructors of leads. */
import { AppError, type FieldIssue } from '../../../platform/errors.js';
import { LEAD_ERRORS } from './lead.contract.js';

/** No such lead, or it lies outside the actor's scope. */
export const leadNotFound = (id: string): AppError =>
  new AppError('not_found', LEAD_ERRORS.notFound, `No lead ${id}.`);

/** The input breaks a rule: an answer of the wrong type, an unknown form, reason or owner. */
export const leadInvalid = (issues: FieldIssue[]): AppError =>
  new AppError('invalid', LEAD_ERRORS.invalid, issues.map((i) => `${i.path}: ${i.message}`).join('; '), {
    issues,
  });

/** Required fields of the lead's form have no answer; `missingFields` lists them in the form's order. */
export const leadFormIncomplete = (missingFields: string[]): AppError =>
  new AppError(
    'conflict',
    LEAD_ERRORS.formIncomplete,
    `Answer the required fields before qualifying: ${missingFields.join(', ')}.`,
    { details: { missingFields } },
  );

/** Answers need a form; this lead has none. */
export const leadNoForm = (id: string): AppError =>
  new AppError('conflict', LEAD_ERRORS.noForm, `Lead ${id} has no requirements form: set formId first.`);

/** The move is not allowed from the lead's status. */
export const leadInvalidTransition = (id: string, from: string, move: string): AppError =>
  new AppError(
    'conflict',
    LEAD_ERRORS.invalidTransition,
    `Lead ${id} is ${from}: "${move}" is not allowed.`,
    {
      details: { leadStatus: from },
    },
  );

/** Only a qualified lead converts. */
export const leadNotQualified = (id: string, status: string): AppError =>
  new AppError(
    'conflict',
    LEAD_ERRORS.notQualified,
    `Lead ${id} is ${status}: qualify it before converting.`,
    {
      details: { leadStatus: status },
    },
  );

/** The lead was converted; it no longer changes. */
export const leadConverted = (id: string, customerId: string | null): AppError =>
  new AppError('conflict', LEAD_ERRORS.converted, `Lead ${id} has been converted.`, {
    details: { customerId },
  });

/** The public form no longer takes answers: the lead was qualified or disqualified. */
export const leadFormClosed = (): AppError =>
  new AppError(
    'conflict',
    LEAD_ERRORS.formClosed,
    'This form has been closed; answers can no longer change.',
  );

/** The public link is unknown (or was replaced by a newer one). */
export const leadLinkNotFound = (): AppError =>
  new AppError('not_found', LEAD_ERRORS.linkNotFound, 'No such form link.');

/** The public link has expired. */
export const leadLinkExpired = (): AppError =>
  new AppError('gone', LEAD_ERRORS.linkExpired, 'This form link has expired; ask for a new one.');
