/**
 * The CRM's side of touchpoint identity resolution (the insights `CrmLink` port, matched by shape):
 * map Segment group ids to customers, find contacts by key, join contacts to buying committees, and
 * the CRM's visibility checks for the timelines. Lookups are tenant-wide: touchpoints arrive
 * without a user, and a person's identity does not depend on who is looking.
 */
import type { Actor } from '../../../platform/auth/actor.js';
import { systemActor } from '../../access/index.js';
import type { Db } from '../../../platform/db/database.js';
import { isUuid } from '../../../platform/ids.js';
import type { SQL } from 'drizzle-orm';
import { customerNotFound } from '../customer/customer.errors.js';
import { visibleCustomerIds } from '../customer/customer-scope.contract.js';
import { customersOfContact } from '../contact/contact-scope.contract.js';
import { findCustomersByExternalKeys, findVisibleCustomer } from '../customer/customer-record.service.js';
import { emailKey } from '../matching/matching.contract.js';
import { phoneKey } from '../matching/matching.contract.js';
import { validateUscc } from '../matching/matching.contract.js';
import { contactNotFound } from '../contact/contact.errors.js';
import * as contacts from '../contact/contact-link.service.js';
import { findVisibleContact, newMemberRow, newContactRow } from '../contact/contact.service.js';
import { eraseContactRecord, exportContactRecord } from '../contact/contact-privacy.service.js';
import { listFollowUpsOfContact } from '../follow-up/follow-up.service.js';

/** What a contact may be found by; keys as `emailKey`/`phoneKey` make them. */
type ContactKeys = { externalId?: string; emailKey?: string; phoneKey?: string };
/** A contact found, with the accounts it belongs to. */
type ContactMatch = { crmPersonId: string; customerIds: string[] };
/** Contact details for a new contact. */
type ContactDraft = { name?: string; email?: string; phone?: string; title?: string; externalId?: string };

const distinct = (values: (string | undefined)[]): string[] => [
  ...new Set(values.filter((value): value is string => !!value)),
];

/** The customer of each group id that names one: by external id, else by USCC (oldest customer wins). */
async function findCustomersByGroupIds(
  db: Db,
  tenantId: string,
  groupIds: string[],
): Promise<Map<string, string>> {
  const usccOf = new Map(
    groupIds.map((groupId) => {
      const check = validateUscc(groupId);
      return [groupId, check.ok ? check.value : undefined] as const;
    }),
  );
  const rows = await findCustomersByExternalKeys(db, tenantId, {
    externalIds: distinct(groupIds),
    usccs: distinct([...usccOf.values()]),
  });
  const found = new Map<string, string>();
  for (const groupId of groupIds) {
    const uscc = usccOf.get(groupId);
    const match =
      rows.find((row) => row.externalId === groupId) ??
      (uscc ? rows.find((row) => row.uscc === uscc) : undefined);
    if (match) found.set(groupId, match.id);
  }
  return found;
}

/** For each entry of `keys`, the contact with that external id, else email key, else phone key. */
async function findContacts(
  db: Db,
  tenantId: string,
  keys: ContactKeys[],
): Promise<(ContactMatch | undefined)[]> {
  const rows = await contacts.findContactsByKeys(db, tenantId, {
    externalIds: distinct(keys.map((key) => key.externalId)),
    emailKeys: distinct(keys.map((key) => key.emailKey)),
    phoneKeys: distinct(keys.map((key) => key.phoneKey)),
  });
  // Rows come oldest first: the first contact holding a key is the one that key finds.
  const by = (pick: (row: contacts.ContactKeyRow) => string | null) => {
    const index = new Map<string, contacts.ContactKeyRow>();
    for (const row of rows) {
      const value = pick(row);
      if (value && !index.has(value)) index.set(value, row);
    }
    return index;
  };
  const [byExternalId, byEmail, byPhone] = [
    by((r) => r.externalId),
    by((r) => r.emailKey),
    by((r) => r.phoneKey),
  ];
  return keys.map((key) => {
    const row =
      (key.externalId ? byExternalId.get(key.externalId) : undefined) ??
      (key.emailKey ? byEmail.get(key.emailKey) : undefined) ??
      (key.phoneKey ? byPhone.get(key.phoneKey) : undefined);
    return row && { crmPersonId: row.id, customerIds: row.customerIds };
  });
}

