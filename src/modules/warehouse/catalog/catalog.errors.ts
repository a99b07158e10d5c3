/** Error codes of items, lots and suppliers. */
import { AppError } from '../../../platform/errors.js';

/** Another item of the tenant has this SKU. */
export const itemSkuTaken = (sku: string): AppError =>
  new AppError('conflict', 'warehouse.item.sku_taken', `An item with SKU "${sku}" exists already.`, {
    issues: [{ path: 'sku', message: 'taken' }],
  });

/** No item with this id in the tenant. */
export const itemNotFound = (id: string): AppError =>
  new AppError('not_found', 'warehouse.item.not_found', `No item ${id}.`);

/** No item with this SKU; `path` is the input field that named it (e.g. `lines.0.sku`). */
export const unknownSku = (path: string, sku: string): AppError =>
  new AppError('invalid', 'warehouse.item.unknown_sku', `${path}: no item with SKU ${sku}`, {
    issues: [{ path, message: `no item with SKU ${sku}` }],
  });

/** Another supplier of the tenant has this code. */
export const supplierCodeTaken = (code: string): AppError =>
  new AppError(
    'conflict',
    'warehouse.supplier.code_taken',
    `A supplier with code "${code}" exists already.`,
    {
      issues: [{ path: 'code', message: 'taken' }],
    },
  );

/** No supplier with this code; `path` is the input field that named it. */
export const unknownSupplier = (path: string, code: string): AppError =>
  new AppError('invalid', 'warehouse.supplier.unknown', `${path}: no supplier with code ${code}`, {
    issues: [{ path, message: `no supplier with code ${code}` }],
  });

/** The lot exists with other production or expiry dates than the input gives. */
export const lotDatesConflict = (path: string, lotNumber: string, message: string): AppError =>
  new AppError('conflict', 'warehouse.lot.dates_conflict', `${path}: lot ${lotNumber} ${message}`, {
    issues: [{ path, message: `lot ${lotNumber} ${message}` }],
  });

/** A lot's dates contradict each other or the input is otherwise unusable. */
export const lotInvalid = (path: string, message: string): AppError =>
  new AppError('invalid', 'warehouse.lot.invalid', `${path}: ${message}`, { issues: [{ path, message }] });

/** The list cursor is not one this list gave out. */
export const itemCursorInvalid = (): AppError =>
  new AppError('invalid', 'warehouse.item.cursor_invalid', 'after: not a cursor of this list.', {
    issues: [{ path: 'after', in: 'querystring', message: 'pass the nextCursor of the previous page' }],
  });
