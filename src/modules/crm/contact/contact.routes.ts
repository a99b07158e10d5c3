/** HTTP routes of people and buying committees: parse, call the service, reply. */
import { z } from 'zod';
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { CrmDeps } from '../crm-deps.js';
import { addMember, getCommittee, removeMember, updateMember } from './committee.service.js';
import {
  AddMemberInput,
  Committee,
  CreateContactInput,
  ListContactsQuery,
  ContactPage,
  ContactWithAccounts,
  UpdateMemberInput,
  UpdateContactInput,
} from './contact.contract.js';
import { createContact, getContact, listContacts, updateContact } from './contact.service.js';

const byId = z.object({ id: z.uuid() });
const byMember = z.object({ id: z.uuid(), personId: z.uuid() });

/** Registers the routes of people and buying committees. */
export function registerContactRoutes(app: HttpApp, deps: CrmDeps): void {
  registerPeople(app, deps);
  registerCommittee(app, deps);
}

/** `/api/people`. */
function registerPeople(app: HttpApp, deps: CrmDeps): void {
  const tags = ['people'];
  app.post(
    '/api/people',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: 'Create a person, optionally joining accounts at once (409 crm.person.external_id_taken)',
        body: CreateContactInput,
        response: { 201: ContactWithAccounts },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createContact(deps, actorOf(request), request.body)),
  );
  app.get(
    '/api/people',
    {
      schema: {
        tags,
        summary: 'List the people the caller may see, newest first (keyset pagination with `after`)',
        querystring: ListContactsQuery,
        response: { 200: ContactPage },
      },
    },
    async (request) => listContacts(deps, actorOf(request), request.query),
  );
  app.get(
    '/api/people/:id',
    {
      schema: {
        tags,
        summary: 'One person with the accounts the caller may see among theirs',
        params: byId,
        response: { 200: ContactWithAccounts },
      },
    },
    async (request) => getContact(deps, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/people/:id',
    {
      schema: {
        tags,
        summary: "Edit a person's details; memberships change through the account's committee",
        params: byId,
        body: UpdateContactInput,
        response: { 200: ContactWithAccounts },
      },
    },
    async (request) => updateContact(deps, actorOf(request), request.params.id, request.body),
  );
}

/** `/api/customers/:id/committee`. */
function registerCommittee(app: HttpApp, deps: CrmDeps): void {
  const tags = ['customers', 'people'];
  app.get(
    '/api/customers/:id/committee',
    {
      schema: {
        tags,
        summary: "An account's buying committee: members, coverage per role and the key roles still unknown",
        params: byId,
        response: { 200: Committee },
      },
    },
    async (request) => getCommittee(deps, actorOf(request), request.params.id),
  );
  app.post(
    '/api/customers/:id/committee',
    {
      schema: {
        tags,
        summary:
          'Add an existing (`personId`) or new (`person`) person to the committee (409 crm.committee.already_member)',
        params: byId,
        body: AddMemberInput,
        response: { 201: Committee },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addMember(deps, actorOf(request), request.params.id, request.body)),
  );
  app.patch(
    '/api/customers/:id/committee/:personId',
    {
      schema: {
        tags,
        summary: "Change a member's role, department, stance, influence or primary flag",
        params: byMember,
        body: UpdateMemberInput,
        response: { 200: Committee },
      },
    },
    async (request) =>
      updateMember(deps, actorOf(request), request.params.id, request.params.personId, request.body),
  );
  app.delete(
    '/api/customers/:id/committee/:personId',
    {
      schema: {
        tags,
        summary: 'Take a person off the committee (the person and their other accounts stay)',
        params: byMember,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await removeMember(deps, actorOf(request), request.params.id, request.params.personId);
      return reply.status(204).send(null);
    },
  );
}
