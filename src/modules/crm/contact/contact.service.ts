/**
 * People (contacts): create, read, list and edit. A person is visible through their accounts (any
 * account the actor may see, pool accounts included); a person without accounts is visible to every
 * CRM user of the tenant. Editing needs an account in the actor's own scope, or no account at all.
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { isUniqueViolation } from '../../../platform/db/errors.js';
import type { FieldIssue } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { CrmDeps } from '../crm-deps.js';
import { getCustomerRow } from '../customer/customer.service.js';
import { findVisibleCustomer } from '../customer/customer-record.service.js';
import { emailKey } from '../matching/matching.contract.js';
import { isPhoneLike, phoneKey } from '../matching/matching.contract.js';
import type {
  CreateContactInput,
  ListContactsQuery,
  MembershipInput,
  NewContactInput,
  ContactPage,
  ContactWithAccounts,
  UpdateContactInput,
} from './contact.contract.js';
import {
  alreadyMember,
  externalIdTaken,
  contactInvalid,
  contactNotFound,
  contactReadOnly,
  primaryRace,
} from './contact.errors.js';
import * as members from './account-member.repository.js';
import * as repo from './contact.repository.js';
import { toContact, toContactAccount } from './contact-row.js';

export type { ContactRow, NewContactRow, NewMemberRow } from './contact.repository.js';

/** The phone and email match keys of a person, so touchpoints and imports can find them however written. */
export function contactKeysOf(input: { phone?: string | null; email?: string | null }) {
  return {
    phoneKey: input.phone ? (phoneKey(input.phone) ?? null) : null,
    emailKey: input.email ? (emailKey(input.email) ?? null) : null,
  };
}

/** The row of a new person in the actor's tenant. */
export function newContactRow(actor: Actor, input: NewContactInput, at: Date): repo.NewContactRow {
  return {
    tenantId: actor.tenantId,
    id: newId(),
    name: input.name,
    title: input.title ?? null,
    phone: input.phone ?? null,
    email: input.email ?? null,
    wechatId: input.wechatId ?? null,
    externalId: input.externalId ?? null,
    notes: input.notes ?? null,
    ...contactKeysOf(input),
    createdAt: at,
    updatedAt: at,
  };
}

