/**
 * Resolves who is asking, once per request: a session cookie or a bearer API key becomes
 * `request.actor`. Routes that need one call `actorOf(request)`, which answers 401 when there is none.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import type { Actor } from '../auth/actor.js';
import { actorFromApiKey } from '../auth/api-key.service.js';
import { notSignedIn } from '../auth/auth.errors.js';
import { actorFromSession } from '../auth/session.service.js';

/** The name of the session cookie. */
export const SESSION_COOKIE = 'kehu_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
  }
}

/** The actor of a request; throws unauthenticated when the request carries no valid credentials. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw notSignedIn();
  return request.actor;
}

/** Installs the hook that turns credentials into `request.actor`. */
export function registerAuth(app: FastifyInstance, db: Db, clock: Clock): void {
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      request.actor = await actorFromApiKey(db, clock, authorization.slice('Bearer '.length).trim());
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (token) request.actor = await actorFromSession(db, clock, token);
  });
}
