/** Queries of requirements forms and their versions. */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { leadForms, leadFormVersions } from './lead-form.table.js';

export type LeadFormRow = typeof leadForms.$inferSelect;
export type LeadFormVersionRow = typeof leadFormVersions.$inferSelect;
export type FormWithVersion = { form: LeadFormRow; version: LeadFormVersionRow };

/** Records a new form (its version 1 goes in with `insertLeadFormVersion`). */
export async function insertLeadForm(
  db: Db,
  tenantId: string,
  row: Omit<LeadFormRow, 'tenantId'>,
): Promise<void> {
  await db.insert(leadForms).values({ ...row, tenantId });
}

/** Records one version of a form's fields. */
export async function insertLeadFormVersion(
  db: Db,
  tenantId: string,
  row: Omit<LeadFormVersionRow, 'tenantId'>,
): Promise<void> {
  await db.insert(leadFormVersions).values({ ...row, tenantId });
}

/** Moves a form to its next version in one statement (concurrent edits get distinct numbers); the form as it now is. */
export async function bumpLeadFormVersion(
  db: Db,
  tenantId: string,
  id: string,
  changes: { name: string; productId: string | null; updatedAt: Date },
): Promise<LeadFormRow | undefined> {
  const [row] = await db
    .update(leadForms)
    .set({ ...changes, currentVersion: sql`${leadForms.currentVersion} + 1` })
    .where(and(eq(leadForms.tenantId, tenantId), eq(leadForms.id, id)))
    .returning();
  return row;
}

/** A form with one of its versions (the current one unless `version` is given). */
export async function findLeadForm(
  db: Db,
  tenantId: string,
  id: string,
  version?: number,
): Promise<FormWithVersion | undefined> {
  const [row] = await db
    .select({ form: leadForms, version: leadFormVersions })
    .from(leadForms)
    .innerJoin(
      leadFormVersions,
      and(
        eq(leadFormVersions.tenantId, leadForms.tenantId),
        eq(leadFormVersions.formId, leadForms.id),
        version === undefined
          ? eq(leadFormVersions.version, leadForms.currentVersion)
          : eq(leadFormVersions.version, version),
      ),
    )
    .where(and(eq(leadForms.tenantId, tenantId), eq(leadForms.id, id)));
  return row;
}

/** The tenant's forms at their current versions, by name; of one product when given. */
export async function listLeadForms(
  db: Db,
  tenantId: string,
  productId?: string,
): Promise<FormWithVersion[]> {
  return db
    .select({ form: leadForms, version: leadFormVersions })
    .from(leadForms)
    .innerJoin(
      leadFormVersions,
      and(
        eq(leadFormVersions.tenantId, leadForms.tenantId),
        eq(leadFormVersions.formId, leadForms.id),
        eq(leadFormVersions.version, leadForms.currentVersion),
      ),
    )
    .where(and(eq(leadForms.tenantId, tenantId), productId ? eq(leadForms.productId, productId) : undefined))
    .orderBy(asc(leadForms.name), asc(leadForms.id));
}

/** Every version of a form's fields, oldest first (answers browsing reads all of them). */
export async function listLeadFormVersions(
  db: Db,
  tenantId: string,
  formId: string,
): Promise<LeadFormVersionRow[]> {
  return db
    .select()
    .from(leadFormVersions)
    .where(and(eq(leadFormVersions.tenantId, tenantId), eq(leadFormVersions.formId, formId)))
    .orderBy(asc(leadFormVersions.version));
}
