/** HTTP routes of tasks and the calendar feed. */
import { z } from 'zod';
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { CrmDeps } from '../crm-deps.js';
import { getCalendarLink, renderCalendar, rotateCalendarLink, CALENDAR_PATH } from './calendar.service.js';
import {
  CalendarLink,
  CompleteTaskBody,
  CreateTaskInput,
  ListTasksQuery,
  Task,
  TaskPage,
  UpdateTaskInput,
} from './task.contract.js';
import { completeTask, createTask, getTask, listTasks, updateTask } from './task.service.js';

const tags = ['tasks'];
const params = z.object({ id: z.uuid() });

/** Registers the task routes and the calendar feed. */
export function registerTaskRoutes(app: HttpApp, deps: CrmDeps): void {
  app.post(
    '/api/tasks',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: 'Create a task (the assignee defaults to you)',
        body: CreateTaskInput,
        response: { 201: Task },
      },
    },
    async (request, reply) => reply.status(201).send(await createTask(deps, actorOf(request), request.body)),
  );
  app.get(
    '/api/tasks',
    {
      schema: {
        tags,
        summary:
          'Your tasks by due time (or a member’s within your scope); `due` = overdue / today / upcoming',
        querystring: ListTasksQuery,
        response: { 200: TaskPage },
      },
    },
    async (request) => listTasks(deps, actorOf(request), request.query),
  );
  app.get(
    '/api/tasks/:id',
    { schema: { tags, summary: 'One task', params, response: { 200: Task } } },
    async (request) => getTask(deps, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/tasks/:id',
    {
      schema: {
        tags,
        summary: 'Change an open task',
        params,
        body: UpdateTaskInput,
        response: { 200: Task },
      },
    },
    async (request) => updateTask(deps, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/tasks/:id/complete',
    {
      schema: {
        tags,
        summary: 'Close a task, with its outcome',
        params,
        body: CompleteTaskBody,
        response: { 200: Task },
      },
    },
    async (request) => completeTask(deps, actorOf(request), request.params.id, request.body ?? {}),
  );
  registerCalendarRoutes(app, deps);
}

/** The scheme and host the request came to (honouring a trusted proxy), for absolute feed addresses. */
const originOf = (request: { protocol: string; host: string }): string =>
  `${request.protocol}://${request.host}`;

function registerCalendarRoutes(app: HttpApp, deps: CrmDeps): void {
  app.get(
    '/api/me/calendar',
    {
      schema: {
        tags,
        summary: 'The secret address of your calendar feed (iCalendar)',
        response: { 200: CalendarLink },
      },
    },
    async (request) => getCalendarLink(deps, actorOf(request), originOf(request)),
  );
  app.post(
    '/api/me/calendar/rotate',
    {
      schema: {
        tags,
        summary: 'A new calendar address; the old one stops working',
        response: { 200: CalendarLink },
      },
    },
    async (request) => rotateCalendarLink(deps, actorOf(request), originOf(request)),
  );
  app.get(
    `${CALENDAR_PATH}/:tenantId/:file`,
    {
      schema: {
        tags,
        summary: 'A calendar feed (text/calendar, RFC 5545): its token is the only credential',
        params: z.object({ tenantId: z.uuid(), file: z.string().max(100) }),
      },
    },
    async (request, reply) => {
      const text = await renderCalendar(deps, request.params);
      return reply
        .header('cache-control', 'private, max-age=300')
        .type('text/calendar; charset=utf-8')
        .send(text);
    },
  );
}
