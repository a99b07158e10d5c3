/**
 * Invitations: `POST /api/users` invites a person (202, the same answer whether or not the email has an
 * account anywhere), admins list and revoke pending ones, and the invited person previews and accepts.
 */
import { z } from 'zod';
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { AccessDeps } from '../access-deps.js';
import { Me } from './identity.contract.js';
import {
  AcceptInvitationInput,
  InvitationPreview,
  InvitationToken,
  InvitationWithLink,
  InviteUserInput,
} from './invitation.contract.js';
import {
  acceptInvitation,
  inviteUser,
  listInvitations,
  previewInvitation,
  revokeInvitation,
} from './invitation.service.js';
import { describeMe } from './me.service.js';
import { openSession } from './session.service.js';
import { setSessionCookie } from './session.routes.js';

const tags = ['auth'];

/** Registers inviting (as `POST /api/users`), the admins' list and revoke, preview and accept. */
export function registerInvitationRoutes(app: HttpApp, deps: AccessDeps): void {
  registerInvitationAdmin(app, deps);
  registerInvitationAccept(app, deps);
}

function registerInvitationAdmin(app: HttpApp, { db, clock }: AccessDeps): void {
  app.post(
    '/api/users',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: 'Invite a person to the tenant; they join when they accept the link',
        body: InviteUserInput,
        response: { 202: InvitationWithLink },
      },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(await inviteUser(db, clock, actorOf(request), request.body, { address: request.ip, clock })),
  );

  app.get(
    '/api/invitations',
    {
      schema: {
        tags,
        summary: 'Pending invitations of the tenant, with their links',
        response: { 200: z.object({ items: z.array(InvitationWithLink) }) },
      },
    },
    async (request) => ({ items: await listInvitations(db, clock, actorOf(request)) }),
  );

  app.delete(
    '/api/invitations/:id',
    {
      schema: {
        tags,
        summary: 'Revoke a pending invitation',
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await revokeInvitation(db, clock, actorOf(request), request.params.id, { address: request.ip, clock });
      return reply.status(204).send(null);
    },
  );
}

function registerInvitationAccept(app: HttpApp, deps: AccessDeps): void {
  const { db, clock } = deps;
  app.post(
    '/api/invitations/preview',
    {
      schema: {
        tags,
        summary: 'What an invitation link offers (no sign-in needed)',
        body: InvitationToken,
        response: { 200: InvitationPreview },
      },
    },
    async (request) => previewInvitation(db, clock, request.body.token),
  );

  app.post(
    '/api/invitations/accept',
    {
      schema: {
        tags,
        summary: 'Accept an invitation, signed in as the invited account or setting a new password',
        body: AcceptInvitationInput,
        response: { 200: Me },
      },
    },
    async (request, reply) => {
      const accepted = await acceptInvitation(db, clock, request.actor, request.body, {
        address: request.ip,
      });
      const session = await openSession(db, clock, accepted.userId, accepted.tenant);
      if (!session) throw new Error('accepted invitation without a membership');
      setSessionCookie(reply, session, deps.secureCookies);
      return describeMe(db, session.actor);
    },
  );
}
