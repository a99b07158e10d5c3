/** Committee errors in the interface language, and field errors with the new person's fields unnested. */
import type { TFunction } from 'i18next';
import { ApiError, isApiError } from '../../api/client';
import { describeError, fieldErrors } from '../../api/problem-text';

const OWN_PROBLEMS = {
  'crm.committee.already_member': 'committee.problems.already_member',
  'crm.committee.not_member': 'committee.problems.not_member',
  'crm.committee.customer_in_pool': 'committee.problems.customer_in_pool',
  'crm.committee.primary_changed': 'committee.problems.primary_changed',
  'crm.person.external_id_taken': 'committee.problems.external_id_taken',
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
