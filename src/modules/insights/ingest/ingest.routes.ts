/**
 * The Segment HTTP tracking API under `/v1`: identify, track, page, screen, group, alias and batch
 * (and the one-letter paths browser clients use). Order of checks: body (400), write key (401),
 * messages (400, a batch is refused whole), the source's rate (429), then store; `{ success: true }`
 * is sent only after the messages are committed, so a client that saw it never needs to retry.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { AppError } from '../../../platform/errors.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { InsightsDeps } from '../insights-deps.js';
import { hitSharedWindow } from '../../../platform/limits/limit.service.js';
import { ingestMessages } from './ingest.service.js';
import { MESSAGE_TYPES, type MessageType, type SourceRef } from '../message/message.contract.js';
import { bodyEncodingOf, decodeBody, INGEST_LIMITS, readRawBody, writeKeyFrom } from './segment-body.js';
import { parseBatchCall, parseSingleCall } from './segment-message.js';
import { IngestAccepted, SegmentBatchBody, segmentCallBody } from './segment.contract.js';
import { createSourceRateLimiter } from './source-rate-limit.js';
import { cachedSourceLookup } from './write-key-cache.service.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Ingest routes: the largest body (after decompression) the route takes. */
    segmentBodyLimit?: number;
  }
}

/** Registers `/v1/*` in its own scope: its body parsing and validation are Segment's, not the API's. */
export function registerIngestRoutes(app: HttpApp, deps: InsightsDeps): void {
  const accept = messageHandler(deps);
  void app.register(async (scope) => {
    configureSegmentScope(scope);
    registerCallRoutes(scope, accept);
    registerBatchRoute(scope, accept);
  });
}

type Handler = (request: FastifyRequest, reply: FastifyReply) => Promise<{ success: true }>;

/** The handler of each message type: write key, messages, the source's rate, then store. */
function messageHandler(deps: InsightsDeps): (type: MessageType | 'batch') => Handler {
  const findSource = cachedSourceLookup(deps);
  const limiter = createSourceRateLimiter(async (key, amount, nowMs, windowMs) => {
    const hit = await hitSharedWindow(deps.db, key, amount, new Date(nowMs), windowMs);
    return { count: hit.count, windowStartMs: hit.windowStart.getTime() };
  });
  return (type) => async (request, reply) => {
    const body = request.body as Record<string, unknown>;
    const source = await requireSource(findSource, writeKeyFrom(request.headers.authorization, body));
    const receivedAt = deps.clock.now();
    const messages =
      type === 'batch' ? parseBatchCall(body, receivedAt) : [parseSingleCall(body, type, receivedAt)];
    const verdict = await limiter.take(source.sourceId, source.rateLimitPerSecond, messages.length);
    if (!verdict.allowed) {
      void reply.header('retry-after', String(verdict.retryAfterSeconds));
      throw new AppError(
        'rate_limited',
        'insights.ingest.rate_limited',
        `This source sends more than ${source.rateLimitPerSecond} events per second; ` +
          `retry in ${verdict.retryAfterSeconds} s.`,
        { details: { retryAfterSeconds: verdict.retryAfterSeconds } },
      );
    }
    if (messages.length > 0) await ingestMessages(deps, source, messages, receivedAt);
    return { success: true as const };
  };
}

/** The source of `writeKey`; 401 when there is none or it is unknown or disabled. */
async function requireSource(
  findSource: (writeKey: string) => Promise<SourceRef | undefined>,
  writeKey: string | undefined,
): Promise<SourceRef> {
  const source = writeKey === undefined ? undefined : await findSource(writeKey);
  if (source) return source;
  throw new AppError(
    'unauthenticated',
    'insights.ingest.unknown_write_key',
    writeKey === undefined
      ? 'No write key: send it as the user name of HTTP Basic auth, or as `writeKey` in the body.'
      : 'Unknown or disabled write key.',
  );
}

/** Body parsing, validation and CORS of the `/v1` scope. */
function configureSegmentScope(scope: HttpApp): void {
  // The body is JSON whatever the Content-Type says (text/plain spares browsers a CORS preflight),
  // and only our parser reads it: fastify's own limits and types must not answer in its place.
  scope.addHook('onRequest', async (request, reply) => {
    if (request.method === 'POST') request.headers['content-type'] = 'application/json';
    void reply.header('access-control-allow-origin', '*');
  });
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('*', async (request: FastifyRequest, payload: Readable) => {
    const limit = request.routeOptions.config.segmentBodyLimit ?? INGEST_LIMITS.eventBytes;
    const encoding = bodyEncodingOf(request.headers['content-encoding']);
    return decodeBody(await readRawBody(payload, limit, encoding), limit, encoding);
  });
  // Messages are checked by parseSingleCall/parseBatchCall, which name each bad event by index; the
  // zod schemas only document the shapes.
  scope.setValidatorCompiler(() => (value: unknown) => ({ value }));
  scope.options('/v1/*', { schema: { hide: true } }, async (_request, reply) =>
    reply
      .status(204)
      .header('access-control-allow-methods', 'POST, OPTIONS')
      .header('access-control-allow-headers', 'Authorization, Content-Type, Content-Encoding')
      .header('access-control-max-age', '86400')
      .send(),
  );
}

const tags = ['ingest (Segment API)'];
const security: Record<string, string[]>[] = [{ writeKey: [] }];

/** `/v1/<type>` for each message type, and the one-letter paths browser clients use. */
function registerCallRoutes(scope: HttpApp, accept: (type: MessageType) => Handler): void {
  for (const type of MESSAGE_TYPES) {
    for (const url of [`/v1/${type}`, `/v1/${type[0]}`]) {
      scope.post(
        url,
        {
          config: { segmentBodyLimit: INGEST_LIMITS.eventBytes },
          schema: {
            hide: url !== `/v1/${type}`,
            tags,
            security,
            summary: `Record a ${type} message (Segment API; write key as Basic user or \`writeKey\`)`,
            body: segmentCallBody(type),
            response: { 200: IngestAccepted },
          },
        },
        accept(type),
      );
    }
  }
}

/** `/v1/batch`: up to 2,500 messages, refused whole when one is invalid. */
function registerBatchRoute(scope: HttpApp, accept: (type: 'batch') => Handler): void {
  scope.post(
    '/v1/batch',
    {
      config: { segmentBodyLimit: INGEST_LIMITS.batchBytes },
      schema: {
        tags,
        security,
        summary: 'Record up to 2,500 messages; one invalid event refuses the whole batch (400 names it)',
        body: SegmentBatchBody,
        response: { 200: IngestAccepted },
      },
    },
    accept('batch'),
  );
}
