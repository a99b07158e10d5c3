/** The teams of a tenant under /api/teams. */
import { z } from 'zod';
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { AccessDeps } from '../access-deps.js';
import { CreateTeamInput, TeamOut, UpdateTeamInput } from './identity.contract.js';
import { createTeam, listTeams, updateTeam } from './team.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditContext } from '../../../platform/http/audit-context.js';

const tags = ['auth'];

/** Registers listing, creating and changing teams. */
export function registerTeamRoutes(app: HttpApp, deps: AccessDeps): void {
  const { db } = deps;
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
    async (request, reply) => {
      const actor = actorOf(request);
      const team = await createTeam(db, actor, request.body);
      const details = { teamId: team.id, name: team.name, memberIds: team.memberIds };
      await recordAudit(db, actor, 'team.created', details, auditContext(deps, request));
      return reply.status(201).send(team);
    },
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
    async (request) => {
      const actor = actorOf(request);
      const team = await updateTeam(db, actor, request.params.id, request.body);
      const details = { teamId: team.id, ...request.body };
      await recordAudit(db, actor, 'team.changed', details, auditContext(deps, request));
      return team;
    },
  );
}
