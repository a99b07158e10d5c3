/** Lead use cases: create (manual entry, web forms, campaigns, partners), read, list and edit. */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { FieldIssue } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { actorForMember, hasTeam, permissionsOf } from '../../access/index.js';
import type { CrmDeps } from '../crm-deps.js';
import { findFormVersion } from '../lead-form/lead-form.service.js';
import { isAppError } from '../../../platform/errors.js';
import type { CreateLeadInput, Lead, LeadPage, ListLeadsQuery, UpdateLeadInput } from './lead.contract.js';
import { leadConverted, leadInvalid, leadNotFound } from './lead.errors.js';
import * as repo from './lead.repository.js';
import { toLead } from './lead-row.js';
import { chooseLeadOwner } from './lead-assignment.service.js';

/** The lead row the actor may see; not_found otherwise. */
export async function getLeadRow(deps: CrmDeps, actor: Actor, id: string): Promise<repo.LeadRow> {
  requirePermission(actor, 'customers.read');
  const row = await repo.findVisibleLead(deps.db, actor, id);
  if (!row) throw leadNotFound(id);
  return row;
}

/** The lead with this id; not_found when missing or outside the actor's scope. */
export async function getLead(deps: CrmDeps, actor: Actor, id: string): Promise<Lead> {
  return toLead(await getLeadRow(deps, actor, id));
}

/** The current version of a form named on a lead; an issue at `formId` when there is no such form. */
async function formVersionOf(deps: CrmDeps, actor: Actor, formId: string, issues: FieldIssue[]) {
  try {
    return (await findFormVersion(deps.db, actor.tenantId, formId)).version;
  } catch (error) {
    if (!isAppError(error, 'not_found')) throw error;
    issues.push({ path: 'formId', message: 'no such requirements form' });
    return null;
  }
}

/** The owner and team named on a lead must be a member who works on customers, and a team of the tenant. */
async function checkPeople(
  deps: CrmDeps,
  actor: Actor,
  input: { ownerUserId?: string | null; teamId?: string | null },
  issues: FieldIssue[],
): Promise<void> {
  if (input.ownerUserId) {
    const tenant = { id: actor.tenantId, slug: actor.tenantSlug };
    const member = await actorForMember(deps.db, tenant, input.ownerUserId, 'system');
    if (!member || !permissionsOf(member.role).includes('customers.write')) {
      issues.push({ path: 'ownerUserId', message: 'not a member who works on customers' });
    }
  }
  if (input.teamId && !(await hasTeam(deps.db, actor.tenantId, input.teamId))) {
    issues.push({ path: 'teamId', message: 'no such team' });
  }
}

/**
 * Creates a lead in status `new`. Its owner is the one named, else the creating user, else (API keys,
 * imports, web forms) whoever the tenant's assignment rules pick; a named form is pinned at its current version.
 */
export async function createLead(deps: CrmDeps, actor: Actor, input: CreateLeadInput): Promise<Lead> {
  requirePermission(actor, 'customers.write');
  const issues: FieldIssue[] = [];
  const formVersion = input.formId ? await formVersionOf(deps, actor, input.formId, issues) : null;
  await checkPeople(deps, actor, input, issues);
  if (issues.length) throw leadInvalid(issues);
  const now = deps.clock.now();
  const [row] = await deps.db.transaction(async (tx) => {
    const named = input.ownerUserId ?? actor.userId;
    const ownerUserId = named ?? (await chooseLeadOwner(tx, actor.tenantId, input, now));
    return repo.insertLeads(tx, actor, [
      {
        id: newId(),
        kind: input.kind,
        name: input.name,
        contactName: input.contactName ?? null,
        phone: input.phone ?? null,
        email: input.email ?? null,
        region: input.region ?? null,
        source: input.source,
        sourceRef: input.sourceRef ?? null,
        productId: input.productId ?? null,
        formId: input.formId ?? null,
        formVersion,
        answers: {},
        people: input.people ?? [],
        language: input.language ?? 'zh-CN',
        status: 'new',
        disqualifyReason: null,
        note: input.note ?? null,
        ownerUserId,
        teamId: input.teamId ?? (actor.teamIds.length === 1 ? actor.teamIds[0]! : null),
        assignedAt: ownerUserId ? now : null,
        customerId: null,
        dealId: null,
        shareTokenHash: null,
        shareExpiresAt: null,
        qualifiedAt: null,
        convertedAt: null,
        createdAt: now,
        updatedAt: now,
      },
    ]);
  });
  return toLead(row!);
}

/** A page of the leads the actor may see, newest first. */
export async function listLeads(deps: CrmDeps, actor: Actor, query: ListLeadsQuery): Promise<LeadPage> {
  requirePermission(actor, 'customers.read');
  const rows = await repo.listVisibleLeads(deps.db, actor, query, query.limit + 1);
  const page = rows.slice(0, query.limit);
  return {
    items: page.map(toLead),
    nextCursor: rows.length > query.limit ? page[page.length - 1]!.id : null,
  };
}

/** Edits a lead's profile until it is converted. A new form is pinned at its current version. */
export async function updateLead(
  deps: CrmDeps,
  actor: Actor,
  id: string,
  input: UpdateLeadInput,
): Promise<Lead> {
  requirePermission(actor, 'customers.write');
  const current = await getLeadRow(deps, actor, id);
  if (current.convertedAt) throw leadConverted(id, current.customerId);
  const issues: FieldIssue[] = [];
  const changes: repo.LeadChanges = { ...input, updatedAt: deps.clock.now() };
  if (input.formId && input.formId !== current.formId) {
    changes.formVersion = await formVersionOf(deps, actor, input.formId, issues);
  }
  if (input.formId === null) changes.formVersion = null;
  await checkPeople(deps, actor, input, issues);
  if (issues.length) throw leadInvalid(issues);
  if (input.ownerUserId && input.ownerUserId !== current.ownerUserId) changes.assignedAt = deps.clock.now();
  const row = await repo.updateLead(deps.db, actor, id, changes);
  if (!row) throw leadNotFound(id);
  return toLead(row);
}
