/** HTTP routes of deal participants (the deal's buying committee). */
import { z } from 'zod';
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { CrmDeps } from '../crm-deps.js';
import { DealParticipant, DealParticipantList, SetParticipantInput } from './deal.contract.js';
import { listParticipants, removeParticipant, setParticipant } from './participant.service.js';

const tags = ['deals'];
const one = z.object({ id: z.uuid(), personId: z.uuid() });

/** Registers the routes of deal participants. */
export function registerParticipantRoutes(app: HttpApp, deps: CrmDeps): void {
  app.get(
    '/api/deals/:id/participants',
    {
      schema: {
        tags,
        summary: "The people on a deal's buying committee with their roles, department and stance",
        params: z.object({ id: z.uuid() }),
        response: { 200: DealParticipantList },
      },
    },
    async (request) => listParticipants(deps, actorOf(request), request.params.id),
  );
  app.put(
    '/api/deals/:id/participants/:personId',
    {
      schema: {
        tags,
        summary: 'Put a contact on the deal, or change their roles, department or stance',
        params: one,
        body: SetParticipantInput,
        response: { 200: DealParticipant },
      },
    },
    async (request) =>
      setParticipant(deps, actorOf(request), request.params.id, request.params.personId, request.body),
  );
  app.delete(
    '/api/deals/:id/participants/:personId',
    { schema: { tags, summary: 'Take a person off the deal', params: one, response: { 204: z.null() } } },
    async (request, reply) => {
      await removeParticipant(deps, actorOf(request), request.params.id, request.params.personId);
      return reply.status(204).send(null);
    },
  );
}
