/** Error codes of the sales catalogue. */
import { AppError, type FieldIssue } from '../../../platform/errors.js';
import { PRODUCT_ERRORS } from './catalog.contract.js';

export const productNotFound = (id: string): AppError =>
  new AppError('not_found', PRODUCT_ERRORS.notFound, `No product ${id}.`);

export const productInvalid = (issues: FieldIssue[]): AppError =>
  new AppError(
    'invalid',
    PRODUCT_ERRORS.invalid,
    issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '),
    { issues },
  );

/** A stocked product must name an item the warehouse knows. */
export const productUnknownSku = (sku: string | undefined): AppError =>
  new AppError(
    'invalid',
    PRODUCT_ERRORS.unknownSku,
    sku ? `sku: no warehouse item has SKU ${sku}.` : 'sku: a stocked product names a warehouse item.',
    { issues: [{ path: 'sku', message: sku ? 'no warehouse item with this SKU' : 'required for stocked' }] },
  );
