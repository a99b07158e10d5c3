/** Error codes of pools and ownership moves. Refusals of a claim are 409s with distinct codes and details. */
import { AppError } from '../../../platform/errors.js';
import { POOL_ERRORS } from './pool.contract.js';

/** No pool with this id in the tenant. */
export const poolNotFound = (id: string): AppError =>
  new AppError('not_found', POOL_ERRORS.notFound, `No pool ${id}.`);

/** Another pool of the tenant has this name. */
export const poolNameTaken = (name: string): AppError =>
  new AppError('conflict', POOL_ERRORS.nameTaken, `A pool named "${name}" exists already.`, {
    issues: [{ path: 'name', message: 'taken' }],
  });

/** The default pool stays the default until another pool is made the default. */
export const poolDefaultRequired = (): AppError =>
  new AppError(
    'invalid',
    POOL_ERRORS.defaultRequired,
    'A tenant keeps a default pool: make another pool the default instead.',
    { issues: [{ path: 'isDefault', message: 'make another pool the default instead' }] },
  );

/** The customer is owned (by someone, possibly since a moment ago), so it cannot be claimed. */
export const alreadyClaimed = (customerId: string): AppError =>
  new AppError(
    'conflict',
    POOL_ERRORS.alreadyClaimed,
    `Customer ${customerId} is not in a pool: someone owns it.`,
  );

/** The customer sits in a pool already. */
export const alreadyInPool = (customerId: string): AppError =>
  new AppError('conflict', POOL_ERRORS.alreadyInPool, `Customer ${customerId} is in a pool already.`);

/** The customer changed hands while this move was being made; reload and try again. */
export const movedMeanwhile = (customerId: string): AppError =>
  new AppError(
    'conflict',
    POOL_ERRORS.movedMeanwhile,
    `Customer ${customerId} was moved by someone else just now; reload and try again.`,
  );

/** The user owns as many customers as the tenant allows. */
export const ownedLimit = (userId: string, limit: number): AppError =>
  new AppError(
    'conflict',
    POOL_ERRORS.ownedLimit,
    `The user owns ${limit} customers, the most this tenant allows; release some first.`,
    { details: { userId, limit } },
  );

/** The user has claimed as many customers in the last 24 hours as the tenant allows. */
export const claimLimit = (limit: number, until: Date): AppError =>
  new AppError(
    'conflict',
    POOL_ERRORS.claimLimit,
    `You have claimed ${limit} customers in the last 24 hours, the most allowed; try again after ${until.toISOString()}.`,
    { details: { limit, until: until.toISOString() } },
  );

/** The customer left this user recently; they may claim it back after the cooldown. */
export const claimCooldown = (days: number, until: Date): AppError =>
  new AppError(
    'conflict',
    POOL_ERRORS.cooldown,
    `This customer left you less than ${days} days ago; you may claim it again after ${until.toISOString()}.`,
    { details: { days, until: until.toISOString() } },
  );

/** Only the owner (or someone who may assign) may release a customer. */
export const notOwner = (customerId: string): AppError =>
  new AppError('forbidden', POOL_ERRORS.notOwner, `Only the owner may release customer ${customerId}.`);

/** A move needs a person to own the customer; an API key is nobody. */
export const noUser = (): AppError =>
  new AppError(
    'invalid',
    POOL_ERRORS.noUser,
    'An API key cannot own customers: assign them to a user instead.',
  );

/** The user to assign to is not a member of the tenant. */
export const assigneeUnknown = (userId: string): AppError =>
  new AppError('invalid', POOL_ERRORS.assigneeUnknown, `User ${userId} is not a member of this tenant.`, {
    issues: [{ path: 'userId', message: 'not a member of this tenant' }],
  });

/** The user to assign to has a role that does not work on customers. */
export const assigneeCannotOwn = (userId: string, role: string): AppError =>
  new AppError('invalid', POOL_ERRORS.assigneeCannotOwn, `User ${userId} (${role}) cannot own customers.`, {
    issues: [{ path: 'userId', message: 'this role does not work on customers' }],
  });

/** The customer already belongs to the user it would be assigned to. */
export const sameOwner = (customerId: string): AppError =>
  new AppError('conflict', POOL_ERRORS.sameOwner, `Customer ${customerId} already belongs to this user.`);
