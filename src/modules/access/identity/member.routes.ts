/**
 * The users of a tenant under /api/users: listing, the name directory, changing, removing. Adding is an
 * invitation (invitation.routes.ts).
 */
import { z } from 'zod';
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { AccessDeps } from '../access-deps.js';
import { UpdateUserInput, UserDirectoryEntry, UserOut } from './identity.contract.js';
import { listUserDirectory, listUsers, removeMember, updateMember } from './member.service.js';

const tags = ['auth'];

/** Registers the user routes, reads first. */
export function registerMemberRoutes(app: HttpApp, deps: AccessDeps): void {
  registerMemberReads(app, deps);
  registerMemberWrites(app, deps);
}

function registerMemberReads(app: HttpApp, { db }: AccessDeps): void {
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
}

function registerMemberWrites(app: HttpApp, { db, clock }: AccessDeps): void {
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
    async (request) =>
      updateMember(db, actorOf(request), request.params.id, request.body, { address: request.ip, clock }),
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
      await removeMember(db, actorOf(request), request.params.id, { address: request.ip, clock });
      return reply.status(204).send(null);
    },
  );
}
