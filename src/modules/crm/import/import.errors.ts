import { AppError } from '../../../platform/errors.js';

/** The upload has no bytes, or no header line. */
export const importEmpty = (): AppError =>
  new AppError('invalid', 'crm.import.empty', 'The file is empty: send a CSV file with a header line.', {
    issues: [{ path: 'body', message: 'empty' }],
  });

/** The upload is not text (a workbook, an image...). */
export const importUnreadable = (reason: string): AppError =>
  new AppError('invalid', 'crm.import.unreadable', `The file cannot be read as CSV: ${reason}.`, {
    issues: [{ path: 'body', message: reason }],
  });

/** The upload is text but not valid CSV; `line` is where the broken record starts. */
export const importMalformed = (line: number, reason: string): AppError =>
  new AppError('invalid', 'crm.import.malformed', reason, {
    issues: [{ path: 'body', message: reason }],
    details: { line },
  });

/** An option of the import (owner, pool, column map) names something that does not exist. */
export const importOptionInvalid = (path: string, message: string): AppError =>
  new AppError('invalid', 'crm.import.option_invalid', `${path}: ${message}`, {
    issues: [{ path, in: 'querystring', message }],
  });

/** An export for a purpose where no consent filter is wired: refused rather than run unfiltered. */
export const exportConsentUnavailable = (): AppError =>
  new AppError('unavailable', 'crm.export.consent_unavailable', 'Consents cannot be checked here.');
