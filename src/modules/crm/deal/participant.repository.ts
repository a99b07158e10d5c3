/** Queries of deal participants: people on one deal's buying committee. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { dealParticipants } from './deal.table.js';

export type ParticipantRow = typeof dealParticipants.$inferSelect;

/** A deal's participants in the order they joined. */
export async function listParticipantRows(
  db: Db,
  tenantId: string,
  dealId: string,
): Promise<ParticipantRow[]> {
  return db
    .select()
    .from(dealParticipants)
    .where(and(eq(dealParticipants.tenantId, tenantId), eq(dealParticipants.dealId, dealId)))
    .orderBy(asc(dealParticipants.updatedAt), asc(dealParticipants.personId));
}

/** Adds a participant or replaces their roles, department and stance. */
export async function upsertParticipant(db: Db, row: ParticipantRow): Promise<ParticipantRow> {
  const [saved] = await db
    .insert(dealParticipants)
    .values(row)
    .onConflictDoUpdate({
      target: [dealParticipants.tenantId, dealParticipants.dealId, dealParticipants.personId],
      set: {
        roles: sql`excluded.roles`,
        department: sql`excluded.department`,
        stance: sql`excluded.stance`,
        updatedAt: sql`excluded.updated_at`,
      },
    })
    .returning();
  return saved!;
}

/** Removes people from a deal; how many were on it. */
export async function deleteParticipants(
  db: Db,
  tenantId: string,
  dealId: string,
  personIds: string[],
): Promise<number> {
  const gone = await db
    .delete(dealParticipants)
    .where(
      and(
        eq(dealParticipants.tenantId, tenantId),
        eq(dealParticipants.dealId, dealId),
        inArray(dealParticipants.personId, personIds),
      ),
    )
    .returning({ personId: dealParticipants.personId });
  return gone.length;
}
