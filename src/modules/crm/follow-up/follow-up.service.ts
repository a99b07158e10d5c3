/**
 * Follow-up use cases: record a call, visit or message with a customer (which resets its recall clock)
 * and page through them.
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { FieldIssue } from '../../../platform/errors.js';
import { publishDomainEvent } from '../../../platform/events/domain-event.js';
import { newId } from '../../../platform/ids.js';
import type { Db } from '../../../platform/db/database.js';
import type { CrmDeps } from '../crm-deps.js';
import { hasContact } from '../contact/contact.service.js';
import {
  markCustomerContacted,
  type ContactedFacts,
  type CustomerRow,
} from '../customer/customer-record.service.js';
import { getCustomerRow } from '../customer/customer.service.js';
import type { CreateFollowUpInput, FollowUp, FollowUpPage, PageQuery } from './follow-up.contract.js';
import { followUpInPool, followUpInvalid } from './follow-up.errors.js';
import * as repo from './follow-up.repository.js';
import { decodeTimeCursor, encodeTimeCursor } from './time-cursor.js';

export type { FollowUpSeedRow } from './follow-up.repository.js';

/** Rows per insert when seeding. */
const SEED_BATCH = 200;

/** Client clocks run a little ahead; a time this close to now counts as now rather than the future. */
const CLOCK_SKEW_MS = 2 * 60_000;

/** How much of the note a `crm.follow_up.recorded` event carries. */
const NOTE_EXCERPT_CHARS = 200;

/** A stored follow-up in its public shape. */
export function toFollowUp(row: repo.FollowUpRow): FollowUp {
  return {
    id: row.id,
    customerId: row.customerId,
    channel: row.channel as FollowUp['channel'],
    note: row.note,
    at: row.at.toISOString(),
    personId: row.personId,
    userId: row.userId,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The facts the input changes on the customer, and a line for the note per change. */
function factChanges(
  row: CustomerRow,
  input: CreateFollowUpInput,
): { facts: ContactedFacts; lines: string[] } {
  const facts: ContactedFacts = {};
  const lines: string[] = [];
  const show = (value: string | null) => value ?? '—';
  if (input.budget !== undefined && input.budget !== row.budget) {
    facts.budget = input.budget;
    lines.push(`[budget: ${row.budget} → ${input.budget}]`);
  }
  if (input.need !== undefined && input.need !== row.need) {
    facts.need = input.need;
    lines.push(`[need: ${row.need} → ${input.need}]`);
  }
  if (input.objection !== undefined && input.objection !== row.objection) {
    facts.objection = input.objection;
    lines.push(`[objection: ${show(row.objection)} → ${show(input.objection)}]`);
  }
  return { facts, lines };
}

/** When the follow-up happened: now by default, never in the future. */
function followUpTime(input: CreateFollowUpInput, now: Date): Date {
  if (input.at === undefined) return now;
  const at = new Date(input.at);
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw followUpInvalid([{ path: 'at', message: 'may not lie in the future' }]);
  }
  return at > now ? now : at;
}

/**
 * Records a follow-up with a customer. In the same transaction the customer's last follow-up moves
 * forward to it (recall counts from there), a pending recall warning is cleared, budget, need or
 * objection learnt in the conversation are stored and noted, and `crm.follow_up.recorded` is published.
 */
export async function createFollowUp(
  deps: CrmDeps,
  actor: Actor,
  customerId: string,
  input: CreateFollowUpInput,
): Promise<FollowUp> {
  requirePermission(actor, 'customers.write');
  const row = await getCustomerRow(deps, actor, customerId);
  if (row.poolId && actor.scope !== 'all') throw followUpInPool(customerId);
  const now = deps.clock.now();
  const at = followUpTime(input, now);
  const issues: FieldIssue[] = [];
  if (input.personId && !(await hasContact(deps.db, actor.tenantId, input.personId))) {
    issues.push({ path: 'personId', message: 'no such person' });
  }
  if (issues.length) throw followUpInvalid(issues);
  const { facts, lines } = factChanges(row, input);
  const note = lines.length ? `${input.note}\n\n${lines.join('\n')}` : input.note;
  const inserted = await deps.db.transaction(async (tx) => {
    const followUp = await repo.insertFollowUp(tx, actor.tenantId, {
      id: newId(),
      customerId,
      personId: input.personId ?? null,
      userId: actor.userId,
      channel: input.channel,
      note,
      at,
      createdAt: now,
    });
    await markCustomerContacted(tx, actor.tenantId, customerId, { at, facts }, now);
    await publishDomainEvent(tx, {
      tenantId: actor.tenantId,
      type: 'crm.follow_up.recorded',
      occurredAt: at,
      customerId,
      crmPersonId: followUp.personId,
      actorUserId: actor.userId,
      payload: {
        followUpId: followUp.id,
        channel: followUp.channel,
        note: [...input.note].slice(0, NOTE_EXCERPT_CHARS).join(''),
      },
    });
    return followUp;
  });
  return toFollowUp(inserted);
}

/** A page of a customer's follow-ups, newest first. */
export async function listFollowUps(
  deps: CrmDeps,
  actor: Actor,
  customerId: string,
  query: PageQuery,
): Promise<FollowUpPage> {
  await getCustomerRow(deps, actor, customerId);
  const cursor = decodeTimeCursor(query.after);
  const rows = await repo.listFollowUpsAfter(deps.db, actor.tenantId, customerId, cursor, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toFollowUp),
    nextCursor: rows.length > query.limit && last ? encodeTimeCursor(last) : null,
  };
}

/** Moves the follow-ups of merged customers to the one they merged into; how many moved. */
export async function repointFollowUps(
  db: Db,
  tenantId: string,
  intoId: string,
  fromIds: string[],
): Promise<number> {
  return repo.repointFollowUps(db, tenantId, intoId, fromIds);
}

/** Records follow-ups as they are, tenant and id included, in batches (seed data such as the demo's). */
export async function recordFollowUpRows(db: Db, rows: repo.FollowUpSeedRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += SEED_BATCH)
    await repo.insertFollowUpRows(db, rows.slice(i, i + SEED_BATCH));
}

/** Every follow-up with a contact, oldest first, tenant-wide (personal-information export). */
export async function listFollowUpsOfContact(
  db: Db,
  tenantId: string,
  personId: string,
): Promise<FollowUp[]> {
  return (await repo.listFollowUpsOfContact(db, tenantId, personId)).map(toFollowUp);
}
