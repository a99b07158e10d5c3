/** The users of a tenant under /api/users: listing, the name directory, adding, changing, removing. */
import { z } from 'zod';
import { requirePermission } from '../../../platform/auth/actor.js';
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { AccessDeps } from '../access-deps.js';
import { CreateUserInput, UpdateUserInput, UserDirectoryEntry, UserOut } from './identity.contract.js';
import { addUser, listUserDirectory, listUsers, removeMember, updateMember } from './member.service.js';

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

function registerMemberWrites(app: HttpApp, { db }: AccessDeps): void {
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
}
