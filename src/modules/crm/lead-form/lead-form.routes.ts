/** HTTP routes of requirements forms (需求收集表). */
import { z } from 'zod';
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { CrmDeps } from '../crm-deps.js';
import { LeadForm, LeadFormInput, LeadFormList, ListLeadFormsQuery } from './lead-form.contract.js';
import {
  createLeadForm,
  getLeadForm,
  listLeadFormVersions,
  listLeadForms,
  updateLeadForm,
} from './lead-form.service.js';

const tags = ['lead-forms'];
const params = z.object({ id: z.uuid() });

/** Registers create and list. */
function registerCollection(app: HttpApp, deps: CrmDeps): void {
  app.post(
    '/api/lead-forms',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: 'Create a requirements form: its fields in the order they are asked (version 1)',
        body: LeadFormInput,
        response: { 201: LeadForm },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createLeadForm(deps, actorOf(request), request.body)),
  );
  app.get(
    '/api/lead-forms',
    {
      schema: {
        tags,
        summary: "The tenant's requirements forms at their current versions",
        querystring: ListLeadFormsQuery,
        response: { 200: LeadFormList },
      },
    },
    async (request) => listLeadForms(deps, actorOf(request), request.query),
  );
}

/** Registers read, change (a new version) and the version list of one form. */
function registerItem(app: HttpApp, deps: CrmDeps): void {
  app.get(
    '/api/lead-forms/:id',
    {
      schema: {
        tags,
        summary: 'A requirements form at its current version, or at `version`',
        params,
        querystring: z.object({ version: z.coerce.number().int().min(1).optional() }),
        response: { 200: LeadForm },
      },
    },
    async (request) => getLeadForm(deps, actorOf(request), request.params.id, request.query.version),
  );
  app.put(
    '/api/lead-forms/:id',
    {
      schema: {
        tags,
        summary: 'Change a requirements form: saves a new version; answers to older versions stay readable',
        params,
        body: LeadFormInput,
        response: { 200: LeadForm },
      },
    },
    async (request) => updateLeadForm(deps, actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/lead-forms/:id/versions',
    {
      schema: {
        tags,
        summary: 'Every version of a requirements form, oldest first',
        params,
        response: { 200: z.object({ items: z.array(LeadForm) }) },
      },
    },
    async (request) => ({ items: await listLeadFormVersions(deps, actorOf(request), request.params.id) }),
  );
}

/** Registers the routes of requirements forms. */
export function registerLeadFormRoutes(app: HttpApp, deps: CrmDeps): void {
  registerCollection(app, deps);
  registerItem(app, deps);
}
