/** Field errors of a rejected request, by their whole path as well as by their first segment. */
import { isApiError } from '../../api/client';
import { fieldErrors } from '../../api/problem-text';

/**
 * `fieldErrors` (translated, keyed `uscc`, `tags`, ...) plus every issue under its full path such as
 * `customFields.budgetYear` or `pools.recallDays.A`, for forms whose inputs sit deeper than one level.
 */
export function fieldIssues(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isApiError(error)) {
    for (const issue of error.problem?.errors ?? []) {
      const path = issue.path.replace(/^(body|querystring|params)\./, '');
      out[path] ??= issue.message;
    }
  }
  return { ...out, ...fieldErrors(error) };
}
