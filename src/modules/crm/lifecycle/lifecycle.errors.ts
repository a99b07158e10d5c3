/** Error constructors of the account lifecycle. */
import { AppError } from '../../../platform/errors.js';
import { LIFECYCLE_ERRORS } from './lifecycle.contract.js';

/** A customer in a pool is read-only until claimed (unless the actor sees every customer). */
export const lifecycleInPool = (customerId: string): AppError =>
  new AppError(
    'forbidden',
    LIFECYCLE_ERRORS.inPool,
    `Customer ${customerId} sits in a pool: claim it before moving its lifecycle stage.`,
  );
