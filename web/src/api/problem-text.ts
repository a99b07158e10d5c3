/** Turns API errors into words for the user, in the interface language. */
import { lookupText } from '../i18n/i18n';
import { isApiError } from './client';

// The server's validation messages are English; the common ones have a translation in the locale files.
const knownMessages: [RegExp, string][] = [
  [/^required$|expected string|too small.*>=\s?1\b|at least 1 character/i, 'validation.required'],
  [/email/i, 'validation.email'],
  [/digits, spaces, dashes/i, 'validation.phone'],
  [/18 characters/i, 'validation.uscc'],
  [/at least 8/i, 'validation.passwordLength'],
  [/too big|at most/i, 'validation.tooLong'],
];

/** One sentence for an error: the translation of its code when there is one, else the server's detail. */
export function describeError(error: unknown): string {
  if (isApiError(error)) {
    return lookupText(`problems.${error.code}`) ?? error.problem?.detail ?? error.message;
  }
  if (error instanceof TypeError) return lookupText('errors.network') ?? error.message;
  return error instanceof Error ? error.message : String(error);
}

/**
 * The field errors of a rejected request, keyed by field name: `body.email` and `email` both become
 * `email`, and `tags.2` becomes `tags`.
 */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!isApiError(error) || !error.problem?.errors) return {};
  const out: Record<string, string> = {};
  for (const issue of error.problem.errors) {
    const field = issue.path.replace(/^(body|querystring|params)\./, '').split('.')[0] ?? issue.path;
    out[field] ??= translateMessage(issue.message);
  }
  return out;
}

function translateMessage(message: string): string {
  const known = knownMessages.find(([pattern]) => pattern.test(message));
  return (known && lookupText(known[1])) ?? message;
}
