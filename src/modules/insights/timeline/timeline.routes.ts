/** HTTP routes of persons and touchpoint timelines (permission `touchpoints.read`). */
import { z } from 'zod';
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { InsightsDeps } from '../insights-deps.js';
import { getPerson, listPersons, listPersonTraitChanges } from './person-view.service.js';
import {
  Person,
  PersonPage,
  PersonQuery,
  PersonRef,
  TouchpointPage,
  TouchpointQuery,
  TraitChangeList,
} from './timeline.contract.js';
import { listContactEvents, listCustomerEvents, listPersonEvents } from './timeline.service.js';

const tags = ['touchpoints'];
const crmParams = z.object({ id: z.uuid() });

/** Registers the routes of persons and touchpoint timelines. */
export function registerTimelineRoutes(app: HttpApp, deps: InsightsDeps): void {
  registerPersonRoutes(app, deps);
  registerCrmTimelineRoutes(app, deps);
}

/** `/api/persons`: the list, one person, its touchpoints and its trait history. */
function registerPersonRoutes(app: HttpApp, deps: InsightsDeps): void {
  app.get(
    '/api/persons',
    {
      schema: {
        tags,
        summary: 'Persons, last seen first; `q` is a prefix of a userId, any id, traits.name or traits.email',
        querystring: PersonQuery,
        response: { 200: PersonPage },
      },
    },
    async (request) => listPersons(deps, actorOf(request), request.query),
  );
  app.get(
    '/api/persons/:id',
    {
      schema: {
        tags,
        summary: 'A person by its id (merged ones resolve to the survivor), userId, anonymousId or email',
        params: PersonRef,
        response: { 200: Person },
      },
    },
    async (request) => getPerson(deps, actorOf(request), request.params.id),
  );
  app.get(
    '/api/persons/:id/events',
    {
      schema: {
        tags,
        summary: "A person's touchpoints over its merged persons, newest first (keyset paging with `after`)",
        params: PersonRef,
        querystring: TouchpointQuery,
        response: { 200: TouchpointPage },
      },
    },
    async (request) => listPersonEvents(deps, actorOf(request), request.params.id, request.query),
  );
  app.get(
    '/api/persons/:id/trait-changes',
    {
      schema: {
        tags,
        summary: "A person's trait history over its merged persons, newest first (the newest 1,000)",
        params: PersonRef,
        response: { 200: TraitChangeList },
      },
    },
    async (request) => listPersonTraitChanges(deps, actorOf(request), request.params.id),
  );
}

/** The timelines of the CRM's accounts and contacts. */
function registerCrmTimelineRoutes(app: HttpApp, deps: InsightsDeps): void {
  app.get(
    '/api/customers/:id/events',
    {
      schema: {
        tags,
        summary: "An account's touchpoints: events naming it and those of the persons acting for it",
        params: crmParams,
        querystring: TouchpointQuery,
        response: { 200: TouchpointPage },
      },
    },
    async (request) => listCustomerEvents(deps, actorOf(request), request.params.id, request.query),
  );
  app.get(
    '/api/people/:id/events',
    {
      schema: {
        tags,
        summary: "A CRM contact's touchpoints: those of the persons linked to it",
        params: crmParams,
        querystring: TouchpointQuery,
        response: { 200: TouchpointPage },
      },
    },
    async (request) => listContactEvents(deps, actorOf(request), request.params.id, request.query),
  );
}