/** The row of a membership, with the defaults of fields left out. */
export function newMemberRow(
  tenantId: string,
  customerId: string,
  personId: string,
  input: MembershipInput,
  at: Date,
): repo.NewMemberRow {
  return {
    tenantId,
    customerId,
    personId,
    role: input.role,
    department: input.department ?? 'other',
    stance: input.stance ?? 'neutral',
    influence: input.influence ?? 3,
    isPrimary: input.isPrimary ?? false,
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * Turns a unique violation of a person or membership write into its conflict error; anything else
 * is thrown as it is.
 */
export function rethrowConflict(
  error: unknown,
  context: { externalId?: string | null; customerId?: string; personId?: string },
): never {
  if (isUniqueViolation(error, 'people_external_id_key') && context.externalId)
    throw externalIdTaken(context.externalId);
  if (isUniqueViolation(error, 'account_members_primary_key') && context.customerId)
    throw primaryRace(context.customerId);
  // Someone added the same person between the caller's check and its insert.
  if (
    isUniqueViolation(error, 'account_members_tenant_id_customer_id_person_id_pk') &&
    context.customerId &&
    context.personId
  ) {
    throw alreadyMember(context.customerId, context.personId);
  }
  throw error;
}

/** Each account a new person joins must be one the actor may edit: visible, and not in a pool. */
async function checkAccounts(
  deps: CrmDeps,
  actor: Actor,
  accounts: CreateContactInput['accounts'],
): Promise<void> {
  const issues: FieldIssue[] = [];
  for (const [index, account] of (accounts ?? []).entries()) {
    const customer = await findVisibleCustomer(deps.db, actor, account.customerId);
    const path = `accounts.${index}.customerId`;
    if (!customer) issues.push({ path, message: 'no such customer' });
    else if (customer.poolId && actor.scope !== 'all') {
      issues.push({ path, message: 'claim this customer from its pool first' });
    }
  }
  if (issues.length) throw contactInvalid(issues);
}

/** Creates a person and, in the same transaction, their memberships of the accounts given. */
export async function createContact(
  deps: CrmDeps,
  actor: Actor,
  input: CreateContactInput,
): Promise<ContactWithAccounts> {
  requirePermission(actor, 'customers.write');
  const accounts = input.accounts ?? [];
  await checkAccounts(deps, actor, accounts);
  const now = deps.clock.now();
  const row = newContactRow(actor, input, now);
  await deps.db
    .transaction(async (tx) => {
      await repo.insertContact(tx, row);
      const primaryOf = accounts.filter((account) => account.isPrimary).map((account) => account.customerId);
      await members.clearPrimary(tx, actor.tenantId, primaryOf, now);
      await members.insertMembers(
        tx,
        accounts.map((account) => newMemberRow(actor.tenantId, account.customerId, row.id, account, now)),
      );
    })
    .catch((error: unknown) =>
      rethrowConflict(error, {
        externalId: input.externalId,
        customerId: accounts.find((account) => account.isPrimary)?.customerId,
      }),
    );
  return getContact(deps, actor, row.id);
}

/** One person the actor may see, with the accounts the actor may see among theirs. */
export async function getContact(deps: CrmDeps, actor: Actor, id: string): Promise<ContactWithAccounts> {
  requirePermission(actor, 'customers.read');
  const row = await repo.findVisibleContact(deps.db, actor, id);
  if (!row) throw contactNotFound(id);
  const accounts = await repo.listAccountsOf(deps.db, actor, [id]);
  return { ...toContact(row), accounts: accounts.map(toContactAccount) };
}

/**
 * A page of the people the actor may see, newest first. The search matches parts of the name,
 * title, phone, email and WeChat id, and a phone number or email however it is written.
 */
export async function listContacts(
  deps: CrmDeps,
  actor: Actor,
  query: ListContactsQuery,
): Promise<ContactPage> {
  requirePermission(actor, 'customers.read');
  // Filtering by an account the actor may not see would tell who sits on its committee.
  if (query.customerId) await getCustomerRow(deps, actor, query.customerId);
  const keys = query.q
    ? { phoneKey: isPhoneLike(query.q) ? phoneKey(query.q) : undefined, emailKey: emailKey(query.q) }
    : {};
  const rows = await repo.listVisibleContacts(deps.db, actor, { ...query, ...keys });
  const page = rows.slice(0, query.limit);
  const accounts = await repo.listAccountsOf(
    deps.db,
    actor,
    page.map((row) => row.id),
  );
  return {
    items: page.map((row) => ({
      ...toContact(row),
      accounts: accounts.filter((account) => account.personId === row.id).map(toContactAccount),
    })),
    nextCursor: rows.length > query.limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}

/** Edits a person; the match keys follow the phone and email. */
export async function updateContact(
  deps: CrmDeps,
  actor: Actor,
  id: string,
  input: UpdateContactInput,
): Promise<ContactWithAccounts> {
  requirePermission(actor, 'customers.write');
  if (!(await repo.findVisibleContact(deps.db, actor, id))) throw contactNotFound(id);
  if (!(await repo.findVisibleContact(deps.db, actor, id, 'write'))) throw contactReadOnly(id);
  const keys = contactKeysOf(input);
  const changes: repo.ContactChanges = {
    ...input,
    ...(input.phone !== undefined ? { phoneKey: keys.phoneKey } : {}),
    ...(input.email !== undefined ? { emailKey: keys.emailKey } : {}),
    updatedAt: deps.clock.now(),
  };
  const row = await repo
    .updateContactRow(deps.db, actor.tenantId, id, changes)
    .catch((error: unknown) => rethrowConflict(error, { externalId: input.externalId }));
  if (!row) throw contactNotFound(id);
  return getContact(deps, actor, id);
}

/** One person the actor may see, if any (`getContact` throws instead). */
export async function findVisibleContact(
  db: Db,
  actor: Actor,
  id: string,
): Promise<repo.ContactRow | undefined> {
  return repo.findVisibleContact(db, actor, id);
}

/** True when the person exists in the tenant (whoever may see them). */
export async function hasContact(db: Db, tenantId: string, personId: string): Promise<boolean> {
  return repo.hasContact(db, tenantId, personId);
}

/** Inserts people and their committee seats as they are, in batches (seed data such as the demo's). */
export async function insertContactRows(
  db: Db,
  rows: { people: repo.NewContactRow[]; members: repo.NewMemberRow[] },
): Promise<void> {
  for (let i = 0; i < rows.people.length; i += 200)
    await repo.insertContactRows(db, rows.people.slice(i, i + 200));
  for (let i = 0; i < rows.members.length; i += 200)
    await members.insertMembers(db, rows.members.slice(i, i + 200));
}
