/** Error codes of people and buying committees. */
import { AppError, type FieldIssue } from '../../../platform/errors.js';
import { CONTACT_ERRORS } from './contact.contract.js';

/** No person with this id that the actor may see. */
export const contactNotFound = (id: string): AppError =>
  new AppError('not_found', CONTACT_ERRORS.notFound, `No person ${id}.`);

/** One or more fields of a person or membership request point at nothing the actor may use. */
export const contactInvalid = (issues: FieldIssue[]): AppError =>
  new AppError(
    'invalid',
    CONTACT_ERRORS.invalid,
    issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '),
    { issues },
  );

/** Another person of the tenant has this external id. */
export const externalIdTaken = (externalId: string, path = 'externalId'): AppError =>
  new AppError(
    'conflict',
    CONTACT_ERRORS.externalIdTaken,
    `Another person has the external id "${externalId}".`,
    {
      issues: [{ path, message: 'taken by another person' }],
    },
  );

/** The person is visible only through pool accounts, which are read-only until claimed. */
export const contactReadOnly = (id: string): AppError =>
  new AppError(
    'conflict',
    CONTACT_ERRORS.readOnly,
    `Person ${id} belongs only to accounts you do not own; claim one of them to edit this person.`,
  );

/** The person is on this account's committee already. */
export const alreadyMember = (customerId: string, personId: string): AppError =>
  new AppError(
    'conflict',
    CONTACT_ERRORS.alreadyMember,
    `Person ${personId} is on the committee of customer ${customerId} already; change the membership instead.`,
    { details: { customerId, personId } },
  );

/** The person is not on this account's committee. */
export const notMember = (customerId: string, personId: string): AppError =>
  new AppError(
    'not_found',
    CONTACT_ERRORS.notMember,
    `Person ${personId} is not on the committee of customer ${customerId}.`,
  );

/** Pool accounts are read-only until claimed, their committees too. */
export const customerInPool = (customerId: string, path = 'id'): AppError =>
  new AppError(
    'conflict',
    CONTACT_ERRORS.customerInPool,
    `Customer ${customerId} sits in a pool; claim it before changing its committee.`,
    { issues: [{ path, message: 'claim this customer from its pool first' }] },
  );

/** Two requests made different people primary at the same moment; the later one lost. */
export const primaryRace = (customerId: string): AppError =>
  new AppError(
    'conflict',
    CONTACT_ERRORS.primaryChanged,
    `The primary contact of customer ${customerId} changed meanwhile; reload and try again.`,
  );
