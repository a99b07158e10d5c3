/** Turns API errors into words for the user, in the interface language. */
import { lookupText } from '../i18n/i18n';
import { isApiError } from './client';

// The server's validation messages are English; the common ones have a translation in the locale files.
// Checked in order: "too big: expected string to have <=200 characters" is too long, not missing.
const knownMessages: [RegExp, string][] = [
  [/too big|at most/i, 'validation.tooLong'],
  [/^required$|received undefined|too small.*>=\s?1\b|at least 1 character/i, 'validation.required'],
  [/email/i, 'validation.email'],
  [/digits, spaces, dashes/i, 'validation.phone'],
  [/18 characters/i, 'validation.uscc'],
  [/at least 8/i, 'validation.passwordLength'],
];

/** The locale key of a server validation message the web translates, or undefined. */
export function messageKey(message: string): string | undefined {
  return knownMessages.find(([pattern]) => pattern.test(message))?.[1];
}

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
  const key = messageKey(message);
  return (key && lookupText(key)) ?? message;
}
