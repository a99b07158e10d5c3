/** The API keys of a tenant under /api/api-keys; a key's secret is in the creating answer only. */
import { z } from 'zod';
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { AccessDeps } from '../access-deps.js';
import { createApiKeyAs, listApiKeys, revokeApiKey, rotateApiKey } from './api-key.service.js';
import { ApiKeyOut, CreateApiKeyInput, CreatedApiKey, RotateApiKeyInput } from './identity.contract.js';

const tags = ['auth'];

/** Registers listing, creating, rotating and revoking API keys. */
export function registerApiKeyRoutes(app: HttpApp, { db, clock }: AccessDeps): void {
  app.get(
    '/api/api-keys',
    {
      schema: {
        tags,
        summary: 'API keys of the tenant (without secrets)',
        response: { 200: z.object({ items: z.array(ApiKeyOut) }) },
      },
    },
    async (request) => ({ items: await listApiKeys(db, clock, actorOf(request)) }),
  );

  app.post(
    '/api/api-keys',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: 'Create an API key; the key is in this answer only',
        body: CreateApiKeyInput,
        response: { 201: CreatedApiKey },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createApiKeyAs(db, clock, actorOf(request), request.body, { address: request.ip, clock }),
        ),
  );

  registerApiKeyRotation(app, { db, clock });

  app.delete(
    '/api/api-keys/:id',
    {
      schema: {
        tags,
        summary: 'Revoke an API key',
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await revokeApiKey(db, clock, actorOf(request), request.params.id, { address: request.ip, clock });
      return reply.status(204).send(null);
    },
  );
}

/** `POST /api/api-keys/:id/rotate`: a new key now, the old one working for the grace period. */
function registerApiKeyRotation(app: HttpApp, { db, clock }: Pick<AccessDeps, 'db' | 'clock'>): void {
  app.post(
    '/api/api-keys/:id/rotate',
    {
      schema: {
        tags,
        summary:
          'Rotate an API key: a new key now, the old one working for a grace period (in this answer only)',
        params: z.object({ id: z.uuid() }),
        body: RotateApiKeyInput,
        response: { 201: CreatedApiKey },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await rotateApiKey(db, clock, actorOf(request), request.params.id, request.body.graceHours, {
          address: request.ip,
          clock,
        }),
      ),
  );
}
