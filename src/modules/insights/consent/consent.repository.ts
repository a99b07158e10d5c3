/** Queries of consent records. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { consents } from './consent.table.js';

export type ConsentRow = typeof consents.$inferSelect;

/** Appends one record. */
export async function insertConsent(db: Db, row: ConsentRow): Promise<void> {
  await db.insert(consents).values(row);
}

/** Every record of the subjects, oldest first. */
export async function listConsentRows(db: Db, tenantId: string, subjectIds: string[]): Promise<ConsentRow[]> {
  if (subjectIds.length === 0) return [];
  return db
    .select()
    .from(consents)
    .where(and(eq(consents.tenantId, tenantId), inArray(consents.subjectId, subjectIds)))
    .orderBy(asc(consents.at), asc(consents.id));
}
