/** Queries of leads: record, read within the actor's scope, page, change, and find by public link. */
import { and, desc, eq, ilike, lt, or, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { tenantRows, visibleRows } from '../../../platform/tenancy.js';
import type { ListLeadsQuery } from './lead.contract.js';
import { leads } from './lead.table.js';

export type LeadRow = typeof leads.$inferSelect;
export type NewLeadRow = Omit<LeadRow, 'tenantId'>;
export type LeadChanges = Partial<Omit<LeadRow, 'tenantId' | 'id' | 'createdAt'>>;

const owner = { ownerUserId: leads.ownerUserId, teamId: leads.teamId };

/** Records leads in the actor's tenant. */
export async function insertLeads(
  db: Db,
  actor: Pick<Actor, 'tenantId'>,
  rows: NewLeadRow[],
): Promise<LeadRow[]> {
  if (rows.length === 0) return [];
  return db
    .insert(leads)
    .values(rows.map((row) => ({ ...row, tenantId: actor.tenantId })))
    .returning();
}

/** The lead if the actor may see it (tenant and data scope). */
export async function findVisibleLead(db: Db, actor: Actor, id: string): Promise<LeadRow | undefined> {
  const [row] = await db
    .select()
    .from(leads)
    .where(and(visibleRows(actor, leads, owner), eq(leads.id, id)));
  return row;
}

/** The lead in a tenant, locked for the rest of the transaction (status moves, public answers). */
export async function lockLead(db: Db, tenantId: string, id: string): Promise<LeadRow | undefined> {
  const [row] = await db
    .select()
    .from(leads)
    .where(and(eq(leads.tenantId, tenantId), eq(leads.id, id)))
    .for('update');
  return row;
}

/** The filters of the lead list as a predicate. */
function listFilter(query: ListLeadsQuery): (SQL | undefined)[] {
  const pattern = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  return [
    query.status ? eq(leads.status, query.status) : undefined,
    query.kind ? eq(leads.kind, query.kind) : undefined,
    query.source ? eq(leads.source, query.source) : undefined,
    query.ownerUserId ? eq(leads.ownerUserId, query.ownerUserId) : undefined,
    query.formId ? eq(leads.formId, query.formId) : undefined,
    query.productId ? eq(leads.productId, query.productId) : undefined,
    pattern
      ? or(
          ilike(leads.name, pattern),
          ilike(leads.contactName, pattern),
          ilike(leads.phone, pattern),
          ilike(leads.email, pattern),
        )
      : undefined,
    query.after ? lt(leads.id, query.after) : undefined,
  ];
}

/** A page of the leads the actor may see, newest first (ids are time-ordered); `limit` rows at most. */
export async function listVisibleLeads(
  db: Db,
  actor: Actor,
  query: ListLeadsQuery,
  limit: number,
): Promise<LeadRow[]> {
  return db
    .select()
    .from(leads)
    .where(and(visibleRows(actor, leads, owner), ...listFilter(query)))
    .orderBy(desc(leads.id))
    .limit(limit);
}

/** Changes a lead in the tenant; the lead as it now is. */
export async function updateLead(
  db: Db,
  actor: Pick<Actor, 'tenantId'>,
  id: string,
  changes: LeadChanges,
): Promise<LeadRow | undefined> {
  const [row] = await db
    .update(leads)
    .set(changes)
    .where(and(tenantRows(actor, leads), eq(leads.id, id)))
    .returning();
  return row;
}

/** The tenant's lead whose public link has this token hash. */
export async function findLeadByShareToken(
  db: Db,
  tenantId: string,
  tokenHash: string,
): Promise<LeadRow | undefined> {
  const [row] = await db
    .select()
    .from(leads)
    .where(and(eq(leads.tenantId, tenantId), eq(leads.shareTokenHash, tokenHash)));
  return row;
}

/** The answers of a form's leads, newest first (browsing and CSV export); `limit` rows at most. */
export async function listFormAnswers(
  db: Db,
  actor: Actor,
  formId: string,
  after: string | undefined,
  limit: number,
): Promise<Pick<LeadRow, 'id' | 'name' | 'status' | 'formVersion' | 'answers' | 'createdAt'>[]> {
  return db
    .select({
      id: leads.id,
      name: leads.name,
      status: leads.status,
      formVersion: leads.formVersion,
      answers: leads.answers,
      createdAt: leads.createdAt,
    })
    .from(leads)
    .where(
      and(
        visibleRows(actor, leads, owner),
        eq(leads.formId, formId),
        after ? lt(leads.id, after) : undefined,
      ),
    )
    .orderBy(desc(leads.id))
    .limit(limit);
}
