/**
 * Personal-information requests on a contact (the CRM half; insights asks through its `CrmLink`
 * port): the stored record with its committee seats, and erasing its personal fields.
 */
import type { Db } from '../../../platform/db/database.js';
import * as repo from './contact-privacy.repository.js';

/** The name an erased contact keeps. */
export const ERASED_NAME = '(erased)';

/** A contact's record and committee seats as stored, or undefined when there is no such contact. */
export async function exportContactRecord(
  db: Db,
  tenantId: string,
  id: string,
): Promise<{ contact: Record<string, unknown>; committeeSeats: Record<string, unknown>[] } | undefined> {
  const contact = await repo.findContactRecord(db, tenantId, id);
  if (!contact) return undefined;
  const seats = await repo.listSeatsOfContact(db, tenantId, id);
  return { contact, committeeSeats: seats };
}

/** Erases the contact's name, phone, email, WeChat id, external id and notes; false when absent. */
export async function eraseContactRecord(db: Db, tenantId: string, id: string, at: Date): Promise<boolean> {
  return repo.eraseContactFields(db, tenantId, id, ERASED_NAME, at);
}
