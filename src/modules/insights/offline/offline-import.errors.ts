/** Error codes of the offline touchpoint import. */
import { AppError } from '../../../platform/errors.js';
import { OFFLINE_IMPORT_ERRORS } from './offline-import.contract.js';

const bodyIssue = (code: string, message: string, details?: Record<string, unknown>): AppError =>
  new AppError('invalid', code, message, { issues: [{ path: 'body', message }], details });

/** The file is larger than the import takes. */
export const importTooLarge = (maxBytes: number): AppError =>
  bodyIssue(
    OFFLINE_IMPORT_ERRORS.tooLarge,
    `The file is larger than ${maxBytes / 1024 / 1024} MB; split it into smaller files.`,
    { limitBytes: maxBytes },
  );

/** The upload has no bytes or no header line. */
export const importEmpty = (): AppError =>
  bodyIssue(OFFLINE_IMPORT_ERRORS.empty, 'The file is empty: send a CSV file with a header line.');

/** The upload is not CSV text (a workbook, an image...). */
export const importUnreadable = (reason: string): AppError =>
  bodyIssue(OFFLINE_IMPORT_ERRORS.unreadable, `The file cannot be read as CSV: ${reason}.`);

/** The upload is text but not valid CSV; `row` is the record where it breaks. */
export const importMalformed = (row: number, reason: string): AppError =>
  bodyIssue(OFFLINE_IMPORT_ERRORS.malformed, `CSV format error at row ${row}: ${reason}`, { row });

/** The header has no `event` column (or 事件). */
export const importMissingColumn = (column: string): AppError =>
  bodyIssue(OFFLINE_IMPORT_ERRORS.missingColumn, `The file has no "${column}" column.`);

/** Offline rows go to offline sources only; a disabled source takes none. */
export const importWrongSource = (reason: 'not_offline' | 'disabled', name: string): AppError =>
  new AppError(
    'invalid',
    reason === 'not_offline' ? OFFLINE_IMPORT_ERRORS.sourceNotOffline : OFFLINE_IMPORT_ERRORS.sourceDisabled,
    reason === 'not_offline'
      ? `Source "${name}" is not an offline source; import into a source of kind offline.`
      : `Source "${name}" is disabled.`,
    { issues: [{ path: 'source', in: 'querystring', message: reason }] },
  );
