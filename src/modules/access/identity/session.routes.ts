/** Sign-in and sign-out: the session cookie. */
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { SESSION_COOKIE } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { AccessDeps } from '../access-deps.js';
import { Me, SessionState, SignInInput } from './identity.contract.js';
import { describeMe } from './me.service.js';
import { signOut } from './session.service.js';
import { SignInLimited, signInWithinLimits } from './sign-in-limit.service.js';

const tags = ['auth'];

/** Sets the session cookie for a session just opened. */
export function setSessionCookie(
  reply: FastifyReply,
  session: { token: string; expiresAt: Date },
  secure: boolean,
): void {
  reply.setCookie(SESSION_COOKIE, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    expires: session.expiresAt,
  });
}

/** Registers `GET /api/auth/session`, `POST /api/auth/sign-in` and `POST /api/auth/sign-out`. */
export function registerSessionRoutes(app: HttpApp, deps: AccessDeps): void {
  const { db, clock } = deps;
  app.post(
    '/api/auth/sign-in',
    {
      schema: {
        tags,
        summary: 'Sign in with email and password; sets the session cookie',
        body: SignInInput,
        response: { 200: Me },
      },
    },
    async (request, reply) => {
      const session = await signInWithinLimits(db, clock, request.body, request.ip).catch(
        (error: unknown) => {
          if (error instanceof SignInLimited)
            void reply.header('retry-after', String(error.retryAfterSeconds));
          throw error;
        },
      );
      setSessionCookie(reply, session, deps.secureCookies);
      return describeMe(db, session.actor);
    },
  );

  // The web asks this on load: whether anyone is signed in is an answer, not an error (no 401).
  app.get(
    '/api/auth/session',
    {
      schema: {
        tags,
        summary: 'Whether the request is signed in, and as whom (never 401)',
        response: { 200: SessionState },
      },
    },
    async (request) =>
      request.actor
        ? { signedIn: true, me: await describeMe(db, request.actor) }
        : { signedIn: false, me: null },
  );

  app.post(
    '/api/auth/sign-out',
    { schema: { tags, summary: 'End the session', response: { 204: z.null() } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await signOut(db, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );
}
