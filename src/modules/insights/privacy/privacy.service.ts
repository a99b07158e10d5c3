/**
 * Personal-information requests (PIPL, GDPR): export everything Kehu holds about one person, and
 * erase it. A request names a person by any id (`resolvePerson`) or a CRM contact by its id; it
 * covers the person's merge cluster and the CRM contacts linked to it (through the `CrmLink` port).
 * Erasing keeps anonymised aggregates (event types, names, channels, times, amounts) and the CRM's
 * business records, and suppresses the erased identities so re-sent touchpoints are dropped.
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import { AppError } from '../../../platform/errors.js';
import { isUuid } from '../../../platform/ids.js';
import { recordAudit, type AuditContext } from '../../access/index.js';
import { listConsents } from '../consent/consent.service.js';
import type { InsightsDeps } from '../insights-deps.js';
import { SUPPRESSION_KINDS, type SuppressedIdentity } from '../suppression/suppression.contract.js';
import { suppressIdentities } from '../suppression/suppression.service.js';
import { resolvePerson } from '../timeline/person-view.service.js';
import {
  KEPT_EVENT_PROPERTIES,
  type EraseResult,
  type PersonExport,
  type Subject,
} from './privacy.contract.js';
import { subjectNotFound } from './privacy.errors.js';
import * as repo from './privacy.repository.js';

const distinct = (values: (string | null | undefined)[]): string[] => [
  ...new Set(values.filter((value): value is string => !!value)),
];

/** The persons (a cluster, or those linked to a contact, with their clusters) a ref names. */
async function personIdsOf(deps: InsightsDeps, actor: Actor, ref: string): Promise<string[]> {
  try {
    return (await resolvePerson(deps, actor, ref)).memberIds;
  } catch (error) {
    if (!(error instanceof AppError && error.kind === 'not_found')) throw error;
  }
  if (!isUuid(ref)) return [];
  const linked = await repo.listPersonIdsOfContact(deps.db, actor.tenantId, ref.toLowerCase());
  const clusters = await Promise.all(linked.map((id) => resolvePerson(deps, actor, id)));
  return distinct(clusters.flatMap((cluster) => cluster.memberIds));
}

/** Who `ref` names; throws `insights.privacy.subject_not_found` when nobody. */
export async function resolveSubject(deps: InsightsDeps, actor: Actor, ref: string): Promise<Subject> {
  requirePermission(actor, 'privacy.manage');
  const personIds = await personIdsOf(deps, actor, ref);
  const rows = personIds.length ? await repo.listPersonRecords(deps.db, actor.tenantId, personIds) : [];
  const crmPersonIds = distinct(rows.map((row) => row.crmPersonId));
  if (personIds.length === 0 && isUuid(ref)) {
    const contact = await deps.crm.exportContact?.(deps.db, actor.tenantId, ref.toLowerCase());
    if (contact) crmPersonIds.push(ref.toLowerCase());
  }
  if (personIds.length === 0 && crmPersonIds.length === 0) throw subjectNotFound(ref);
  return { ref, personIds, crmPersonIds };
}

/** Everything held about the person or contact `ref` names, as one document; audited. */
export async function exportPerson(
  deps: InsightsDeps,
  actor: Actor,
  ref: string,
  context: AuditContext = {},
): Promise<PersonExport> {
  const subject = await resolveSubject(deps, actor, ref);
  const { db } = deps;
  const ids = subject.personIds;
  const tenantId = actor.tenantId;
  const none = async () => [];
  const [consents, persons, identities, traitChanges, accounts, events] = await Promise.all([
    listConsents(db, tenantId, [...ids, ...subject.crmPersonIds]),
    ids.length ? repo.listPersonRecords(db, tenantId, ids) : none(),
    ids.length ? repo.listIdentityRecords(db, tenantId, ids) : none(),
    ids.length ? repo.listTraitChangeRecords(db, tenantId, ids) : none(),
    ids.length ? repo.listAccountRecords(db, tenantId, ids) : none(),
    ids.length ? repo.listEventRecords(db, tenantId, ids) : none(),
  ]);
  const crm = [];
  for (const id of subject.crmPersonIds) {
    const record = await deps.crm.exportContact?.(db, tenantId, id);
    if (record) crm.push(record);
  }
  await recordAudit(db, actor, 'privacy.person_exported', { subject }, { clock: deps.clock, ...context });
  return {
    format: 'kehu.person-export.v1',
    exportedAt: deps.clock.now().toISOString(),
    subject,
    persons,
    identities,
    traitChanges,
    accounts,
    events,
    crm,
    consents,
  };
}

/** The identities to suppress: the persons' ids and emails as stored (hashed on the way in). */
function suppressedOf(identities: repo.IdentityRecord[], persons: repo.PersonRecord[]): SuppressedIdentity[] {
  const kinds: readonly string[] = SUPPRESSION_KINDS;
  const found = identities
    .filter((identity) => kinds.includes(identity.kind))
    .map((identity) => ({ kind: identity.kind, value: identity.value }) as SuppressedIdentity);
  for (const person of persons) {
    if (person.userId) found.push({ kind: 'user_id', value: person.userId });
    if (person.emailKey) found.push({ kind: 'email', value: person.emailKey });
  }
  return found;
}

/** Erases the person or contact `ref` names (see the file's comment); audited. */
export async function erasePerson(
  deps: InsightsDeps,
  actor: Actor,
  ref: string,
  context: AuditContext = {},
): Promise<EraseResult> {
  const subject = await resolveSubject(deps, actor, ref);
  const ids = subject.personIds;
  const tenantId = actor.tenantId;
  const at = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    let eventsAnonymised = 0;
    let identitiesSuppressed = 0;
    if (ids.length > 0) {
      const identities = await repo.listIdentityRecords(tx, tenantId, ids);
      const persons = await repo.listPersonRecords(tx, tenantId, ids);
      identitiesSuppressed = await suppressIdentities(
        tx,
        tenantId,
        ids[0]!,
        suppressedOf(identities, persons),
        at,
      );
      eventsAnonymised = await repo.anonymiseEvents(tx, tenantId, ids, KEPT_EVENT_PROPERTIES);
      await repo.deleteIdentityRecords(tx, tenantId, ids);
      await repo.erasePersonFields(tx, tenantId, ids, at);
    }
    let contactsErased = 0;
    for (const id of subject.crmPersonIds) {
      if (await deps.crm.eraseContact?.(tx, tenantId, id, at)) contactsErased += 1;
    }
    const result = { subject, eventsAnonymised, identitiesSuppressed, contactsErased };
    await recordAudit(tx, actor, 'privacy.person_erased', result, { clock: deps.clock, ...context });
    return result;
  });
}
