/**
 * What the touchpoints link needs of contacts: finding them by external id, email key or phone key
 * (with the accounts they sit on), and writes that tolerate a concurrent identical one, since
 * touchpoints of one person may arrive at once. Tenant-wide: touchpoints arrive without a user.
 */
import type { Db } from '../../../platform/db/database.js';
import * as members from './account-member.repository.js';
import * as repo from './contact.repository.js';

export type { ContactKeyRow } from './contact.repository.js';

/** Contacts having any of these external ids, email keys or phone keys, oldest first, with their accounts. */
export async function findContactsByKeys(
  db: Db,
  tenantId: string,
  keys: { externalIds: string[]; emailKeys: string[]; phoneKeys: string[] },
): Promise<repo.ContactKeyRow[]> {
  return repo.findContactsByKeys(db, tenantId, keys);
}

/** The id of the contact with this external id, if any. */
export async function findContactByExternalId(
  db: Db,
  tenantId: string,
  externalId: string,
): Promise<string | undefined> {
  return repo.findContactByExternalId(db, tenantId, externalId);
}

/** Inserts a contact unless its external id is taken; answers whether it was inserted. */
export async function insertContactUnlessTaken(db: Db, row: repo.NewContactRow): Promise<boolean> {
  return repo.insertContactUnlessTaken(db, row);
}

/** Adds a committee seat unless the contact has one on that account already. */
export async function addSeatUnlessMember(db: Db, row: repo.NewMemberRow): Promise<void> {
  await members.insertSeatUnlessMember(db, row);
}
