/** Editing calendars and SLA policies: each edit moves the due times of the open tickets under it. */
import { z } from 'zod';
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import { Calendar, CalendarInput, CalendarPatch } from '../calendar/calendar.contract.js';
import type { ServiceDeps } from '../service-deps.js';
import { Policy, PolicyInput, PolicyPatch } from '../sla/sla.contract.js';
import { editCalendar, editPolicy } from './ticket-recompute.service.js';

const tags = ['service'];
const params = z.object({ id: z.uuid() });

/** Registers `PUT` and `PATCH` of calendars and policies. */
export function registerSettingsEditRoutes(app: HttpApp, deps: ServiceDeps): void {
  const calendarSummary = 'the due times of open tickets under it move';
  app.put(
    '/api/service/calendars/:id',
    {
      schema: {
        tags,
        summary: `Replace a calendar; ${calendarSummary}`,
        params,
        body: CalendarInput,
        response: { 200: Calendar },
      },
    },
    async (request) => editCalendar(deps, actorOf(request), request.params.id, request.body),
  );
  app.patch(
    '/api/service/calendars/:id',
    {
      schema: {
        tags,
        summary: `Change a calendar; ${calendarSummary}`,
        params,
        body: CalendarPatch,
        response: { 200: Calendar },
      },
    },
    async (request) => editCalendar(deps, actorOf(request), request.params.id, request.body),
  );
  const policySummary = 'the due times of its open tickets move';
  app.put(
    '/api/service/sla-policies/:id',
    {
      schema: {
        tags,
        summary: `Replace an SLA policy; ${policySummary}`,
        params,
        body: PolicyInput,
        response: { 200: Policy },
      },
    },
    async (request) => editPolicy(deps, actorOf(request), request.params.id, request.body),
  );
  app.patch(
    '/api/service/sla-policies/:id',
    {
      schema: {
        tags,
        summary: `Change an SLA policy; ${policySummary}`,
        params,
        body: PolicyPatch,
        response: { 200: Policy },
      },
    },
    async (request) => editPolicy(deps, actorOf(request), request.params.id, request.body),
  );
}
