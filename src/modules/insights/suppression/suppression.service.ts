/**
 * The suppression list: identities of erased persons, by hash. `dropSuppressed` runs before a batch
 * is stored, so a re-sent touchpoint of an erased identity is dropped, and counted, as Segment's
 * suppression does. `suppressIdentities` is called by the erase (privacy feature).
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import type { TouchpointMessage } from '../message/message.contract.js';
import {
  suppressionHash,
  type SuppressedIdentity,
  type SuppressionKind,
  type SuppressionList,
} from './suppression.contract.js';
import * as repo from './suppression.repository.js';

/** The most entries `GET /api/suppressions` answers. */
const MAX_LISTED = 1000;

/** Adds the identities of an erased person to the tenant's suppression list (hashes only). */
export async function suppressIdentities(
  db: Db,
  tenantId: string,
  personId: string | null,
  identities: SuppressedIdentity[],
  at: Date,
): Promise<number> {
  const byHash = new Map(identities.map((identity) => [suppressionHash(tenantId, identity), identity]));
  const rows = [...byHash].map(([valueHash, identity]) => ({
    tenantId,
    kind: identity.kind,
    valueHash,
    personId,
    createdAt: at,
  }));
  await repo.insertSuppressions(db, rows);
  return rows.length;
}

/** The identities a message names: its user id, anonymous id, alias's previous id, email trait. */
function identitiesOf(
  message: TouchpointMessage,
  emailKey: (raw: string) => string | undefined,
): SuppressedIdentity[] {
  const found: SuppressedIdentity[] = [];
  const add = (kind: SuppressionKind, value: string | null | undefined) => {
    if (value) found.push({ kind, value });
  };
  add('user_id', message.userId);
  add('anonymous_id', message.anonymousId);
  add('user_id', message.previousId);
  add('anonymous_id', message.previousId);
  const email = message.traits?.['email'];
  if (typeof email === 'string') add('email', emailKey(email));
  return found;
}

/**
 * The messages of `messages` that name no suppressed identity; the others are dropped and counted
 * on the entries that matched. One indexed look-up per batch; a second statement only on drops.
 */
export async function dropSuppressed(
  db: Db,
  tenantId: string,
  messages: TouchpointMessage[],
  options: { emailKey: (raw: string) => string | undefined; at: Date },
): Promise<{ kept: TouchpointMessage[]; dropped: number }> {
  const hashesOf = messages.map((message) =>
    identitiesOf(message, options.emailKey).map((identity) => suppressionHash(tenantId, identity)),
  );
  const all = [...new Set(hashesOf.flat())];
  if (all.length === 0) return { kept: messages, dropped: 0 };
  const suppressed = new Set(await repo.findSuppressedHashes(db, tenantId, all));
  if (suppressed.size === 0) return { kept: messages, dropped: 0 };
  const drops = new Map<string, number>();
  const kept = messages.filter((_message, index) => {
    const hit = (hashesOf[index] ?? []).find((hash) => suppressed.has(hash));
    if (hit !== undefined) drops.set(hit, (drops.get(hit) ?? 0) + 1);
    return hit === undefined;
  });
  await repo.countDrops(
    db,
    tenantId,
    [...drops].map(([valueHash, count]) => ({ valueHash, count })),
    options.at,
  );
  return { kept, dropped: messages.length - kept.length };
}

/** The tenant's suppression list with drop counts (permission `privacy.manage`). */
export async function listSuppressions(db: Db, actor: Actor): Promise<SuppressionList> {
  requirePermission(actor, 'privacy.manage');
  const rows = await repo.listSuppressionRows(db, actor.tenantId, MAX_LISTED);
  return {
    items: rows.map((row) => ({
      kind: row.kind as SuppressionKind,
      valueHash: row.valueHash,
      personId: row.personId,
      createdAt: row.createdAt.toISOString(),
      droppedCount: row.droppedCount,
      lastDroppedAt: row.lastDroppedAt?.toISOString() ?? null,
    })),
    droppedTotal: rows.reduce((sum, row) => sum + row.droppedCount, 0),
  };
}
