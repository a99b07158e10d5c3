/**
 * The customers recall looks at: owned ones due for recall or near it, found by set-based queries on
 * the customer's recall clock, and the note that their owners were warned. The recall rules (cutoffs
 * per intent tier, exemptions) come from crm/assignment; moving customers is ownership.service.ts.
 */
import type { Db } from '../../../platform/db/database.js';
import * as repo from './recall.repository.js';

export type { Page, RecallCandidate, RecallExemptions, TierCutoffs } from './recall.repository.js';

/** A page of customers due for recall; with `lock` they stay locked and rows being moved are skipped. */
export async function listDueForRecall(
  db: Db,
  tenantId: string,
  rule: { due: repo.TierCutoffs; exempt: repo.RecallExemptions },
  page: repo.Page,
  lock: boolean,
): Promise<repo.RecallCandidate[]> {
  return repo.listDueForRecall(db, tenantId, rule, page, lock);
}

/** A page of customers inside the warning window, not yet due, whose owner was not warned since. */
export async function listWarnable(
  db: Db,
  tenantId: string,
  rule: { warn: repo.TierCutoffs; due: repo.TierCutoffs; exempt: repo.RecallExemptions },
  page: repo.Page,
  lock: boolean,
): Promise<repo.RecallCandidate[]> {
  return repo.listWarnable(db, tenantId, rule, page, lock);
}

/** Notes that the owners of these customers were warned now. */
export async function markRecallWarned(db: Db, tenantId: string, ids: string[], now: Date): Promise<void> {
  await repo.markRecallWarned(db, tenantId, ids, now);
}

/** The user's customers inside the warning window or past due, the soonest first. */
export async function listOwnedNearRecall(
  db: Db,
  tenantId: string,
  userId: string,
  rule: { warn: repo.TierCutoffs; exempt: repo.RecallExemptions },
  limit: number,
): Promise<repo.RecallCandidate[]> {
  return repo.listOwnedNearRecall(db, tenantId, userId, rule, limit);
}
