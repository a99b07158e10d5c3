/** HTTP routes of event sources and their write keys. */
import { z } from 'zod';
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { InsightsDeps } from '../insights-deps.js';
import { CreateSourceInput, Source, SourceList, UpdateSourceInput } from './source.contract.js';
import { createSource, listSources, rotateWriteKey, updateSource } from './source.service.js';

/** Registers the routes of event sources: list, create, change, rotate the write key. */
export function registerSourceRoutes(app: HttpApp, deps: InsightsDeps): void {
  const tags = ['sources'];
  const params = z.object({ id: z.uuid() });
  app.get(
    '/api/sources',
    {
      schema: {
        tags,
        summary: "The tenant's event sources with their write keys, by name",
        response: { 200: SourceList },
      },
    },
    async (request) => listSources(deps, actorOf(request)),
  );
  app.post(
    '/api/sources',
    {
      schema: {
        tags,
        summary: 'Create an event source with a new write key (409 insights.source.name_taken)',
        body: CreateSourceInput,
        response: { 201: Source },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createSource(deps, actorOf(request), request.body)),
  );
  app.patch(
    '/api/sources/:id',
    {
      schema: {
        tags,
        summary: "Change a source's name, rate limit, retention or disable it (a disabled key gets 401)",
        params,
        body: UpdateSourceInput,
        response: { 200: Source },
      },
    },
    async (request) => updateSource(deps, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/sources/:id/write-key',
    {
      schema: {
        tags,
        summary: "Replace a source's write key; the old key stops working at once",
        params,
        response: { 200: Source },
      },
    },
    async (request) => rotateWriteKey(deps, actorOf(request), request.params.id),
  );
}
