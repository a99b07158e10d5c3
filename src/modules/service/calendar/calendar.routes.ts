/** HTTP routes of business calendars (edits are in `ticket/settings-edit.routes.ts`: they move due times). */
import { z } from 'zod';
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { ServiceDeps } from '../service-deps.js';
import { Calendar, CalendarInput, CalendarList } from './calendar.contract.js';
import { createCalendar, getCalendar, listCalendars } from './calendar.service.js';

const tags = ['service'];
const params = z.object({ id: z.uuid() });

/** Registers creating and reading business calendars. */
export function registerCalendarRoutes(app: HttpApp, deps: ServiceDeps): void {
  app.post(
    '/api/service/calendars',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: 'Create a business calendar: hours per weekday with breaks, holidays, make-up working days',
        body: CalendarInput,
        response: { 201: Calendar },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createCalendar(deps, actorOf(request), request.body)),
  );
  app.get(
    '/api/service/calendars',
    { schema: { tags, summary: 'The business calendars', response: { 200: CalendarList } } },
    async (request) => listCalendars(deps, actorOf(request)),
  );
  app.get(
    '/api/service/calendars/:id',
    { schema: { tags, summary: 'One business calendar', params, response: { 200: Calendar } } },
    async (request) => getCalendar(deps, actorOf(request), request.params.id),
  );
}
