/**
 * A lead's answers and status moves: new → working → qualified | disqualified (and back to working
 * from disqualified). Qualifying needs every required field of the lead's form answered.
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { publishDomainEvent } from '../../../platform/events/domain-event.js';
import type { CrmDeps } from '../crm-deps.js';
import { checkAnswers, mergeAnswers, missingFields, type Answers } from '../lead-form/answer.contract.js';
import { findFormVersion } from '../lead-form/lead-form.service.js';
import type { DisqualifyInput, Lead, LeadStatus } from './lead.contract.js';
import {
  leadConverted,
  leadFormIncomplete,
  leadInvalid,
  leadInvalidTransition,
  leadNoForm,
  leadNotFound,
} from './lead.errors.js';
import * as repo from './lead.repository.js';
import { toLead } from './lead-row.js';
import { readLeadSettings } from './lead-assignment.service.js';

/** Which statuses each move may start from. */
const MOVES = {
  work: ['new'],
  qualify: ['new', 'working'],
  disqualify: ['new', 'working'],
  reopen: ['disqualified'],
} as const satisfies Record<string, readonly LeadStatus[]>;
type Move = keyof typeof MOVES;

/** Locks the lead the actor may see, for a change within `tx`; refuses converted leads. */
async function lockVisibleLead(tx: Db, deps: CrmDeps, actor: Actor, id: string): Promise<repo.LeadRow> {
  requirePermission(actor, 'customers.write');
  if (!(await repo.findVisibleLead(tx, actor, id))) throw leadNotFound(id);
  const row = await repo.lockLead(tx, actor.tenantId, id);
  if (!row) throw leadNotFound(id);
  if (row.convertedAt) throw leadConverted(id, row.customerId);
  return row;
}

/** Refuses a move the lead's status does not allow. */
function checkMove(row: repo.LeadRow, move: Move): void {
  if (!(MOVES[move] as readonly string[]).includes(row.status)) {
    throw leadInvalidTransition(row.id, row.status, move);
  }
}

/** The fields of the form version a lead answers. */
async function fieldsOf(db: Db, tenantId: string, row: repo.LeadRow) {
  if (!row.formId) throw leadNoForm(row.id);
  return (await findFormVersion(db, tenantId, row.formId, row.formVersion ?? undefined)).fields;
}

/**
 * Merges answers into a lead's (a `null` clears one), each checked against its field's type: a wrong
 * one is a 400 at `answers.<key>` and nothing is saved. Used by staff and, through the public
 * link, by the customer (who may only answer until the lead is qualified).
 */
export async function applyAnswers(
  tx: Db,
  tenantId: string,
  row: repo.LeadRow,
  changes: Record<string, unknown>,
  now: Date,
): Promise<repo.LeadRow> {
  const fields = await fieldsOf(tx, tenantId, row);
  const issues = checkAnswers(fields, changes);
  if (issues.length) throw leadInvalid(issues);
  const answers: Answers = mergeAnswers(row.answers as Answers, changes);
  const updated = await repo.updateLead(tx, { tenantId }, row.id, { answers, updatedAt: now });
  return updated!;
}

/** Staff save answers to a lead's form. */
export async function saveAnswers(
  deps: CrmDeps,
  actor: Actor,
  id: string,
  answers: Record<string, unknown>,
): Promise<Lead> {
  const row = await deps.db.transaction(async (tx) => {
    const current = await lockVisibleLead(tx, deps, actor, id);
    return applyAnswers(tx, actor.tenantId, current, answers, deps.clock.now());
  });
  return toLead(row);
}

/** Starts work on a new lead. */
export async function startLead(deps: CrmDeps, actor: Actor, id: string): Promise<Lead> {
  return move(deps, actor, id, 'work', async () => ({ status: 'working' }));
}

/** Takes a disqualified lead back to working. */
export async function reopenLead(deps: CrmDeps, actor: Actor, id: string): Promise<Lead> {
  return move(deps, actor, id, 'reopen', async () => ({ status: 'working', disqualifyReason: null }));
}

/**
 * Qualifies a lead: every required field of its form must be answered, else 409
 * `crm.lead.form_incomplete` with the missing keys in the form's order and the lead unchanged.
 * Publishes `crm.lead.qualified`.
 */
export async function qualifyLead(deps: CrmDeps, actor: Actor, id: string): Promise<Lead> {
  return move(deps, actor, id, 'qualify', async (tx, row, now) => {
    if (row.formId) {
      const missing = missingFields(await fieldsOf(tx, actor.tenantId, row), row.answers);
      if (missing.length) throw leadFormIncomplete(missing);
    }
    await publishDomainEvent(tx, {
      tenantId: actor.tenantId,
      type: 'crm.lead.qualified',
      occurredAt: now,
      actorUserId: actor.userId,
      payload: { leadId: row.id, kind: row.kind, name: row.name, source: row.source, formId: row.formId },
    });
    return { status: 'qualified', qualifiedAt: now };
  });
}

/** Disqualifies a lead for one of the tenant's reasons. */
export async function disqualifyLead(
  deps: CrmDeps,
  actor: Actor,
  id: string,
  input: DisqualifyInput,
): Promise<Lead> {
  const { disqualifyReasons } = await readLeadSettings(deps.db, actor.tenantId);
  if (!disqualifyReasons.includes(input.reason)) {
    throw leadInvalid([{ path: 'reason', message: `one of: ${disqualifyReasons.join(', ')}` }]);
  }
  return move(deps, actor, id, 'disqualify', async (_tx, row) => ({
    status: 'disqualified',
    disqualifyReason: input.reason,
    ...(input.note ? { note: row.note ? `${row.note}\n\n${input.note}` : input.note } : {}),
  }));
}

/** Runs one status move on the locked lead. */
async function move(
  deps: CrmDeps,
  actor: Actor,
  id: string,
  name: Move,
  changesOf: (tx: Db, row: repo.LeadRow, now: Date) => Promise<repo.LeadChanges>,
): Promise<Lead> {
  const row = await deps.db.transaction(async (tx) => {
    const current = await lockVisibleLead(tx, deps, actor, id);
    checkMove(current, name);
    const now = deps.clock.now();
    const changes = await changesOf(tx, current, now);
    return (await repo.updateLead(tx, actor, id, { ...changes, updatedAt: now }))!;
  });
  return toLead(row);
}
