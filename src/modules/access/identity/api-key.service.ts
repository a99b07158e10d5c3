/**
 * API keys: `kehu_<prefix>_<secret>`, scoped to one tenant and one role, stored as a SHA-256 hash and
 * shown once at creation.
 */
import { AppError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { DAY_MS, HOUR_MS, type Clock } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/database.js';
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import {
  STALE_API_KEY_DAYS,
  type ApiKeyOut,
  type CreateApiKeyInput,
  type CreatedApiKey,
} from './identity.contract.js';
import * as repo from './identity.repository.js';
import { isRole, type Role } from '../role/role.contract.js';
import { buildActor } from './identity.service.js';
import { recordAudit, type AuditContext } from '../audit/audit.service.js';
import { hashToken, newToken } from '../../../platform/auth/secrets.js';

const KEY_RE = /^kehu_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}$/;

/** Creates a key for a tenant; the caller shows `key` once. */
export async function createApiKey(
  db: Db,
  tenantId: string,
  input: { name: string; role: Role; createdBy?: string | null; expiresAt?: Date | null },
  now: Date = new Date(),
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
    createdAt: now,
    expiresAt: input.expiresAt ?? null,
  };
  await repo.insertApiKey(db, row);
  return { ...toOut({ ...row, lastUsedAt: null, revokedAt: null }, now), key };
}

/** When a key created at `now` to live `days` days expires; null without a lifetime. */
export function expiryAfterDays(now: Date, days: number | undefined): Date | null {
  return days === undefined ? null : new Date(now.getTime() + days * DAY_MS);
}

/** Creates a key in the actor's tenant (admins only). */
export async function createApiKeyAs(
  db: Db,
  clock: Clock,
  actor: Actor,
  input: CreateApiKeyInput,
  context: AuditContext = {},
): Promise<CreatedApiKey> {
  requirePermission(actor, 'apikeys.manage');
  const now = clock.now();
  const expiresAt = expiryAfterDays(now, input.expiresInDays);
  const created = await createApiKey(
    db,
    actor.tenantId,
    { ...input, createdBy: actor.userId, expiresAt },
    now,
  );
  const { id, name, role } = created;
  await recordAudit(db, actor, 'apikey.created', { id, name, role, expiresAt: created.expiresAt }, context);
  return created;
}

/**
 * Replaces a key without downtime: a new key with the same name, role and lifetime, while the old one
 * keeps working for `graceHours` more (never longer than it would have anyway).
 */
export async function rotateApiKey(
  db: Db,
  clock: Clock,
  actor: Actor,
  id: string,
  graceHours: number,
  context: AuditContext = {},
): Promise<CreatedApiKey> {
  requirePermission(actor, 'apikeys.manage');
  const now = clock.now();
  return db.transaction(async (tx) => {
    const old = await repo.findLiveApiKey(tx, actor.tenantId, id, now);
    if (!old || !isRole(old.role)) throw apiKeyNotFound(id);
    const graceEnd = new Date(now.getTime() + graceHours * HOUR_MS);
    await repo.setApiKeyExpiry(
      tx,
      actor.tenantId,
      id,
      old.expiresAt && old.expiresAt < graceEnd ? old.expiresAt : graceEnd,
    );
    const lifetime = old.expiresAt ? old.expiresAt.getTime() - old.createdAt.getTime() : null;
    const expiresAt = lifetime === null ? null : new Date(now.getTime() + lifetime);
    const created = await createApiKey(
      tx,
      actor.tenantId,
      { name: old.name, role: old.role, createdBy: actor.userId, expiresAt },
      now,
    );
    await recordAudit(tx, actor, 'apikey.rotated', { id, newId: created.id, graceHours }, context);
    return created;
  });
}

/** The keys of the actor's tenant, without their secrets. */
export async function listApiKeys(db: Db, clock: Clock, actor: Actor): Promise<ApiKeyOut[]> {
  requirePermission(actor, 'apikeys.manage');
  const now = clock.now();
  return (await repo.listApiKeys(db, actor.tenantId)).map((row) => toOut(row, now));
}

/** Revokes a key of the actor's tenant; not_found when there is no such live key. */
export async function revokeApiKey(
  db: Db,
  clock: Clock,
  actor: Actor,
  id: string,
  context: AuditContext = {},
): Promise<void> {
  requirePermission(actor, 'apikeys.manage');
  if (!(await repo.revokeApiKey(db, actor.tenantId, id, clock.now()))) throw apiKeyNotFound(id);
  await recordAudit(db, actor, 'apikey.revoked', { id }, context);
}

/** The actor a bearer key acts as, or undefined when the key is malformed, unknown or revoked. */
export async function actorFromApiKey(db: Db, clock: Clock, key: string): Promise<Actor | undefined> {
  if (!KEY_RE.test(key)) return undefined;
  const row = await repo.findLiveApiKeyByHash(db, hashToken(key), clock.now());
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

const apiKeyNotFound = (id: string): AppError =>
  new AppError('not_found', 'auth.apikey.not_found', `No live API key ${id}.`);

function toOut(row: repo.ApiKeyRow, now: Date): ApiKeyOut {
  const live = !row.revokedAt && (!row.expiresAt || row.expiresAt > now);
  const lastSign = (row.lastUsedAt ?? row.createdAt).getTime();
  return {
    id: row.id,
    name: row.name,
    role: row.role as Role,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    stale: live && now.getTime() - lastSign > STALE_API_KEY_DAYS * DAY_MS,
  };
}
