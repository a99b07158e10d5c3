/**
 * Builds the Fastify instance every module registers on: Zod validation and serialisation, OpenAPI
 * 3.1 at /openapi.json and /docs, problem+json errors, request logs, cookies, auth and idempotency.
 */
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyServerOptions,
  type RawServerDefault,
} from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Writable } from 'node:stream';
import pinoPretty from 'pino-pretty';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { LogFormat } from '../config.js';
import type { Db } from '../db/database.js';
import { AppError } from '../errors.js';
import { registerAuth, type ActorResolvers } from './auth-hook.js';
import { registerIdempotency } from './idempotency.js';
import { registerInputGuard } from './input-guard.js';
import { serializeError, serializeRequest } from './log-serializers.js';
import { REQUEST_ERRORS } from './problem.contract.js';
import { problem, sendProblem } from './problem.js';
import { registerSecurityHeaders } from './security-headers.js';

/** The app type modules register routes on. */
export type HttpApp = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** One registered route. */
export type RouteInfo = { method: string; url: string };

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered so far, for checks that must cover all of them. */
    routeTable: RouteInfo[];
  }
}

/** What building the HTTP server needs. */
export type HttpServerOptions = {
  db: Db;
  /** `false` for silent (tests), or a pino level. Requests are logged at `debug` and `trace` only. */
  logLevel: string | false;
  /** `pretty`: one human-readable line per entry (a terminal); `json` (default): pino's JSON lines. */
  logFormat?: LogFormat;
  /** Where log lines go (default stdout); tests read them. */
  logStream?: { write(line: string): void };
  /**
   * Which proxies' X-Forwarded-* headers to believe (Fastify's `trustProxy`: true for any, or a
   * comma-separated list of addresses and CIDR ranges); default none. Decides `request.ip` and whether a request was HTTPS.
   */
  trustProxy?: boolean | string;
  version: string;
  /** How credentials become an actor (given by the composition root: platform knows no users). */
  actors: ActorResolvers;
};

/** Creates the server with the platform's plugins; modules register their routes on it afterwards. */
export async function createHttpServer(options: HttpServerOptions): Promise<HttpApp> {
  const app = Fastify({
    logger: loggerOptions(options),
    // A line per request drowns everything else at `info`: requests are logged when debugging.
    logController: new LogController({ disableRequestLogging: !logsRequests(options.logLevel) }),
    bodyLimit: 5 * 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
    // Requests Node cannot even parse (e.g. a URL with raw non-ASCII bytes) still get a problem body.
    clientErrorHandler: (error, socket) => {
      if ((error as NodeJS.ErrnoException).code === 'ECONNRESET' || !socket.writable) {
        socket.destroy();
        return;
      }
      const body = JSON.stringify(
        problem(
          400,
          REQUEST_ERRORS.malformed,
          'The request could not be parsed; is the URL percent-encoded?',
        ),
      );
      socket.end(
        `HTTP/1.1 400 Bad Request\r\nContent-Type: application/problem+json\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error, request, reply) =>
    sendProblem(error instanceof Error ? error : new Error(String(error)), request, reply),
  );

  await app.register(fastifyCookie);
  await registerSecurityHeaders(app);
  // Limits are opt-in per route (`config: { rateLimit }`), e.g. on sign-in against password guessing.
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new AppError(
        'rate_limited',
        REQUEST_ERRORS.rateLimited,
        `Too many requests; try again in ${context.after}.`,
        {
          details: { retryAfterSeconds: Math.ceil(context.ttl / 1000) },
        },
      ),
  });
  await registerOpenApi(app, options.version);

  const routes: RouteInfo[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });
  app.decorate('routeTable', routes);
  registerAuth(app, options.actors);
  registerInputGuard(app);
  registerIdempotency(app, options.db);
  return app;
}

/** The request log: a pino level (or none), never the values a client sent (see log-serializers.ts). */
function loggerOptions(options: HttpServerOptions): FastifyServerOptions['logger'] {
  if (options.logLevel === false) return false;
  const given = options.logStream;
  const stream =
    options.logFormat === 'pretty'
      ? pinoPretty({
          destination: given ? writableOf(given) : process.stdout,
          colorize: !given && process.stdout.isTTY,
          translateTime: 'SYS:HH:MM:ss',
          ignore: 'pid,hostname',
          sync: true,
        })
      : options.logStream;
  return {
    level: options.logLevel,
    serializers: { err: serializeError, req: serializeRequest },
    ...(stream ? { stream } : {}),
  };
}

/** A Node stream writing into `sink`, whose `write` takes text lines. */
function writableOf(sink: { write(line: string): void }): Writable {
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      sink.write(chunk.toString());
      done();
    },
  });
}

/** Whether requests are logged at `level`: at `debug` and `trace`. */
function logsRequests(level: string | false): boolean {
  return level === 'debug' || level === 'trace';
}

/** OpenAPI 3.1 from the route schemas, at /openapi.json and browsable at /docs. */
async function registerOpenApi(app: HttpApp, version: string): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Kehu API',
        version,
        description:
          'CRM, customer data and warehouse outbound. Authenticate with the session cookie from ' +
          '`POST /api/auth/sign-in` or with an API key as `Authorization: Bearer <key>`. Errors are ' +
          '`application/problem+json` with a stable `code`.',
      },
      components: {
        securitySchemes: {
          apiKey: {
            type: 'http',
            scheme: 'bearer',
            description: 'An API key made with `kehu apikey create`.',
          },
          session: { type: 'apiKey', in: 'cookie', name: 'kehu_session' },
          writeKey: {
            type: 'http',
            scheme: 'basic',
            description:
              'The `/v1` tracking API: a source write key as the user name and an empty password ' +
              '(or `writeKey` in the body).',
          },
        },
      },
      security: [{ apiKey: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
