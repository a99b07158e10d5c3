/** Error codes of the offline touchpoint import. */
import { AppError } from '../../../platform/errors.js';

const bodyIssue = (code: string, message: string, details?: Record<string, unknown>): AppError =>
  new AppError('invalid', code, message, { issues: [{ path: 'body', message }], details });

/** The file is larger than the import takes. */
export const importTooLarge = (maxBytes: number): AppError =>
  bodyIssue(
    'insights.import.too_large',
    `The file is larger than ${maxBytes / 1024 / 1024} MB; split it into smaller files.`,
    { limitBytes: maxBytes },
  );

/** The upload has no bytes or no header line. */
export const importEmpty = (): AppError =>
  bodyIssue('insights.import.empty', 'The file is empty: send a CSV file with a header line.');

/** The upload is not CSV text (a workbook, an image...). */
export const importUnreadable = (reason: string): AppError =>
  bodyIssue('insights.import.unreadable', `The file cannot be read as CSV: ${reason}.`);

/** The upload is text but not valid CSV; `row` is the record where it breaks. */
export const importMalformed = (row: number, reason: string): AppError =>
  bodyIssue('insights.import.malformed', `CSV format error at row ${row}: ${reason}`, { row });

/** The header has no `event` column (or 事件). */
export const importMissingColumn = (column: string): AppError =>
  bodyIssue('insights.import.missing_column', `The file has no "${column}" column.`);

/** Offline rows go to offline sources only; a disabled source takes none. */
export const importWrongSource = (reason: 'not_offline' | 'disabled', name: string): AppError =>
  new AppError(
    'invalid',
    reason === 'not_offline' ? 'insights.import.source_not_offline' : 'insights.import.source_disabled',
    reason === 'not_offline'
      ? `Source "${name}" is not an offline source; import into a source of kind offline.`
      : `Source "${name}" is disabled.`,
    { issues: [{ path: 'source', in: 'querystring', message: reason }] },
  );
