/** The codes of problems about a request itself rather than a module's rules; the web app compares against these. */
export const REQUEST_ERRORS = {
  /** The body, query or path failed its schema; `errors` names each failing path. */
  invalid: 'request.invalid',
  /** Node could not parse the request (e.g. a URL with raw non-ASCII bytes). */
  malformed: 'request.malformed',
  /** Too many requests; `retryAfterSeconds` says when to try again. */
  rateLimited: 'request.rate_limited',
} as const;
