/**
 * Errors as RFC 9457 problem details. The one switch from error kind to HTTP status lives here.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorKind, type FieldIssue } from '../errors.js';
import { REQUEST_ERRORS } from './problem.contract.js';

/** The body of every error answer. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: FieldIssue[];
  [extra: string]: unknown;
};

/** The HTTP status of each error kind. */
export function statusOf(kind: ErrorKind): number {
  switch (kind) {
    case 'invalid':
      return 400;
    case 'unauthenticated':
      return 401;
    case 'forbidden':
      return 403;
    case 'not_found':
      return 404;
    case 'gone':
      return 410;
    case 'conflict':
      return 409;
    case 'rate_limited':
      return 429;
    case 'unavailable':
      return 503;
  }
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Builds a problem body, e.g. `problem(404, 'crm.customer.not_found', 'No customer 123.')`. */
export function problem(status: number, code: string, detail: string, extra: Partial<Problem> = {}): Problem {
  return { type: 'about:blank', title: titles[status] ?? 'Error', status, detail, code, ...extra };
}

/** Turns anything thrown by a route into a problem answer. */
export function sendProblem(
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  let body: Problem;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as { validationContext?: string }).validationContext ?? 'body';
    // The library's own types do not resolve under NodeNext, so name the fields we read.
    const validation = error.validation as { instancePath: string; message?: string }[];
    const errors = validation.map((v) => {
      const segments = v.instancePath.split('/').filter(Boolean);
      return {
        path: segments.join('.') || where,
        in: where,
        pointer: `#/${segments.join('/')}`,
        message: v.message ?? 'invalid',
      };
    });
    body = problem(400, REQUEST_ERRORS.invalid, errors.map((e) => `${e.path}: ${e.message}`).join('; '), {
      errors,
    });
  } else if (error instanceof AppError) {
    const errors = error.issues?.map((issue) => ({
      in: 'body',
      pointer: `#/${issue.path.split('.').join('/')}`,
      ...issue,
    }));
    body = problem(statusOf(error.kind), error.code, error.message, {
      ...(errors ? { errors } : {}),
      ...(error.details ?? {}),
    });
  } else if ('statusCode' in error && typeof error.statusCode === 'number' && error.statusCode < 500) {
    const code = 'code' in error && typeof error.code === 'string' ? error.code : 'error';
    body = problem(error.statusCode, `request.${code.replace(/^FST_ERR_/, '').toLowerCase()}`, error.message);
  } else {
    request.log.error({ err: error }, 'unhandled error');
    body = problem(500, 'internal', 'Something went wrong on our side; it has been logged.');
  }
  return reply.status(body.status).type('application/problem+json').send(body);
}
