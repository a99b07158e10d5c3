/** HTTP routes of leads: the list, one lead, its answers, status moves, the public link and the settings. */
import { z } from 'zod';
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { CrmDeps } from '../crm-deps.js';
import {
  AnswersInput,
  Conversion,
  ConvertInput,
  CreateLeadInput,
  DisqualifyInput,
  Lead,
  LeadPage,
  ListLeadsQuery,
  ShareInput,
  ShareLink,
  UpdateLeadInput,
} from './lead.contract.js';
import { LeadSettings } from './lead-settings.contract.js';
import { createLead, getLead, listLeads, updateLead } from './lead.service.js';
import { disqualifyLead, qualifyLead, reopenLead, saveAnswers, startLead } from './lead-status.service.js';
import { shareLead } from './lead-share.service.js';
import { convertLead } from './lead-convert.service.js';
import { getLeadSettings, putLeadSettings } from './lead-assignment.service.js';

const tags = ['leads'];
const params = z.object({ id: z.uuid() });

/** Registers create and list. */
function registerCollection(app: HttpApp, deps: CrmDeps): void {
  app.post(
    '/api/leads',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: 'Record a lead (status new); without a user it is assigned by the tenant rules',
        body: CreateLeadInput,
        response: { 201: Lead },
      },
    },
    async (request, reply) => reply.status(201).send(await createLead(deps, actorOf(request), request.body)),
  );
  app.get(
    '/api/leads',
    {
      schema: {
        tags,
        summary: 'The leads the caller may see, newest first (keyset pagination with `after`)',
        querystring: ListLeadsQuery,
        response: { 200: LeadPage },
      },
    },
    async (request) => listLeads(deps, actorOf(request), request.query),
  );
}

/** Registers read, edit and answers of one lead. */
function registerItem(app: HttpApp, deps: CrmDeps): void {
  app.get(
    '/api/leads/:id',
    { schema: { tags, summary: 'A lead with its answers', params, response: { 200: Lead } } },
    async (request) => getLead(deps, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/leads/:id',
    {
      schema: {
        tags,
        summary: "Edit a lead's profile, owner or form",
        params,
        body: UpdateLeadInput,
        response: { 200: Lead },
      },
    },
    async (request) => updateLead(deps, actorOf(request), request.params.id, request.body),
  );
  app.put(
    '/api/leads/:id/answers',
    {
      schema: {
        tags,
        summary:
          "Answer the lead's form: merges with earlier answers, `null` clears one; 400 names `answers.<key>`",
        params,
        body: AnswersInput,
        response: { 200: Lead },
      },
    },
    async (request) => saveAnswers(deps, actorOf(request), request.params.id, request.body.answers),
  );
}

/** Registers the status moves. */
function registerMoves(app: HttpApp, deps: CrmDeps): void {
  const simple = [
    ['work', 'Start working a new lead', startLead],
    [
      'qualify',
      'Qualify a lead; 409 `crm.lead.form_incomplete` with `missingFields` while required answers are missing',
      qualifyLead,
    ],
    ['reopen', 'Take a disqualified lead back to working', reopenLead],
  ] as const;
  for (const [path, summary, run] of simple) {
    app.post(
      `/api/leads/:id/${path}`,
      { schema: { tags, summary, params, response: { 200: Lead } } },
      async (request) => run(deps, actorOf(request), request.params.id),
    );
  }
  app.post(
    '/api/leads/:id/disqualify',
    {
      schema: {
        tags,
        summary: "Disqualify a lead for one of the tenant's reasons",
        params,
        body: DisqualifyInput,
        response: { 200: Lead },
      },
    },
    async (request) => disqualifyLead(deps, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/leads/:id/share',
    {
      schema: {
        tags,
        summary: "A public link to the lead's form (no login); replaces the previous link",
        params,
        body: ShareInput.optional(),
        response: { 201: ShareLink },
      },
    },
    async (request, reply) => {
      const origin = `${request.protocol}://${request.host}`;
      const link = await shareLead(deps, actorOf(request), request.params.id, request.body ?? {}, origin);
      return reply.status(201).send(link);
    },
  );
}

/** Registers the conversion of a qualified lead. */
function registerConvert(app: HttpApp, deps: CrmDeps): void {
  app.post(
    '/api/leads/:id/convert',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary:
          'Convert a qualified lead: the customer (new, with the duplicate check, or `customerId`), its people on the committee and an open deal',
        params,
        body: ConvertInput.optional(),
        response: { 201: Conversion },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await convertLead(deps, actorOf(request), request.params.id, request.body ?? {})),
  );
}

/** Registers the tenant's lead settings. */
function registerSettings(app: HttpApp, deps: CrmDeps): void {
  app.get(
    '/api/lead-settings',
    { schema: { tags, summary: 'Disqualify reasons and lead assignment', response: { 200: LeadSettings } } },
    async (request) => getLeadSettings(deps, actorOf(request)),
  );
  app.put(
    '/api/lead-settings',
    {
      schema: {
        tags,
        summary:
          'Set the disqualify reasons and how new leads are assigned (round-robin or rules, daily cap)',
        body: LeadSettings,
        response: { 200: LeadSettings },
      },
    },
    async (request) => putLeadSettings(deps, actorOf(request), request.body),
  );
}

/** Registers the routes of leads. */
export function registerLeadRoutes(app: HttpApp, deps: CrmDeps): void {
  registerSettings(app, deps);
  registerCollection(app, deps);
  registerItem(app, deps);
  registerMoves(app, deps);
  registerConvert(app, deps);
}
