/**
 * What insights needs from the CRM, as a port: insights never imports the crm context (it consumes
 * domain events), so the composition root passes the CRM's implementation in. Every method takes
 * the `db` to run on, which is the caller's open transaction when there is one.
 */
import type { Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import type { SQL } from 'drizzle-orm';

/** A CRM contact found for a person, with the accounts it belongs to. */
export type CrmContactMatch = { crmPersonId: string; customerIds: string[] };

/** Contact details to create a CRM contact from, when a known person joins an account. */
export type CrmContactDraft = {
  name?: string;
  email?: string;
  phone?: string;
  title?: string;
  externalId?: string;
};

/** What a contact may be found by (`findContacts`); keys as `emailKey`/`phoneKey` make them. */
export type CrmContactKeys = { externalId?: string; emailKey?: string; phoneKey?: string };

/**
 * How the CRM scopes persons, as SQL for insights' own statements: a person is visible when it acts
 * for no account (no `person_accounts` row and not a contact on any committee) or for at least one
 * account of `visibleCustomerIds`.
 */
export type CrmPersonScope = {
  /** Subquery of the ids of the customers the actor may see. */
  visibleCustomerIds: SQL;
  /** Subquery of the customer ids of the committees a contact (`crmPersonId`, an SQL expression) sits on. */
  customersOfContact(crmPersonId: SQL): SQL;
};

/** What the CRM holds about one contact, for a personal-information export. */
export type CrmContactExport = {
  contact: Record<string, unknown>;
  committeeSeats: Record<string, unknown>[];
  followUps: unknown[];
};

/** The CRM's side of identity resolution and timelines. */
export type CrmLink = {
  /** The customer a Segment `groupId` names: by the customer's external id, else by USCC. */
  findCustomerByGroupId(db: Db, tenantId: string, groupId: string): Promise<string | undefined>;
  /** The CRM contact with this external id, else email, else phone (keys as `emailKey`/`phoneKey` make them). */
  findContact(
    db: Db,
    tenantId: string,
    keys: { externalId?: string; emailKey?: string; phoneKey?: string },
  ): Promise<CrmContactMatch | undefined>;
  /**
   * Puts a contact into an account's buying committee (role `user` unless already a member) and
   * answers its id; creates the contact from `draft` when `crmPersonId` is absent.
   */
  joinCommittee(
    db: Db,
    tenantId: string,
    input: { customerId: string; crmPersonId?: string; draft?: CrmContactDraft },
  ): Promise<string>;
  /** Throws the CRM's not-found error unless the actor may see this customer. */
  assertCustomerVisible(db: Db, actor: Actor, customerId: string): Promise<void>;
  /** The actor's CRM scope over persons; undefined when the actor sees every customer (scope `all`). */
  personScope(actor: Actor): CrmPersonScope | undefined;
  /** Throws the CRM's not-found error unless this contact exists in the actor's tenant. */
  assertContactExists(db: Db, actor: Actor, crmPersonId: string): Promise<void>;
  /**
   * Optional bulk form of `findContact`, one answer per entry of `keys` in the same order, so a
   * batch of new persons costs one query; identity resolution falls back to `findContact`.
   */
  findContacts?(db: Db, tenantId: string, keys: CrmContactKeys[]): Promise<(CrmContactMatch | undefined)[]>;
  /**
   * Optional bulk form of `findCustomerByGroupId`: the customer of each group id that names one;
   * identity resolution falls back to `findCustomerByGroupId`.
   */
  findCustomersByGroupIds?(db: Db, tenantId: string, groupIds: string[]): Promise<Map<string, string>>;
  /**
   * Optional (personal-information requests): the contact's record as stored, its committee seats
   * and the follow-ups with it; undefined when there is no such contact.
   */
  exportContact?(db: Db, tenantId: string, crmPersonId: string): Promise<CrmContactExport | undefined>;
  /** Optional: erases the contact's personal fields, keeping its business records; false when absent. */
  eraseContact?(db: Db, tenantId: string, crmPersonId: string, at: Date): Promise<boolean>;
  /** The CRM's phone normalisation (E.164), or undefined when it is not a phone number. */
  phoneKey(raw: string): string | undefined;
  /** The CRM's email normalisation, or undefined when it is not an email address. */
  emailKey(raw: string): string | undefined;
};
