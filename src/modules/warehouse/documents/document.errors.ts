/** Error codes of outbound documents. */
import { AppError } from '../../../platform/errors.js';

/** No outbound order with this id in the tenant. */
export const documentOrderNotFound = (id: string): AppError =>
  new AppError('not_found', 'warehouse.order.not_found', `No outbound order ${id}.`);
