/**
 * Tenant removal (issue 15): an admin schedules it, it waits a grace period (cancellable), then a
 * periodic job writes a final export of the tenant and deletes every row of it. Audited: scheduling
 * and cancelling in the tenant's log; the removal itself by the entry written after the rows went
 * (the one trace left in the database, with `tenant_removals`).
 */
import path from 'node:path';
import { DAY_MS, HOUR_MS, type Clock } from '../platform/clock.js';
import { requirePermission, type Actor } from '../platform/auth/actor.js';
import type { Db } from '../platform/db/database.js';
import { deleteTenantRows, exportTenantArchive } from '../platform/db/tenant-archive.js';
import * as repo from '../platform/db/tenant-removal.repository.js';
import type { Job, JobLogger } from '../platform/jobs/scheduler.js';
import { recordAudit, systemActor, type AuditContext } from '../modules/access/index.js';
import { TENANT_GLOBAL_TABLES } from './tenant-archive.js';

/**
 * Days between scheduling a removal and carrying it out when the configuration names none
 * (`KEHU_TENANT_REMOVAL_GRACE_DAYS`); a request may name more, never less.
 */
export const TENANT_REMOVAL_GRACE_DAYS = 30;

/** A removal as the API answers it (null: none scheduled). */
export type TenantRemoval = { requestedAt: string; dueAt: string; doneAt: string | null } | null;

const toRemoval = (row: repo.TenantRemovalRow | undefined): TenantRemoval =>
  row
    ? {
        requestedAt: row.requestedAt.toISOString(),
        dueAt: row.dueAt.toISOString(),
        doneAt: row.doneAt?.toISOString() ?? null,
      }
    : null;

/** `graceDays`: the configured grace period (default `TENANT_REMOVAL_GRACE_DAYS`). */
type Deps = { db: Db; clock: Clock; graceDays?: number };

/** The removal of the actor's tenant, if scheduled. */
export async function getTenantRemoval(deps: Deps, actor: Actor): Promise<TenantRemoval> {
  requirePermission(actor, 'privacy.manage');
  return toRemoval(await repo.findTenantRemoval(deps.db, actor.tenantId));
}

/**
 * Schedules the removal of the actor's tenant `graceDays` from now, never sooner than the configured
 * grace period (a shorter request gets the configured one); audited.
 */
export async function scheduleTenantRemoval(
  deps: Deps,
  actor: Actor,
  graceDays?: number,
  context: AuditContext = {},
): Promise<TenantRemoval> {
  requirePermission(actor, 'privacy.manage');
  const now = deps.clock.now();
  const configured = deps.graceDays ?? TENANT_REMOVAL_GRACE_DAYS;
  const dueAt = new Date(now.getTime() + Math.max(graceDays ?? configured, configured) * DAY_MS);
  const row = await repo.upsertTenantRemoval(deps.db, {
    id: actor.tenantId,
    requestedAt: now,
    requestedBy: actor.userId,
    dueAt,
    doneAt: null,
    finalExport: null,
  });
  await recordAudit(
    deps.db,
    actor,
    'tenant.removal_scheduled',
    { dueAt: row.dueAt.toISOString() },
    { clock: deps.clock, ...context },
  );
  return toRemoval(row);
}

/** Cancels a pending removal; audited. True when one was pending. */
export async function cancelTenantRemoval(
  deps: Deps,
  actor: Actor,
  context: AuditContext = {},
): Promise<boolean> {
  requirePermission(actor, 'privacy.manage');
  const cancelled = await repo.deletePendingTenantRemoval(deps.db, actor.tenantId);
  if (cancelled)
    await recordAudit(deps.db, actor, 'tenant.removal_cancelled', {}, { clock: deps.clock, ...context });
  return cancelled;
}

/** Carries out the removals due now: final export into `exportDir`, then every row goes. */
export async function runDueTenantRemovals(deps: Deps & { exportDir: string }): Promise<string[]> {
  const now = deps.clock.now();
  const done: string[] = [];
  for (const due of await repo.listDueTenantRemovals(deps.db, now)) {
    const dir = path.join(deps.exportDir, `tenant-${due.id}-${now.toISOString().replace(/[:.]/g, '-')}`);
    const manifest = await exportTenantArchive(deps.db, due.id, dir, {
      extraTables: TENANT_GLOBAL_TABLES,
      now,
    });
    const deleted = await deleteTenantRows(deps.db, due.id, TENANT_GLOBAL_TABLES);
    await repo.markTenantRemovalDone(deps.db, due.id, now, dir);
    const rows = Object.values(deleted).reduce((sum, n) => sum + n, 0);
    await recordAudit(
      deps.db,
      systemActor(due.id, ''),
      'tenant.removed',
      { finalExport: dir, rows, exported: Object.keys(manifest.tables).length },
      { clock: deps.clock },
    );
    done.push(due.id);
  }
  return done;
}

/** Looks for due removals hourly. */
export function tenantRemovalJob(deps: Deps & { exportDir: string }, logger: JobLogger): Job {
  return {
    name: 'app.tenant_removal',
    everyMs: HOUR_MS,
    run: async () => {
      const removed = await runDueTenantRemovals(deps);
      if (removed.length > 0) logger.info({ tenants: removed }, 'tenants removed after their grace period');
    },
  };
}
