/**
 * Queries of personal-information requests on one contact: the whole record with its committee
 * seats, tenant-wide (an admin's request is not scoped by accounts), and erasing its personal fields.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { accountMembers, people } from './contact.table.js';

/** The contact's row as stored, or undefined. */
export async function findContactRecord(
  db: Db,
  tenantId: string,
  id: string,
): Promise<typeof people.$inferSelect | undefined> {
  const [row] = await db
    .select()
    .from(people)
    .where(and(eq(people.tenantId, tenantId), eq(people.id, id)));
  return row;
}

/** The contact's seats in buying committees. */
export async function listSeatsOfContact(
  db: Db,
  tenantId: string,
  id: string,
): Promise<(typeof accountMembers.$inferSelect)[]> {
  return db
    .select()
    .from(accountMembers)
    .where(and(eq(accountMembers.tenantId, tenantId), eq(accountMembers.personId, id)))
    .orderBy(accountMembers.customerId);
}

/** Blanks the contact's personal fields (the row and its seats stay, for the accounts' history). */
export async function eraseContactFields(
  db: Db,
  tenantId: string,
  id: string,
  name: string,
  at: Date,
): Promise<boolean> {
  const rows = await db
    .update(people)
    .set({
      name,
      title: null,
      phone: null,
      email: null,
      wechatId: null,
      externalId: null,
      notes: null,
      phoneKey: null,
      emailKey: null,
      updatedAt: at,
    })
    .where(and(eq(people.tenantId, tenantId), eq(people.id, id)))
    .returning({ id: people.id });
  return rows.length > 0;
}
