import { AppError } from '../../../platform/errors.js';

/** No customer with this id that the actor may see. */
export const customerNotFound = (id: string): AppError =>
  new AppError('not_found', 'crm.customer.not_found', `No customer ${id}.`);

/** The owner named on a customer is not a member of the tenant. */
export const ownerNotMember = (userId: string): AppError =>
  new AppError('invalid', 'crm.customer.owner_unknown', `User ${userId} is not a member of this tenant.`, {
    issues: [{ path: 'ownerUserId', message: 'not a member of this tenant' }],
  });

/** The team named on a customer does not exist in the tenant. */
export const teamUnknown = (teamId: string): AppError =>
  new AppError('invalid', 'crm.customer.team_unknown', `No team ${teamId} in this tenant.`, {
    issues: [{ path: 'teamId', message: 'no such team' }],
  });
