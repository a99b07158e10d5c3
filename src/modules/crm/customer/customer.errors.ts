import { AppError, type FieldIssue } from '../../../platform/errors.js';
import type { DuplicateCandidate } from './customer.contract.js';
import { CUSTOMER_ERRORS } from './customer.contract.js';

/** No customer with this id that the actor may see. */
export const customerNotFound = (id: string): AppError =>
  new AppError('not_found', CUSTOMER_ERRORS.notFound, `No customer ${id}.`);

/** The customer was merged into another; the old id answers with where it went. */
export const customerMerged = (id: string, intoId: string): AppError =>
  new AppError('not_found', CUSTOMER_ERRORS.merged, `Customer ${id} was merged into ${intoId}.`, {
    details: { mergedInto: intoId },
  });

/** The owner named on a customer is not a member of the tenant. */
export const ownerNotMember = (userId: string, path = 'ownerUserId'): AppError =>
  new AppError('invalid', CUSTOMER_ERRORS.ownerUnknown, `User ${userId} is not a member of this tenant.`, {
    issues: [{ path, message: 'not a member of this tenant' }],
  });

/** The owner named on a customer is a member whose role does not work on customers. */
export const ownerCannotOwn = (userId: string, role: string, path = 'ownerUserId'): AppError =>
  new AppError(
    'invalid',
    'crm.customer.owner_cannot_own',
    `User ${userId} is a ${role}, who cannot own customers.`,
    { issues: [{ path, message: 'this member cannot own customers' }], details: { role } },
  );

/** The team named on a customer does not exist in the tenant. */
export const teamUnknown = (teamId: string): AppError =>
  new AppError('invalid', CUSTOMER_ERRORS.teamUnknown, `No team ${teamId} in this tenant.`, {
    issues: [{ path: 'teamId', message: 'no such team' }],
  });

/** One or more fields break the customer's rules (kind-specific fields, USCC, custom fields). */
export const customerInvalid = (issues: FieldIssue[]): AppError =>
  new AppError(
    'invalid',
    CUSTOMER_ERRORS.invalid,
    issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '),
    { issues },
  );

/** The new customer likely duplicates existing ones and the tenant's policy blocks it. */
export const customerDuplicate = (candidates: DuplicateCandidate[]): AppError =>
  new AppError(
    'conflict',
    CUSTOMER_ERRORS.duplicate,
    `This customer likely exists already (${candidates.map((c) => c.name).join(', ')}). ` +
      'Send allowDuplicate: true to create it anyway.',
    { details: { candidateIds: candidates.map((c) => c.id), candidates } },
  );

/** Another customer of the tenant already has this external id. */
export const externalIdTaken = (externalId: string): AppError =>
  new AppError(
    'conflict',
    CUSTOMER_ERRORS.externalIdTaken,
    `Another customer has external id ${externalId}.`,
    {
      issues: [{ path: 'externalId', message: 'already used by another customer' }],
    },
  );