/** The contact for `draft`: the one holding its external id, else a new one (safe against a concurrent twin). */
async function contactFromDraft(db: Db, tenantId: string, draft: ContactDraft, at: Date): Promise<string> {
  if (draft.externalId) {
    const existing = await contacts.findContactByExternalId(db, tenantId, draft.externalId);
    if (existing) return existing;
  }
  const name = draft.name ?? draft.email ?? draft.phone ?? draft.externalId ?? 'Unknown';
  const row = newContactRow(systemActor(tenantId, ''), { ...draft, name }, at);
  if (await contacts.insertContactUnlessTaken(db, row)) return row.id;
  // Another transaction created the contact with this external id between the look-up and the insert.
  return (await contacts.findContactByExternalId(db, tenantId, draft.externalId!))!;
}

/** The CRM functions insights reaches through the composition root. */
export const crmLink = {
  findCustomersByGroupIds,
  async findCustomerByGroupId(db: Db, tenantId: string, groupId: string): Promise<string | undefined> {
    return (await findCustomersByGroupIds(db, tenantId, [groupId])).get(groupId);
  },
  findContacts,
  async findContact(db: Db, tenantId: string, keys: ContactKeys): Promise<ContactMatch | undefined> {
    return (await findContacts(db, tenantId, [keys]))[0];
  },
  /** Seats the contact (created from `draft` when no id is given) on the account's committee as a user. */
  async joinCommittee(
    db: Db,
    tenantId: string,
    input: { customerId: string; crmPersonId?: string; draft?: ContactDraft },
  ): Promise<string> {
    const at = new Date();
    const crmPersonId = input.crmPersonId ?? (await contactFromDraft(db, tenantId, input.draft ?? {}, at));
    await contacts.addSeatUnlessMember(
      db,
      newMemberRow(tenantId, input.customerId, crmPersonId, { role: 'user', department: 'other' }, at),
    );
    return crmPersonId;
  },
  /** Throws the CRM's not-found error unless the actor's scope shows this customer (own, team or pool). */
  async assertCustomerVisible(db: Db, actor: Actor, customerId: string): Promise<void> {
    if (!isUuid(customerId) || !(await findVisibleCustomer(db, actor, customerId))) {
      throw customerNotFound(customerId);
    }
  },
  /** The customers the actor may see and a contact's accounts, as SQL; undefined for scope `all`. */
  personScope(
    actor: Actor,
  ): { visibleCustomerIds: SQL; customersOfContact(crmPersonId: SQL): SQL } | undefined {
    const visible = visibleCustomerIds(actor);
    return (
      visible && {
        visibleCustomerIds: visible,
        customersOfContact: (crmPersonId: SQL) => customersOfContact(actor.tenantId, crmPersonId),
      }
    );
  },
  /** Throws the CRM's not-found error unless the actor may see this contact (through its accounts). */
  async assertContactExists(db: Db, actor: Actor, crmPersonId: string): Promise<void> {
    if (!isUuid(crmPersonId) || !(await findVisibleContact(db, actor, crmPersonId))) {
      throw contactNotFound(crmPersonId);
    }
  },
  /** The contact's record, committee seats and follow-ups (personal-information export). */
  async exportContact(db: Db, tenantId: string, crmPersonId: string) {
    const record = isUuid(crmPersonId) ? await exportContactRecord(db, tenantId, crmPersonId) : undefined;
    if (!record) return undefined;
    return { ...record, followUps: await listFollowUpsOfContact(db, tenantId, crmPersonId) };
  },
  /** Erases the contact's personal fields; its seats and follow-ups stay as business records. */
  eraseContact: (db: Db, tenantId: string, crmPersonId: string, at: Date): Promise<boolean> =>
    isUuid(crmPersonId) ? eraseContactRecord(db, tenantId, crmPersonId, at) : Promise.resolve(false),
  phoneKey: (raw: string): string | undefined => phoneKey(raw),
  emailKey: (raw: string): string | undefined => emailKey(raw),
};
