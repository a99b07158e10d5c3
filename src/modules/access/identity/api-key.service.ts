/**
 * API keys: `kehu_<prefix>_<secret>`, scoped to one tenant and one role, stored as a SHA-256 hash and
 * shown once at creation.
 */
import { AppError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { Clock } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/database.js';
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { ApiKeyOut, CreatedApiKey } from './identity.contract.js';
import * as repo from './identity.repository.js';
import { isRole, type Role } from '../role/role.contract.js';
import { buildActor } from './identity.service.js';
import { hashToken, newToken } from '../../../platform/auth/secrets.js';

const KEY_RE = /^kehu_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}$/;

/** Creates a key for a tenant; the caller shows `key` once. */
export async function createApiKey(
  db: Db,
  tenantId: string,
  input: { name: string; role: Role; createdBy?: string | null },
): Promise<CreatedApiKey> {
  const prefix = newToken(12)
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 8)
    .padEnd(8, '0');
  const key = `kehu_${prefix}_${newToken(32)}`;
  const row = {
    id: newId(),
    tenantId,
    name: input.name,
    role: input.role,
    prefix: `kehu_${prefix}`,
    keyHash: hashToken(key),
    createdBy: input.createdBy ?? null,
    createdAt: new Date(),
  };
  await repo.insertApiKey(db, row);
  return { ...toOut({ ...row, lastUsedAt: null, revokedAt: null }), key };
}

/** Creates a key in the actor's tenant (admins only). */
export async function createApiKeyAs(
  db: Db,
  actor: Actor,
  input: { name: string; role: Role },
): Promise<CreatedApiKey> {
  requirePermission(actor, 'apikeys.manage');
  return createApiKey(db, actor.tenantId, { ...input, createdBy: actor.userId });
}

/** The keys of the actor's tenant, without their secrets. */
export async function listApiKeys(db: Db, actor: Actor): Promise<ApiKeyOut[]> {
  requirePermission(actor, 'apikeys.manage');
  return (await repo.listApiKeys(db, actor.tenantId)).map(toOut);
}

/** Revokes a key of the actor's tenant; not_found when there is no such live key. */
export async function revokeApiKey(db: Db, clock: Clock, actor: Actor, id: string): Promise<void> {
  requirePermission(actor, 'apikeys.manage');
  if (!(await repo.revokeApiKey(db, actor.tenantId, id, clock.now()))) {
    throw new AppError('not_found', 'auth.apikey.not_found', `No live API key ${id}.`);
  }
}

/** The actor a bearer key acts as, or undefined when the key is malformed, unknown or revoked. */
export async function actorFromApiKey(db: Db, clock: Clock, key: string): Promise<Actor | undefined> {
  if (!KEY_RE.test(key)) return undefined;
  const row = await repo.findLiveApiKeyByHash(db, hashToken(key));
  if (!row || !isRole(row.role)) return undefined;
  const tenant = await repo.findTenantById(db, row.tenantId);
  if (!tenant) return undefined;
  // "Last used" to the minute is enough, and spares a write on every request of a busy integration.
  const now = clock.now();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000)
    await repo.touchApiKey(db, row.id, now);
  return buildActor({
    tenantId: tenant.id,
    tenantSlug: tenant.slug,
    userId: null,
    role: row.role,
    // A key belongs to no user, so own/team scope would show nothing; the role still limits what it may do.
    scope: 'all',
    teamIds: [],
    via: 'api_key',
  });
}

function toOut(row: repo.ApiKeyRow): ApiKeyOut {
  return {
    id: row.id,
    name: row.name,
    role: row.role as Role,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
