/**
 * Event sources and their write keys. A write key is public (it ships inside web pages), so it is
 * stored as is and shown again on every read; rotating it replaces it at once.
 */
import { randomBytes } from 'node:crypto';
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { isUniqueViolation } from '../../../platform/db/errors.js';
import { newId, isUuid } from '../../../platform/ids.js';
import type { InsightsDeps } from '../insights-deps.js';
import type { SourceKind, SourceRef } from '../message/message.contract.js';
import type { CreateSourceInput, Source, SourceList, UpdateSourceInput } from './source.contract.js';
import { sourceNameTaken, sourceNotFound } from './source.errors.js';
import * as repo from './source.repository.js';
import type { RetentionSourceRow as RetentionSource } from './source.repository.js';

/** The name of the hidden source Kehu's own domain events are recorded under; users cannot take it. */
export const SYSTEM_SOURCE_NAME = 'Kehu';

/** A new write key: `wk_` and 32 URL-safe characters (24 random bytes). */
export function newWriteKey(): string {
  return `wk_${randomBytes(24).toString('base64url')}`;
}

/** The enabled source a write key belongs to, or undefined for an unknown or disabled key. */
export async function findSourceByWriteKey(
  deps: Pick<InsightsDeps, 'db'>,
  writeKey: string,
): Promise<SourceRef | undefined> {
  if (writeKey.length === 0 || writeKey.length > 200) return undefined;
  return repo.findEnabledSourceByWriteKey(deps.db, writeKey);
}

/** The tenant's sources, by name (the system source is not listed). */
export async function listSources(deps: Pick<InsightsDeps, 'db'>, actor: Actor): Promise<SourceList> {
  requirePermission(actor, 'sources.manage');
  const rows = await repo.listSourceRows(deps.db, actor.tenantId);
  return { items: rows.map(toSource) };
}

/** Creates a source with a fresh write key (409 `insights.source.name_taken`). */
export async function createSource(
  deps: Pick<InsightsDeps, 'db' | 'clock'>,
  actor: Actor,
  input: CreateSourceInput,
): Promise<Source> {
  requirePermission(actor, 'sources.manage');
  assertNameFree(input.name);
  const now = deps.clock.now();
  const id = newId();
  const created = await deps.db.transaction(async (tx) => {
    const inserted = await repo.insertSourceRow(tx, {
      tenantId: actor.tenantId,
      id,
      name: input.name,
      kind: input.kind,
      rateLimitPerSecond: input.rateLimitPerSecond,
      retentionDays: input.retentionDays ?? null,
      createdAt: now,
      updatedAt: now,
    });
    if (inserted) await repo.replaceWriteKey(tx, actor.tenantId, id, newWriteKey(), now);
    return inserted;
  });
  if (!created) throw sourceNameTaken(input.name);
  return getSource(deps, actor.tenantId, id);
}

/**
 * The count of source changes that can stop a write key working, shared by every server process
 * through the database: write-key caches read it about once a second and start over when it moved.
 */
export async function sourceVersion(deps: Pick<InsightsDeps, 'db'>): Promise<number> {
  return repo.readSourceVersion(deps.db);
}

/** Changes a source's name, rate, retention or whether it is disabled. */
export async function updateSource(
  deps: Pick<InsightsDeps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  input: UpdateSourceInput,
): Promise<Source> {
  requirePermission(actor, 'sources.manage');
  if (input.name !== undefined) assertNameFree(input.name);
  let updated: boolean;
  try {
    updated = await deps.db.transaction(async (tx) => {
      const changed = await repo.updateSourceRow(tx, actor.tenantId, id, {
        name: input.name,
        rateLimitPerSecond: input.rateLimitPerSecond,
        retentionDays: input.retentionDays,
        disabled: input.disabled,
        updatedAt: deps.clock.now(),
      });
      if (changed) await repo.bumpSourceVersion(tx);
      return changed;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'sources_name_key')) throw sourceNameTaken(input.name ?? '');
    throw error;
  }
  if (!updated) throw sourceNotFound(id);
  return getSource(deps, actor.tenantId, id);
}

