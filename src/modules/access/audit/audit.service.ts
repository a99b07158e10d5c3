/**
 * Recording and reading the audit log. `recordAudit` is the one writer: access records sign-ins,
 * users, invitations and API keys; other contexts call it through access's index (exports, merges,
 * settings changes).
 */
import { DAY_MS, type Clock } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Job } from '../../../platform/jobs/scheduler.js';
import { AUDIT_RETENTION_DAYS, type AuditPage, type AuditQuery } from './audit.contract.js';
import * as repo from './audit.repository.js';

/** Who acted: an actor, or for sign-in failures the tenant alone (nobody is signed in). */
export type AuditActor = Pick<Actor, 'tenantId' | 'userId' | 'via'> | { tenantId: string; anonymous: true };

/** Where and when: the request's address; the time from the clock when given. */
export type AuditContext = { address?: string | undefined; clock?: Clock };

/** Records one action, e.g. `recordAudit(db, actor, 'apikey.revoked', { id }, { address })`. */
export async function recordAudit(
  db: Db,
  actor: AuditActor,
  action: string,
  details: Record<string, unknown> = {},
  context: AuditContext = {},
): Promise<void> {
  await repo.insertAuditEntries(db, [
    {
      tenantId: actor.tenantId,
      id: newId(),
      at: context.clock?.now() ?? new Date(),
      actorUserId: 'anonymous' in actor ? null : actor.userId,
      actorKind: 'anonymous' in actor ? 'anonymous' : actor.via,
      action,
      address: context.address ?? null,
      details,
    },
  ]);
}

/** A page of the actor's tenant's audit log, newest first (admins). */
export async function listAuditLog(db: Db, actor: Actor, query: AuditQuery): Promise<AuditPage> {
  requirePermission(actor, 'audit.read');
  const rows = await repo.listAuditEntries(db, actor.tenantId, {
    action: query.action,
    actorUserId: query.actorUserId,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    before: query.cursor,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorUserId: r.actorUserId,
      actorKind: r.actorKind,
      action: r.action,
      address: r.address,
      details: r.details,
    })),
    nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

/** Deletes audit entries past their retention, daily. */
export function auditRetentionJob(deps: { db: Db; clock: Clock }): Job {
  return {
    name: 'access.audit_retention',
    everyMs: DAY_MS,
    run: async () => {
      await repo.deleteAuditEntriesBefore(
        deps.db,
        new Date(deps.clock.now().getTime() - AUDIT_RETENTION_DAYS * DAY_MS),
      );
    },
  };
}
