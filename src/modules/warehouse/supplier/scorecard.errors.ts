/** Error codes of the supplier scorecard. */
import { AppError } from '../../../platform/errors.js';

/** No supplier with this id in the tenant. */
export const supplierNotFound = (id: string): AppError =>
  new AppError('not_found', 'warehouse.supplier.not_found', `No supplier ${id}.`);
