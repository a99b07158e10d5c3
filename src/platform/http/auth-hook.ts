/**
 * Resolves who is asking, once per request: a session cookie or a bearer API key becomes
 * `request.actor`. Routes that need one call `actorOf(request)`, which answers 401 when there is none.
 * Which credentials are valid is the access context's business: the composition root passes its
 * resolvers in.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor.js';
import { AppError } from '../errors.js';

/** The name of the session cookie. */
export const SESSION_COOKIE = 'kehu_session';

/** Turn credentials into an actor; each answers undefined for credentials that are unknown or expired. */
export type ActorResolvers = {
  fromApiKey: (key: string) => Promise<Actor | undefined>;
  fromSession: (token: string) => Promise<Actor | undefined>;
};

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
  }
}

/** No valid session cookie or API key on a request that needs one. */
const notSignedIn = (): AppError =>
  new AppError(
    'unauthenticated',
    'auth.required',
    'Sign in, or send an API key as "Authorization: Bearer <key>".',
  );

/** The actor of a request; throws unauthenticated when the request carries no valid credentials. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw notSignedIn();
  return request.actor;
}

/** Installs the hook that turns credentials into `request.actor`. */
export function registerAuth(app: FastifyInstance, resolvers: ActorResolvers): void {
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      request.actor = await resolvers.fromApiKey(authorization.slice('Bearer '.length).trim());
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (token) request.actor = await resolvers.fromSession(token);
  });
}
