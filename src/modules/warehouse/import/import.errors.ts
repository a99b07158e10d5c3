/** Error codes of the warehouse CSV import. */
import { AppError } from '../../../platform/errors.js';

/** Columns the import needs are not in the header. */
export const importColumnsMissing = (missing: string[]): AppError =>
  new AppError(
    'invalid',
    'warehouse.import.column_missing',
    `The file has no column ${missing.join(', ')}.`,
    {
      issues: missing.map((field) => ({ path: field, message: 'column missing from the header' })),
    },
  );

/** Locations and stock are imported into a warehouse, which the request must name. */
export const importWarehouseRequired = (): AppError =>
  new AppError('invalid', 'warehouse.import.warehouse_required', 'warehouseId: required for this import.', {
    issues: [{ path: 'warehouseId', in: 'querystring', message: 'required for locations and stock' }],
  });
