/**
 * Test fixtures for ingest: messages with defaults, a source, and an in-memory CRM behind the
 * `CrmLink` port (insights tests may not import the crm context; the real link is tested in
 * crm/touchpoint-link). Used only by tests.
 */
import { fixedClock } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import type { CrmContactDraft, CrmContactKeys, CrmLink } from '../identity/crm-link.contract.js';
import type { InsightsDeps } from '../insights-deps.js';
import { createIngestRuntime, type IngestRuntime } from './ingest-runtime.service.js';
import type { SourceRef, TouchpointMessage } from '../message/message.contract.js';

let seq = 0;

/** A message with defaults (a `track` of `Viewed` at 2026-03-01 08:00 UTC), overridden by `fields`. */
export function message(fields: Partial<TouchpointMessage> = {}): TouchpointMessage {
  return {
    type: 'track',
    messageId: `m-${Date.now().toString(36)}-${seq++}`,
    userId: null,
    anonymousId: null,
    event: fields.type && fields.type !== 'track' ? null : 'Viewed',
    groupId: null,
    previousId: null,
    timestamp: new Date('2026-03-01T08:00:00Z'),
    originalTimestamp: null,
    sentAt: null,
    properties: {},
    traits: null,
    context: null,
    ...fields,
  };
}

/** A web source of `tenantId` (the sources table is not needed to store events). */
export const webSource = (tenantId: string): SourceRef => ({
  tenantId,
  sourceId: newId(),
  kind: 'web',
  rateLimitPerSecond: 2000,
});

/** A contact of the fake CRM. */
export type FakeContact = CrmContactDraft & {
  id: string;
  emailKey?: string;
  phoneKey?: string;
  customerIds: string[];
};

/** An in-memory CRM: contacts, group ids of customers, and the committee seats asked for. */
export function fakeCrm() {
  const contacts: FakeContact[] = [];
  const groups = new Map<string, string>();
  const seats: { customerId: string; crmPersonId: string; created: boolean }[] = [];
  const emailKey = (raw: string) =>
    /^\S+@\S+\.\S+$/.test(raw.trim()) ? raw.trim().toLowerCase() : undefined;
  const phoneKey = (raw: string) => {
    const digits = raw.replace(/\D/g, '').replace(/^86/, '');
    return digits.length === 11 ? `+86${digits}` : undefined;
  };
  const findContact = async (_db: Db, _tenantId: string, keys: CrmContactKeys) => {
    const hit =
      contacts.find((c) => keys.externalId && c.externalId === keys.externalId) ??
      contacts.find((c) => keys.emailKey && c.emailKey === keys.emailKey) ??
      contacts.find((c) => keys.phoneKey && c.phoneKey === keys.phoneKey);
    return hit && { crmPersonId: hit.id, customerIds: [...hit.customerIds] };
  };
  const addContact = (draft: CrmContactDraft & { customerIds?: string[] }): FakeContact => {
    const contact: FakeContact = {
      ...draft,
      id: newId(),
      emailKey: draft.email ? emailKey(draft.email) : undefined,
      phoneKey: draft.phone ? phoneKey(draft.phone) : undefined,
      customerIds: draft.customerIds ?? [],
    };
    contacts.push(contact);
    return contact;
  };
  const link: CrmLink = {
    findCustomerByGroupId: async (_db, _tenantId, groupId) => groups.get(groupId),
    findContact,
    async joinCommittee(_db, _tenantId, input) {
      const contact = input.crmPersonId ? undefined : addContact(input.draft ?? {});
      const crmPersonId = input.crmPersonId ?? contact!.id;
      seats.push({ customerId: input.customerId, crmPersonId, created: contact !== undefined });
      return crmPersonId;
    },
    assertCustomerVisible: async () => undefined,
    assertContactExists: async () => undefined,
    personScope: () => undefined,
    emailKey,
    phoneKey,
  };
  return { link, contacts, groups, seats, addContact };
}

const runtimes = new WeakMap<Db, IngestRuntime>();

/** The ingest runtime of test database `db`: one per database, as the server makes one per process. */
export function ingestRuntimeOf(db: Db): IngestRuntime {
  let runtime = runtimes.get(db);
  if (!runtime) runtimes.set(db, (runtime = createIngestRuntime(db)));
  return runtime;
}

/** Insights deps on `db` with the fake CRM, a fixed clock and the database's ingest runtime. */
export function ingestDeps(db: Db, crm: CrmLink = fakeCrm().link): InsightsDeps {
  return { db, clock: fixedClock('2026-03-02T00:00:00Z'), crm, ingest: ingestRuntimeOf(db) };
}
