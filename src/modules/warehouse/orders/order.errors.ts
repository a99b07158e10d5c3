/** Error codes of the order pool and allocation. */
import { AppError, type FieldIssue } from '../../../platform/errors.js';

/** No order with this id in the tenant. */
export const orderNotFound = (id: string): AppError =>
  new AppError('not_found', 'warehouse.order.not_found', `No outbound order ${id}.`);

/** The pushed order breaks the rules of its type (the issues name the fields). */
export const orderInvalid = (issues: FieldIssue[]): AppError =>
  new AppError(
    'invalid',
    'warehouse.order.invalid',
    issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '),
    { issues },
  );

/** The sales order names a customer the CRM does not know. */
export const orderUnknownCustomer = (customerId: string): AppError =>
  new AppError('invalid', 'warehouse.order.unknown_customer', `No customer ${customerId}.`, {
    issues: [{ path: 'customerId', message: 'no such customer' }],
  });

/** Shipped and cancelled orders are not allocated again. */
export const orderNotAllocatable = (status: string): AppError =>
  new AppError('conflict', 'warehouse.order.not_allocatable', `A ${status} order cannot be allocated.`, {
    details: { orderStatus: status },
  });

/** Only allocated (or partially allocated) orders ship. */
export const orderNotShippable = (status: string): AppError =>
  new AppError('conflict', 'warehouse.order.not_shippable', `A ${status} order cannot be shipped.`, {
    details: { orderStatus: status },
  });

/** A shipped order cannot be cancelled. */
export const orderAlreadyShipped = (id: string): AppError =>
  new AppError('conflict', 'warehouse.order.shipped', `Order ${id} has shipped and cannot be cancelled.`);

/** The warehouse lacks its shipping or receiving dock. */
export const dockMissing = (warehouseId: string, kind: string): AppError =>
  new AppError('conflict', 'warehouse.order.dock_missing', `Warehouse ${warehouseId} has no ${kind} dock.`, {
    details: { warehouseId, kind },
  });

/** Catch-weight lines need the weight weighed out. */
export const weightsInvalid = (issues: FieldIssue[]): AppError =>
  new AppError(
    'invalid',
    'warehouse.order.weight_required',
    issues.map((i) => `${i.path}: ${i.message}`).join('; '),
    {
      issues,
    },
  );

/** No customer with this id (customer lot rules). */
export const customerNotFound = (id: string): AppError =>
  new AppError('not_found', 'warehouse.customer.not_found', `No customer ${id}.`);

/** A list cursor that is not one of the pool's. */
export const orderCursorInvalid = (): AppError =>
  new AppError('invalid', 'warehouse.order.cursor_invalid', 'after: not a cursor of the order pool.', {
    issues: [{ path: 'after', in: 'querystring', message: 'pass the nextCursor of the previous page' }],
  });
