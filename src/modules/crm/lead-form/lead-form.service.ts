/**
 * Requirements form use cases: create a form, change it (each change is a new version, so answers given
 * to an old version stay readable), read one version and list the tenant's forms.
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import type { CrmDeps } from '../crm-deps.js';
import type { LeadForm, LeadFormInput, LeadFormList, ListLeadFormsQuery } from './lead-form.contract.js';
import { leadFormNotFound } from './lead-form.errors.js';
import * as repo from './lead-form.repository.js';

/** A stored form at one version in its public shape. */
function toLeadForm({ form, version }: repo.FormWithVersion): LeadForm {
  return {
    id: form.id,
    name: version.name,
    productId: form.productId,
    version: version.version,
    currentVersion: form.currentVersion,
    fields: version.fields as LeadForm['fields'],
    createdAt: form.createdAt.toISOString(),
    updatedAt: form.updatedAt.toISOString(),
  };
}

/** Only the stored properties of the fields, in the given order. */
const storedFields = (input: LeadFormInput): LeadForm['fields'] =>
  input.fields.map((f) => ({
    key: f.key,
    label: f.label,
    type: f.type,
    required: f.required,
    ...(f.options ? { options: f.options } : {}),
    ...(f.help ? { help: f.help } : {}),
  }));

/** Creates a form at version 1. */
export async function createLeadForm(deps: CrmDeps, actor: Actor, input: LeadFormInput): Promise<LeadForm> {
  requirePermission(actor, 'crm.settings');
  const now = deps.clock.now();
  const id = newId();
  await deps.db.transaction(async (tx) => {
    const productId = input.productId ?? null;
    await repo.insertLeadForm(tx, actor.tenantId, {
      id,
      name: input.name,
      productId,
      currentVersion: 1,
      createdAt: now,
      updatedAt: now,
    });
    await repo.insertLeadFormVersion(tx, actor.tenantId, {
      formId: id,
      version: 1,
      name: input.name,
      fields: storedFields(input),
      createdAt: now,
    });
  });
  return getLeadForm(deps, actor, id);
}

/** Replaces a form's name and fields with a new version; earlier versions are kept. */
export async function updateLeadForm(
  deps: CrmDeps,
  actor: Actor,
  id: string,
  input: LeadFormInput,
): Promise<LeadForm> {
  requirePermission(actor, 'crm.settings');
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const form = await repo.bumpLeadFormVersion(tx, actor.tenantId, id, {
      name: input.name,
      productId: input.productId === undefined ? null : input.productId,
      updatedAt: now,
    });
    if (!form) throw leadFormNotFound(id);
    await repo.insertLeadFormVersion(tx, actor.tenantId, {
      formId: id,
      version: form.currentVersion,
      name: input.name,
      fields: storedFields(input),
      createdAt: now,
    });
  });
  return getLeadForm(deps, actor, id);
}

/** A form at `version` (default: the current one); not_found when either is missing. */
export async function getLeadForm(
  deps: CrmDeps,
  actor: Actor,
  id: string,
  version?: number,
): Promise<LeadForm> {
  requirePermission(actor, 'customers.read');
  return findFormVersion(deps.db, actor.tenantId, id, version);
}

/** A form at `version` in a tenant, for services that act without a user (the public form link). */
export async function findFormVersion(
  db: Db,
  tenantId: string,
  id: string,
  version?: number,
): Promise<LeadForm> {
  const row = await repo.findLeadForm(db, tenantId, id, version);
  if (!row) throw leadFormNotFound(id, version);
  return toLeadForm(row);
}

/** The tenant's forms at their current versions. */
export async function listLeadForms(
  deps: CrmDeps,
  actor: Actor,
  query: ListLeadFormsQuery,
): Promise<LeadFormList> {
  requirePermission(actor, 'customers.read');
  const rows = await repo.listLeadForms(deps.db, actor.tenantId, query.productId);
  return { items: rows.map(toLeadForm) };
}

/** Every version of a form, oldest first. */
export async function listLeadFormVersions(deps: CrmDeps, actor: Actor, id: string): Promise<LeadForm[]> {
  const current = await getLeadForm(deps, actor, id);
  const versions = await repo.listLeadFormVersions(deps.db, actor.tenantId, id);
  return versions.map((version) =>
    toLeadForm({
      form: {
        tenantId: actor.tenantId,
        id,
        name: current.name,
        productId: current.productId,
        currentVersion: current.currentVersion,
        createdAt: new Date(current.createdAt),
        updatedAt: new Date(current.updatedAt),
      },
      version,
    }),
  );
}
