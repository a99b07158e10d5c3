/**
 * What the request log may say about a request and an error: never the values a client sent. A
 * failed query's error carries its SQL parameters (`params`, and drizzle repeats them in its message)
 * and PostgreSQL quotes offending values in its messages and `detail` (`Key (email)=(…) already
 * exists`); those are customer names and phone numbers. Errors are logged with their type, SQLSTATE,
 * schema names, the SQL text (placeholders only) and the stack; query-string values are cut from URLs.
 */
import { constraintName } from '../db/errors.js';

/** Fields of an error (and of the PostgreSQL errors in its causes) that name code or schema, never data. */
const SAFE_FIELDS = [
  'code',
  'kind',
  'statusCode',
  'severity',
  'routine',
  'schema',
  'table',
  'column',
  'constraint',
  'dataType',
  'query',
] as const;

/** How many causes deep an error is logged. */
const MAX_CAUSES = 5;

/** A logged error: no parameter values, no quoted values from PostgreSQL. */
export type LoggedError = { type: string; message: string; stack: string; cause?: LoggedError } & Record<
  string,
  unknown
>;

/** The `err` serializer of the request log. */
export function serializeError(error: unknown, depth = 0): LoggedError {
  if (!(error instanceof Error))
    return { type: typeof error, message: '(a thrown non-error value)', stack: '' };
  const message = safeMessage(error);
  const stack = (error.stack ?? '').replace(error.message, message);
  const logged: LoggedError = { type: error.constructor.name || error.name, message, stack };
  const fields = error as unknown as Record<string, unknown>;
  for (const field of SAFE_FIELDS) {
    const value = fields[field];
    if (typeof value === 'string' || typeof value === 'number') logged[field] = value;
  }
  // A Citus shard's error passed on by another node has no `constraint` field, and the message's
  // quoted names are cut below: keep the name, or the log cannot say which key was violated.
  if (logged.constraint === undefined && isDatabaseError(error)) {
    const name = constraintName(error);
    if (name !== undefined) logged.constraint = name;
  }
  if (error.cause !== undefined && depth < MAX_CAUSES) logged.cause = serializeError(error.cause, depth + 1);
  return logged;
}

/** The message without parameter values: drizzle's `params:` line goes, PostgreSQL's quoted values too. */
function safeMessage(error: Error): string {
  const withoutParams = error.message.split(/\nparams: /)[0]!;
  return isDatabaseError(error) ? withoutParams.replace(/"[^"]*"/g, '"…"') : withoutParams;
}

/** An error PostgreSQL sent (pg's DatabaseError): a severity and a five-character SQLSTATE. */
function isDatabaseError(error: Error): boolean {
  const { severity, code } = error as { severity?: unknown; code?: unknown };
  return typeof severity === 'string' && typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
}

/** The URL with query-string values cut: `/api/customers?q=…&limit=…`. */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const names = url
    .slice(at + 1)
    .split('&')
    .filter(Boolean)
    .map((pair) => `${pair.split('=')[0]}=…`);
  return `${url.slice(0, at)}?${names.join('&')}`;
}

/** The request fields of the request log (Fastify's own, with the query-string values cut). */
type LoggableRequest = {
  method: string;
  url: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
};

/** The `req` serializer of the request log. */
export function serializeRequest(request: LoggableRequest): Record<string, unknown> {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
