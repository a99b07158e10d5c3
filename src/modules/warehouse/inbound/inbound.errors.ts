/** Error codes of receipts, putaway and adjustments. */
import { AppError, type FieldIssue } from '../../../platform/errors.js';

/** Receipt lines that cannot be received, each named by its path (e.g. `lines.2.sku`). */
export const receiptInvalid = (issues: FieldIssue[]): AppError =>
  new AppError(
    'invalid',
    'warehouse.receipt.invalid',
    issues.map((i) => `${i.path}: ${i.message}`).join('; '),
    {
      issues,
    },
  );

/** A putaway or count input that does not fit the stock, named by its field. */
export const inboundInvalid = (path: string, message: string): AppError =>
  new AppError('invalid', 'warehouse.inbound.invalid', `${path}: ${message}`, {
    issues: [{ path, message }],
  });
