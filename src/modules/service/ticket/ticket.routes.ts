/** HTTP routes of tickets: open, read, list, reply, change status, edit. */
import { z } from 'zod';
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { ServiceDeps } from '../service-deps.js';
import {
  CreateTicketInput,
  ListTicketsQuery,
  ReplyInput,
  ReplyList,
  ReplyResult,
  StatusInput,
  Ticket,
  TicketPage,
  UpdateTicketInput,
} from './ticket.contract.js';
import { createTicket, getTicket, listTickets } from './ticket.service.js';
import { changeTicketStatus, listTicketReplies, replyToTicket, updateTicket } from './ticket-work.service.js';

const tags = ['tickets'];
const params = z.object({ id: z.uuid() });

/** Registers opening, reading and listing tickets. */
export function registerTicketRoutes(app: HttpApp, deps: ServiceDeps): void {
  app.post(
    '/api/tickets',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: 'Open a ticket; its SLA clocks start at createdAt (admins only; imports) or now',
        body: CreateTicketInput,
        response: { 201: Ticket },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createTicket(deps, actorOf(request), request.body)),
  );
  app.get(
    '/api/tickets',
    {
      schema: {
        tags,
        summary: 'Tickets you may see, newest first; filters status, priority, customer, breaching',
        querystring: ListTicketsQuery,
        response: { 200: TicketPage },
      },
    },
    async (request) => listTickets(deps, actorOf(request), request.query),
  );
  app.get(
    '/api/tickets/:id',
    {
      schema: {
        tags,
        summary: 'One ticket with its due times and breaches',
        params,
        response: { 200: Ticket },
      },
    },
    async (request) => getTicket(deps, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/tickets/:id',
    {
      schema: {
        tags,
        summary: 'Change subject, category, priority or policy (due times recomputed)',
        params,
        body: UpdateTicketInput,
        response: { 200: Ticket },
      },
    },
    async (request) => updateTicket(deps, actorOf(request), request.params.id, request.body),
  );
  registerTicketWorkRoutes(app, deps);
}

function registerTicketWorkRoutes(app: HttpApp, deps: ServiceDeps): void {
  app.post(
    '/api/tickets/:id/replies',
    {
      schema: {
        tags,
        summary:
          'Reply (public) or add an internal note; the first public reply stops the first-response clock',
        params,
        body: ReplyInput,
        response: { 201: ReplyResult },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await replyToTicket(deps, actorOf(request), request.params.id, request.body)),
  );
  app.get(
    '/api/tickets/:id/replies',
    { schema: { tags, summary: 'A ticket’s replies and notes', params, response: { 200: ReplyList } } },
    async (request) => listTicketReplies(deps, actorOf(request), request.params.id),
  );
  app.post(
    '/api/tickets/:id/status',
    {
      schema: {
        tags,
        summary: 'Change the status: pending pauses the resolution clock, solved and closed stop it',
        params,
        body: StatusInput,
        response: { 200: Ticket },
      },
    },
    async (request) => changeTicketStatus(deps, actorOf(request), request.params.id, request.body),
  );
}
