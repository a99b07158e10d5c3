/** Committee errors in the interface language, and field errors with the new person's fields unnested. */
import type { TFunction } from 'i18next';
import { ApiError, isApiError } from '../../api/client';
import { describeError, fieldErrors } from '../../api/problem-text';
import { CONTACT_ERRORS } from '../../../../src/modules/crm/contact/contact.contract';

const OWN_PROBLEMS = {
  [CONTACT_ERRORS.alreadyMember]: 'committee.problems.already_member',
  [CONTACT_ERRORS.notMember]: 'committee.problems.not_member',
  [CONTACT_ERRORS.customerInPool]: 'committee.problems.customer_in_pool',
  [CONTACT_ERRORS.primaryChanged]: 'committee.problems.primary_changed',
  [CONTACT_ERRORS.externalIdTaken]: 'committee.problems.external_id_taken',
} as const;

/** One sentence for an error of a committee request. */
export function describeCommitteeError(error: unknown, t: TFunction): string {
  if (isApiError(error) && error.code in OWN_PROBLEMS) {
    return t(OWN_PROBLEMS[error.code as keyof typeof OWN_PROBLEMS]);
  }
  return describeError(error);
}

/**
 * The field errors of a rejected add or edit, keyed by field: `person.email` becomes `email`, so the
 * new person's inputs show their own errors.
 */
export function committeeFieldErrors(error: unknown): Record<string, string> {
  if (!isApiError(error) || !error.problem?.errors) return fieldErrors(error);
  const unnested = error.problem.errors.map((issue) => ({
    ...issue,
    path: issue.path.replace(/^(body\.)?person\./, ''),
  }));
  return fieldErrors(new ApiError(error.status, { ...error.problem, errors: unnested }, error.message));
}
