/** Queries of tickets, their replies and the per-tenant ticket numbers. */
import { and, asc, desc, eq, inArray, isNull, lt, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { beforePosition, type TimeCursor } from '../../../platform/db/keyset.js';
import { ticketCounters, ticketReplies, tickets } from './ticket.table.js';

export type TicketRow = typeof tickets.$inferSelect;
export type NewTicketRow = typeof tickets.$inferInsert;
export type ReplyRow = typeof ticketReplies.$inferSelect;

/** Which tickets a list holds. `breachingAt`: clocks running and past due at that instant. */
export type TicketFilter = {
  status?: string;
  priority?: string;
  customerId?: string;
  breachingAt?: Date;
  notBreachingAt?: Date;
};

/** Whom a list is scoped to: tickets of these customers (a subquery) or opened by this user. */
export type TicketScope = { customerIds: SQL; userId: string | null };

const STOPPED = ['solved', 'closed'];

/** The next ticket number of the tenant (1, 2, 3 …), taken in the caller's transaction. */
export async function takeTicketNumber(db: Db, tenantId: string): Promise<number> {
  const [row] = await db
    .insert(ticketCounters)
    .values({ tenantId, lastNumber: 1 })
    .onConflictDoUpdate({
      target: ticketCounters.tenantId,
      set: { lastNumber: sql`${ticketCounters.lastNumber} + 1` },
    })
    .returning({ lastNumber: ticketCounters.lastNumber });
  return row!.lastNumber;
}

/** Records a ticket. */
export async function insertTicket(db: Db, row: NewTicketRow): Promise<TicketRow> {
  const [inserted] = await db.insert(tickets).values(row).returning();
  return inserted!;
}

/** One ticket of the tenant; `lock` holds it for the caller's transaction. */
export async function findTicket(
  db: Db,
  tenantId: string,
  id: string,
  lock = false,
): Promise<TicketRow | undefined> {
  const query = db
    .select()
    .from(tickets)
    .where(and(eq(tickets.tenantId, tenantId), eq(tickets.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** Changes a ticket; answers the stored row. */
export async function updateTicket(
  db: Db,
  tenantId: string,
  id: string,
  changes: Partial<Omit<NewTicketRow, 'tenantId' | 'id'>>,
): Promise<TicketRow | undefined> {
  const [row] = await db
    .update(tickets)
    .set(changes)
    .where(and(eq(tickets.tenantId, tenantId), eq(tickets.id, id)))
    .returning();
  return row;
}

function breaching(at: Date): SQL {
  const now = sql`${at.toISOString()}::timestamptz`;
  return and(
    notInArray(tickets.status, STOPPED),
    or(
      and(isNull(tickets.firstRespondedAt), lt(tickets.firstResponseDueAt, now)),
      and(isNull(tickets.pausedAt), lt(tickets.resolutionDueAt, now)),
    ),
  )!;
}

/** A page of tickets, newest first, after the cursor; `limit` rows at most. */
export async function listTickets(
  db: Db,
  tenantId: string,
  filter: TicketFilter,
  scope: TicketScope | undefined,
  cursor: TimeCursor | undefined,
  limit: number,
): Promise<TicketRow[]> {
  return db
    .select()
    .from(tickets)
    .where(
      and(
        eq(tickets.tenantId, tenantId),
        scope
          ? or(
              sql`${tickets.customerId} in (${scope.customerIds})`,
              scope.userId ? eq(tickets.createdByUserId, scope.userId) : undefined,
            )
          : undefined,
        filter.status ? eq(tickets.status, filter.status) : undefined,
        filter.priority ? eq(tickets.priority, filter.priority) : undefined,
        filter.customerId ? eq(tickets.customerId, filter.customerId) : undefined,
        filter.breachingAt ? breaching(filter.breachingAt) : undefined,
        filter.notBreachingAt ? sql`not (${breaching(filter.notBreachingAt)})` : undefined,
        beforePosition(tickets.createdAt, tickets.id, cursor),
      ),
    )
    .orderBy(desc(tickets.createdAt), desc(tickets.id))
    .limit(limit);
}

/** Up to `limit` tickets on these policies whose clocks still run or are paused (not solved or closed). */
export async function listUnsolvedTicketsOfPolicies(
  db: Db,
  tenantId: string,
  policyIds: string[],
  limit: number,
): Promise<TicketRow[]> {
  if (policyIds.length === 0) return [];
  return db
    .select()
    .from(tickets)
    .where(
      and(
        eq(tickets.tenantId, tenantId),
        inArray(tickets.slaPolicyId, policyIds),
        notInArray(tickets.status, STOPPED),
      ),
    )
    .orderBy(asc(tickets.id))
    .limit(limit);
}

/** Records a reply or internal note. */
export async function insertReply(db: Db, row: typeof ticketReplies.$inferInsert): Promise<ReplyRow> {
  const [inserted] = await db.insert(ticketReplies).values(row).returning();
  return inserted!;
}

/** A ticket's replies and notes, oldest first (at most 1,000). */
export async function listReplies(db: Db, tenantId: string, ticketId: string): Promise<ReplyRow[]> {
  return db
    .select()
    .from(ticketReplies)
    .where(and(eq(ticketReplies.tenantId, tenantId), eq(ticketReplies.ticketId, ticketId)))
    .orderBy(asc(ticketReplies.createdAt), asc(ticketReplies.id))
    .limit(1000);
}