/** Replaces a source's write key: the old key stops working (in every process within about a second, see `sourceVersion`). */
export async function rotateWriteKey(
  deps: Pick<InsightsDeps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
): Promise<Source> {
  requirePermission(actor, 'sources.manage');
  const now = deps.clock.now();
  const found = await deps.db.transaction(async (tx) => {
    // Touching the row first locks it, so two rotations in parallel leave one key, not two.
    if (!(await repo.updateSourceRow(tx, actor.tenantId, id, { updatedAt: now }))) return false;
    await repo.replaceWriteKey(tx, actor.tenantId, id, newWriteKey(), now);
    await repo.bumpSourceVersion(tx);
    return true;
  });
  if (!found) throw sourceNotFound(id);
  return getSource(deps, actor.tenantId, id);
}

/**
 * A source of the tenant by id or by exact name, for the CLI and the import (system one excluded);
 * throws not found.
 */
export async function getSourceByIdOrName(
  deps: Pick<InsightsDeps, 'db'>,
  tenantId: string,
  idOrName: string,
): Promise<Source & { ref: SourceRef }> {
  const row =
    (isUuid(idOrName) ? await repo.findSourceRow(deps.db, tenantId, idOrName) : undefined) ??
    (await repo.findSourceRowByName(deps.db, tenantId, idOrName));
  if (!row || row.kind === 'system') throw sourceNotFound(idOrName);
  return { ...toSource(row), ref: refOf(row) };
}

/**
 * The tenant's hidden `system` source (no write key), created on first use; safe to call from many
 * transactions at once (the unique name makes every later insert a no-op).
 */
export async function ensureSystemSource(db: Db, tenantId: string, now = new Date()): Promise<SourceRef> {
  const found = await repo.findSourceRowByName(db, tenantId, SYSTEM_SOURCE_NAME);
  if (found) return systemRefOf(found);
  await repo.insertSourceRow(db, {
    tenantId,
    id: newId(),
    name: SYSTEM_SOURCE_NAME,
    kind: 'system',
    createdAt: now,
    updatedAt: now,
  });
  const row = await repo.findSourceRowByName(db, tenantId, SYSTEM_SOURCE_NAME);
  if (!row) throw new Error(`ensureSystemSource: no system source for tenant ${tenantId}`);
  return systemRefOf(row);
}

function systemRefOf(row: repo.SourceRow): SourceRef {
  // The name is reserved for it, so only data written before that rule could trip this.
  if (row.kind !== 'system')
    throw new Error(`source "${SYSTEM_SOURCE_NAME}" of tenant ${row.tenantId} is not the system source`);
  return refOf(row);
}

async function getSource(deps: Pick<InsightsDeps, 'db'>, tenantId: string, id: string): Promise<Source> {
  const row = await repo.findSourceRow(deps.db, tenantId, id);
  if (!row || row.kind === 'system') throw sourceNotFound(id);
  return toSource(row);
}

function assertNameFree(name: string): void {
  if (name.trim().toLowerCase() === SYSTEM_SOURCE_NAME.toLowerCase()) throw sourceNameTaken(name);
}

function refOf(row: repo.SourceRow): SourceRef {
  return {
    tenantId: row.tenantId,
    sourceId: row.id,
    kind: row.kind as SourceKind,
    rateLimitPerSecond: row.rateLimitPerSecond,
  };
}

function toSource(row: repo.SourceRow): Source {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as Source['kind'],
    writeKey: row.writeKey ?? '',
    rateLimitPerSecond: row.rateLimitPerSecond,
    retentionDays: row.retentionDays,
    disabled: row.disabled,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Every source, of every tenant, that limits how long its events live (for retention). */
export async function listSourcesWithRetention(deps: Pick<InsightsDeps, 'db'>): Promise<RetentionSource[]> {
  return repo.listSourcesWithRetention(deps.db);
}
