/**
 * `Idempotency-Key` on creating POSTs: the same key with the same request gets the first answer again
 * without a second write; the same key with another request is a 409. Routes opt in with
 * `config: { idempotent: true }`. Keys live 24 hours.
 */
import { createHash } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/database.js';
import { AppError } from '../errors.js';
import { idempotencyKeys } from './idempotency.table.js';

const TTL_MS = 24 * 3_600_000;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Honour `Idempotency-Key` on this route. */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    idempotencyKey?: { tenantId: string; key: string };
  }
}

function requestHash(request: FastifyRequest): string {
  return createHash('sha256')
    .update(
      `${request.method} ${request.routeOptions.url ?? request.url}\n${JSON.stringify(request.body ?? null)}`,
    )
    .digest('hex');
}

async function claimKey(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply | undefined> {
  const key = request.headers['idempotency-key'];
  const actor = request.actor;
  if (typeof key !== 'string' || !actor || !request.routeOptions.config.idempotent) return undefined;
  if (key.length === 0 || key.length > 255) {
    throw new AppError(
      'invalid',
      'request.idempotency_key.invalid',
      'Idempotency-Key must be 1-255 characters.',
    );
  }
  const where = and(eq(idempotencyKeys.tenantId, actor.tenantId), eq(idempotencyKeys.key, key));
  const hash = requestHash(request);
  await db
    .delete(idempotencyKeys)
    .where(and(where, lt(idempotencyKeys.createdAt, new Date(Date.now() - TTL_MS))));
  const inserted = await db
    .insert(idempotencyKeys)
    .values({ tenantId: actor.tenantId, key, requestHash: hash })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (inserted.length > 0) {
    request.idempotencyKey = { tenantId: actor.tenantId, key };
    return undefined;
  }
  const [stored] = await db.select().from(idempotencyKeys).where(where);
  if (!stored || stored.requestHash !== hash) {
    throw new AppError(
      'conflict',
      'request.idempotency_key.reused',
      'This Idempotency-Key was used for another request.',
    );
  }
  if (stored.statusCode === null) {
    throw new AppError(
      'conflict',
      'request.idempotency_key.in_progress',
      'A request with this Idempotency-Key is still running.',
    );
  }
  return reply
    .status(stored.statusCode)
    .header('idempotent-replayed', 'true')
    .type(stored.contentType ?? 'application/json')
    .send(stored.responseBody ?? '');
}

/** Installs the idempotency hooks on an app whose requests carry an actor. */
export function registerIdempotency(app: FastifyInstance, db: Db): void {
  app.addHook('preHandler', async (request, reply) => claimKey(db, request, reply));
  app.addHook('onSend', async (request, reply, payload) => {
    const claim = request.idempotencyKey;
    if (!claim) return payload;
    request.idempotencyKey = undefined;
    const where = and(eq(idempotencyKeys.tenantId, claim.tenantId), eq(idempotencyKeys.key, claim.key));
    if (reply.statusCode >= 500) {
      await db.delete(idempotencyKeys).where(where);
    } else {
      const contentType = reply.getHeader('content-type');
      await db
        .update(idempotencyKeys)
        .set({
          statusCode: reply.statusCode,
          contentType: typeof contentType === 'string' ? contentType : null,
          responseBody: typeof payload === 'string' ? payload : JSON.stringify(payload ?? null),
        })
        .where(where);
    }
    return payload;
  });
}
