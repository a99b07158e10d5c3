/**
 * Consent records per person and purpose (marketing, analytics). A subject is a CDP person or a CRM
 * contact, by id; the newest record of a purpose is in force, and no record means not granted.
 * Recording is audited. Consumers ask a `consentFilter` (or `consentedSubjects`) before using a
 * person for a purpose.
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { recordAudit, type AuditContext } from '../../access/index.js';
import type { InsightsDeps } from '../insights-deps.js';
import {
  excludedSubjects,
  isGranted,
  type Consent,
  type ConsentFilter,
  type ConsentPurpose,
  type ConsentRule,
  type ConsentState,
  type RecordConsentInput,
} from './consent.contract.js';
import * as repo from './consent.repository.js';

const toConsent = (row: repo.ConsentRow): Consent => ({
  id: row.id,
  subjectId: row.subjectId,
  purpose: row.purpose as ConsentPurpose,
  status: row.status as Consent['status'],
  source: row.source,
  at: row.at.toISOString(),
  recordedBy: row.recordedBy,
});

/** Every consent record of the subjects, oldest first (person export). */
export async function listConsents(db: Db, tenantId: string, subjectIds: string[]): Promise<Consent[]> {
  return (await repo.listConsentRows(db, tenantId, subjectIds)).map(toConsent);
}

/** A subject's consents in force and their history (permission `privacy.manage`). */
export async function getConsents(
  deps: InsightsDeps,
  actor: Actor,
  subjectId: string,
): Promise<ConsentState> {
  requirePermission(actor, 'privacy.manage');
  const history = await listConsents(deps.db, actor.tenantId, [subjectId]);
  const current = (purpose: ConsentPurpose) => history.filter((c) => c.purpose === purpose).at(-1) ?? null;
  return {
    subjectId,
    current: { marketing: current('marketing'), analytics: current('analytics') },
    history,
  };
}

/** Records a grant or withdrawal; audited. */
export async function recordConsent(
  deps: InsightsDeps,
  actor: Actor,
  target: { subjectId: string; purpose: ConsentPurpose },
  input: RecordConsentInput,
  context: AuditContext = {},
): Promise<ConsentState> {
  requirePermission(actor, 'privacy.manage');
  const row = {
    tenantId: actor.tenantId,
    id: newId(),
    subjectId: target.subjectId,
    purpose: target.purpose,
    status: input.status,
    source: input.source,
    at: input.at ? new Date(input.at) : deps.clock.now(),
    recordedBy: actor.userId,
  };
  await deps.db.transaction(async (tx) => {
    await repo.insertConsent(tx, row);
    await recordAudit(
      tx,
      actor,
      `privacy.consent_${input.status}`,
      { ...target, source: input.source },
      {
        clock: deps.clock,
        ...context,
      },
    );
  });
  return getConsents(deps, actor, target.subjectId);
}

/** Which of `subjectIds` have granted `purpose` (newest record grants it). */
export async function consentedSubjects(
  db: Db,
  tenantId: string,
  subjectIds: string[],
  purpose: ConsentPurpose,
): Promise<Set<string>> {
  const rows = await listConsents(db, tenantId, subjectIds);
  return new Set(
    subjectIds.filter((id) =>
      isGranted(
        rows.filter((row) => row.subjectId === id),
        purpose,
      ),
    ),
  );
}

/**
 * The consent port of a purpose and rule: which subjects of a page to leave out. Other contexts get
 * it from the composition root; segments and campaigns use it the same way.
 */
export function consentFilter(purpose: ConsentPurpose, rule: ConsentRule): ConsentFilter {
  return {
    purpose,
    rule,
    async excluded(db, tenantId, subjectIds) {
      const records = await listConsents(db, tenantId, [...new Set(subjectIds)]);
      return excludedSubjects(records, subjectIds, purpose, rule);
    },
  };
}
