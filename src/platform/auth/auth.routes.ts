/** Sign-in and -out, the current user, users, teams and API keys under /api. */
import { z } from 'zod';
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import { actorOf, SESSION_COOKIE } from '../http/auth-hook.js';
import type { HttpApp } from '../http/server.js';
import { createApiKeyAs, listApiKeys, revokeApiKey } from './api-key.service.js';
import {
  ApiKeyOut,
  CreateApiKeyInput,
  CreatedApiKey,
  CreateTeamInput,
  CreateUserInput,
  Me,
  SignInInput,
  TeamOut,
  UpdateMeInput,
  UpdateTeamInput,
  UpdateUserInput,
  UserDirectoryEntry,
  UserOut,
} from './auth.contract.js';
import { requirePermission } from './actor.js';
import { describeMe, setLocale } from './identity.service.js';
import { addUser, listUserDirectory, listUsers, removeMember, updateMember } from './member.service.js';
import { createTeam, listTeams, updateTeam } from './team.service.js';
import { signIn, signOut } from './session.service.js';

/** Registers the identity routes. */
export function registerAuthRoutes(
  app: HttpApp,
  deps: { db: Db; clock: Clock; secureCookies: boolean },
): void {
  const { db, clock } = deps;
  const tags = ['auth'];

  app.post(
    '/api/auth/sign-in',
    {
      // Per address and email, so one guesser cannot lock everybody out.
      config: {
        rateLimit: {
          max: 20,
          timeWindow: '5 minutes',
          hook: 'preHandler',
          keyGenerator: (request) => `${request.ip}|${(request.body as { email?: string }).email ?? ''}`,
        },
      },
      schema: {
        tags,
        summary: 'Sign in with email and password; sets the session cookie',
        body: SignInInput,
        response: { 200: Me },
      },
    },
    async (request, reply) => {
      const session = await signIn(db, clock, request.body);
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.secureCookies,
        expires: session.expiresAt,
      });
      return describeMe(db, session.actor);
    },
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

  app.get(
    '/api/me',
    { schema: { tags, summary: 'The signed-in user, tenant, role and permissions', response: { 200: Me } } },
    async (request) => describeMe(db, actorOf(request)),
  );

  app.patch(
    '/api/me',
    {
      schema: {
        tags,
        summary: 'Remember the interface language',
        body: UpdateMeInput,
        response: { 200: Me },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await setLocale(db, actor, request.body.locale);
      return describeMe(db, actor);
    },
  );

  app.get(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Users of the tenant',
        response: { 200: z.object({ items: z.array(UserOut) }) },
      },
    },
    async (request) => ({
      items: await listUsers(db, actorOf(request)),
    }),
  );

  app.get(
    '/api/users/directory',
    {
      schema: {
        tags,
        summary: "Names of the tenant's users, for any member (to show owners)",
        response: { 200: z.object({ items: z.array(UserDirectoryEntry) }) },
      },
    },
    async (request) => ({ items: await listUserDirectory(db, actorOf(request)) }),
  );

  app.post(
    '/api/users',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: 'Add a user to the tenant',
        body: CreateUserInput,
        response: { 201: UserOut },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      requirePermission(actor, 'users.manage');
      return reply.status(201).send(await addUser(db, actor.tenantId, request.body));
    },
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: "Change a user's role, data scope or teams",
        params: z.object({ id: z.uuid() }),
        body: UpdateUserInput,
        response: { 200: UserOut },
      },
    },
    async (request) => updateMember(db, actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: 'Remove a user from the tenant (their other tenants are untouched)',
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await removeMember(db, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/teams',
    {
      schema: {
        tags,
        summary: 'Teams of the tenant',
        response: { 200: z.object({ items: z.array(TeamOut) }) },
      },
    },
    async (request) => ({
      items: await listTeams(db, actorOf(request)),
    }),
  );

  app.post(
    '/api/teams',
    {
      config: { idempotent: true },
      schema: { tags, summary: 'Create a team', body: CreateTeamInput, response: { 201: TeamOut } },
    },
    async (request, reply) => reply.status(201).send(await createTeam(db, actorOf(request), request.body)),
  );

  app.patch(
    '/api/teams/:id',
    {
      schema: {
        tags,
        summary: 'Rename a team or replace its members',
        params: z.object({ id: z.uuid() }),
        body: UpdateTeamInput,
        response: { 200: TeamOut },
      },
    },
    async (request) => updateTeam(db, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/api-keys',
    {
      schema: {
        tags,
        summary: 'API keys of the tenant (without secrets)',
        response: { 200: z.object({ items: z.array(ApiKeyOut) }) },
      },
    },
    async (request) => ({ items: await listApiKeys(db, actorOf(request)) }),
  );

  app.post(
    '/api/api-keys',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: 'Create an API key; the key is in this answer only',
        body: CreateApiKeyInput,
        response: { 201: CreatedApiKey },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createApiKeyAs(db, actorOf(request), request.body)),
  );

  app.delete(
    '/api/api-keys/:id',
    {
      schema: {
        tags,
        summary: 'Revoke an API key',
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await revokeApiKey(db, clock, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
