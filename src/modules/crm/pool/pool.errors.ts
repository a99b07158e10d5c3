/** Error codes of pools and ownership moves. Refusals of a claim are 409s with distinct codes and details. */
import { AppError } from '../../../platform/errors.js';

/** No pool with this id in the tenant. */
export const poolNotFound = (id: string): AppError =>
  new AppError('not_found', 'crm.pool.not_found', `No pool ${id}.`);

/** Another pool of the tenant has this name. */
export const poolNameTaken = (name: string): AppError =>
  new AppError('conflict', 'crm.pool.name_taken', `A pool named "${name}" exists already.`, {
    issues: [{ path: 'name', message: 'taken' }],
  });

/** The default pool stays the default until another pool is made the default. */
export const poolDefaultRequired = (): AppError =>
  new AppError(
    'invalid',
    'crm.pool.default_required',
    'A tenant keeps a default pool: make another pool the default instead.',
    { issues: [{ path: 'isDefault', message: 'make another pool the default instead' }] },
  );

/** The customer is owned (by someone, possibly since a moment ago), so it cannot be claimed. */
export const alreadyClaimed = (customerId: string): AppError =>
  new AppError(
    'conflict',
    'crm.pool.already_claimed',
    `Customer ${customerId} is not in a pool: someone owns it.`,
  );

/** The customer sits in a pool already. */
export const alreadyInPool = (customerId: string): AppError =>
  new AppError('conflict', 'crm.pool.already_in_pool', `Customer ${customerId} is in a pool already.`);

/** The customer changed hands while this move was being made; reload and try again. */
export const movedMeanwhile = (customerId: string): AppError =>
  new AppError(
    'conflict',
    'crm.pool.moved_meanwhile',
    `Customer ${customerId} was moved by someone else just now; reload and try again.`,
  );

/** The user owns as many customers as the tenant allows. */
export const ownedLimit = (userId: string, limit: number): AppError =>
  new AppError(
    'conflict',
    'crm.pool.owned_limit',
    `The user owns ${limit} customers, the most this tenant allows; release some first.`,
    { details: { userId, limit } },
  );

/** The user has claimed as many customers in the last 24 hours as the tenant allows. */
export const claimLimit = (limit: number, until: Date): AppError =>
  new AppError(
    'conflict',
    'crm.pool.claim_limit',
    `You have claimed ${limit} customers in the last 24 hours, the most allowed; try again after ${until.toISOString()}.`,
    { details: { limit, until: until.toISOString() } },
  );

/** The customer left this user recently; they may claim it back after the cooldown. */
export const claimCooldown = (days: number, until: Date): AppError =>
  new AppError(
    'conflict',
    'crm.pool.cooldown',
    `This customer left you less than ${days} days ago; you may claim it again after ${until.toISOString()}.`,
    { details: { days, until: until.toISOString() } },
  );

/** Only the owner (or someone who may assign) may release a customer. */
export const notOwner = (customerId: string): AppError =>
  new AppError('forbidden', 'crm.pool.not_owner', `Only the owner may release customer ${customerId}.`);

/** A move needs a person to own the customer; an API key is nobody. */
export const noUser = (): AppError =>
  new AppError(
    'invalid',
    'crm.pool.no_user',
    'An API key cannot own customers: assign them to a user instead.',
  );

/** The user to assign to is not a member of the tenant. */
export const assigneeUnknown = (userId: string): AppError =>
  new AppError('invalid', 'crm.pool.assignee_unknown', `User ${userId} is not a member of this tenant.`, {
    issues: [{ path: 'userId', message: 'not a member of this tenant' }],
  });

/** The user to assign to has a role that does not work on customers. */
export const assigneeCannotOwn = (userId: string, role: string): AppError =>
  new AppError('invalid', 'crm.pool.assignee_cannot_own', `User ${userId} (${role}) cannot own customers.`, {
    issues: [{ path: 'userId', message: 'this role does not work on customers' }],
  });

/** The customer already belongs to the user it would be assigned to. */
export const sameOwner = (customerId: string): AppError =>
  new AppError('conflict', 'crm.pool.same_owner', `Customer ${customerId} already belongs to this user.`);
