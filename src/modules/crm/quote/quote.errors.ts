/** Error codes of quotes. */
import { AppError, type FieldIssue } from '../../../platform/errors.js';
import { QUOTE_ERRORS } from './quote.contract.js';

export const quoteNotFound = (dealId: string, version: number): AppError =>
  new AppError('not_found', QUOTE_ERRORS.notFound, `Deal ${dealId} has no quote version ${version}.`);

/** A quote is made from the deal's lines; a deal with only an entered amount has none to quote. */
export const quoteNoLines = (dealId: string): AppError =>
  new AppError('conflict', QUOTE_ERRORS.noLines, `Deal ${dealId} has no lines to quote.`);

export const quoteInvalid = (issues: FieldIssue[]): AppError =>
  new AppError(
    'invalid',
    QUOTE_ERRORS.invalid,
    issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '),
    { issues },
  );
