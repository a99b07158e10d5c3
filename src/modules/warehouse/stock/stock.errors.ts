/** Error codes of stock reads and the ledger. */
import { AppError } from '../../../platform/errors.js';

/** The list cursor is not one this list gave out. */
export const stockCursorInvalid = (): AppError =>
  new AppError('invalid', 'warehouse.stock.cursor_invalid', 'after: not a cursor of this list.', {
    issues: [{ path: 'after', in: 'querystring', message: 'pass the nextCursor of the previous page' }],
  });

/** Counting or moving below what active reservations hold on the row; names the orders. */
export const stockReserved = (
  message: string,
  orders: { orderId: string; externalRef: string | null; quantity: number }[],
): AppError =>
  new AppError('conflict', 'warehouse.stock.reserved', message, {
    details: { orders },
  });
