/** Error codes of warehouses and locations. */
import { AppError } from '../../../platform/errors.js';

/** Another warehouse of the tenant has this code. */
export const warehouseCodeTaken = (code: string): AppError =>
  new AppError(
    'conflict',
    'warehouse.warehouse.code_taken',
    `A warehouse with code "${code}" exists already.`,
    {
      issues: [{ path: 'code', message: 'taken' }],
    },
  );

/** No warehouse with this id (or code) in the tenant. */
export const warehouseNotFound = (idOrCode: string): AppError =>
  new AppError('not_found', 'warehouse.warehouse.not_found', `No warehouse ${idOrCode}.`);

/** Another location of the warehouse has this code. */
export const locationCodeTaken = (code: string): AppError =>
  new AppError(
    'conflict',
    'warehouse.location.code_taken',
    `A location with code "${code}" exists already.`,
    {
      issues: [{ path: 'code', message: 'taken' }],
    },
  );

/** A location's input does not fit the rules or the layout; `path` names the field. */
export const locationInvalid = (path: string, message: string): AppError =>
  new AppError('invalid', 'warehouse.location.invalid', `${path}: ${message}`, {
    issues: [{ path, message }],
  });

/** No location with this code in the warehouse; `path` is the input field that named it. */
export const locationNotFound = (path: string, code: string): AppError =>
  new AppError('invalid', 'warehouse.location.not_found', `${path}: no location ${code} in this warehouse`, {
    issues: [{ path, message: `no location ${code} in this warehouse` }],
  });

/** A new layout leaves existing locations outside it. */
export const layoutInvalid = (message: string): AppError =>
  new AppError('invalid', 'warehouse.warehouse.layout_invalid', `layout: ${message}`, {
    issues: [{ path: 'layout', message }],
  });
