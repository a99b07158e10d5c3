/**
 * The one error type services throw. Its `kind` is a closed set that the HTTP layer maps to a status
 * code in one switch; its `code` is a stable dotted identifier clients may rely on.
 */

/** What went wrong, independent of transport. */
export type ErrorKind =
  | 'invalid'
  | 'not_found'
  | 'gone'
  | 'conflict'
  | 'forbidden'
  | 'unauthenticated'
  | 'rate_limited'
  | 'unavailable';

/** One failing input field: a path into the request and what is wrong with it. */
export type FieldIssue = {
  /** Dotted path to the field, e.g. `email` or `tags.2`. */
  path: string;
  message: string;
  /** Where the field is: `body` (the default), `querystring`, `params` or `headers`. */
  in?: string;
  /** The same path as an RFC 6901 JSON pointer fragment, e.g. `#/tags/2`. */
  pointer?: string;
};

/** An expected failure with a stable code, e.g. `new AppError('not_found', 'crm.customer.not_found', ...)`. */
export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly issues: FieldIssue[] | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    kind: ErrorKind,
    code: string,
    message: string,
    extra: { issues?: FieldIssue[]; details?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.kind = kind;
    this.code = code;
    this.issues = extra.issues;
    this.details = extra.details;
  }
}

/** Builds an `invalid` error for one field, e.g. `invalidField('crm.customer.invalid', 'email', 'not an email')`. */
export function invalidField(code: string, path: string, message: string): AppError {
  return new AppError('invalid', code, `${path}: ${message}`, { issues: [{ path, message }] });
}

/** True when `error` is an AppError of the given kind. */
export function isAppError(error: unknown, kind?: ErrorKind): error is AppError {
  return error instanceof AppError && (kind === undefined || error.kind === kind);
}
