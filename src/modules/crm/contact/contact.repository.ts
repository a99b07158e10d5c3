/**
 * Queries on people, and the memberships read alongside them (committee writes live in
 * account-member.repository.ts). A person is visible through their accounts: to an actor who may see
 * at least one of them, and to everyone in the tenant while they have no account at all. Scoping a
 * person by their accounts joins the customers in the same statement, so this repository is named in
 * TABLE_JOINS.crm and builds on the customer feature's `visibleCustomers`.
 */
import { and, asc, desc, eq, ilike, inArray, isNull, lt, not, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { visibleRows } from '../../../platform/tenancy.js';
import { visibleCustomers } from '../customer/customer-scope.contract.js';
import { customers } from '../customer/customer.table.js';
import { accountMembers, people } from './contact.table.js';

export type ContactRow = typeof people.$inferSelect;
export type NewContactRow = typeof people.$inferInsert;
export type ContactChanges = Partial<Omit<ContactRow, 'tenantId' | 'id' | 'createdAt'>>;
export type MemberRow = typeof accountMembers.$inferSelect;
export type NewMemberRow = typeof accountMembers.$inferInsert;
export type MemberChanges = Partial<
  Pick<MemberRow, 'role' | 'department' | 'stance' | 'influence' | 'isPrimary'>
>;

/** What an actor may do with a person: see them, or also edit them. */
export type ContactAccess = 'read' | 'write';

/** "The person has a membership matching `conditions`", correlated with the outer `people` row. */
function hasMembership(...conditions: (SQL | undefined)[]): SQL {
  return sql`exists (select 1 from ${accountMembers} inner join ${customers} on ${and(
    eq(customers.tenantId, accountMembers.tenantId),
    eq(customers.id, accountMembers.customerId),
  )} where ${and(eq(accountMembers.tenantId, people.tenantId), eq(accountMembers.personId, people.id), ...conditions)})`;
}

/**
 * The predicate for people the actor may see (`read`: through any visible account, pools included)
 * or edit (`write`: through an account in their own scope, not in a pool); people without accounts
 * are both to anyone in the tenant.
 */
function visibleContacts(actor: Actor, access: ContactAccess, ...conditions: (SQL | undefined)[]): SQL {
  const tenant = eq(people.tenantId, actor.tenantId);
  if (actor.scope === 'all') return and(tenant, ...conditions)!;
  const through =
    access === 'read'
      ? visibleCustomers(actor)
      : and(
          visibleRows(actor, customers, { ownerUserId: customers.ownerUserId, teamId: customers.teamId }),
          isNull(customers.poolId),
        );
  const unlinked = not(
    sql`exists (select 1 from ${accountMembers} where ${and(
      eq(accountMembers.tenantId, people.tenantId),
      eq(accountMembers.personId, people.id),
    )})`,
  );
  return and(tenant, or(unlinked, hasMembership(through)), ...conditions)!;
}

/** Inserts one person (the row carries its tenant). */
export async function insertContact(db: Db, row: NewContactRow): Promise<ContactRow> {
  const [inserted] = await db.insert(people).values(row).returning();
  return inserted!;
}

/** Inserts people as they are, tenant included (seed data). */
export async function insertContactRows(db: Db, rows: NewContactRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(people).values(rows);
}

/** Changes one person of the tenant; the row after, if it exists. */
export async function updateContactRow(
  db: Db,
  tenantId: string,
  id: string,
  changes: ContactChanges,
): Promise<ContactRow | undefined> {
  const [row] = await db
    .update(people)
    .set(changes)
    .where(and(eq(people.tenantId, tenantId), eq(people.id, id)))
    .returning();
  return row;
}

/** One person the actor may see (or edit, with `write`). */
export async function findVisibleContact(
  db: Db,
  actor: Actor,
  id: string,
  access: ContactAccess = 'read',
): Promise<ContactRow | undefined> {
  return (
    await db
      .select()
      .from(people)
      .where(visibleContacts(actor, access, eq(people.id, id)))
  )[0];
}

/** Escapes `%`, `_` and `\` for ILIKE. */
const likePattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The filters of the people list, with the search's normalised keys worked out by the caller. */
export type ContactsFilter = {
  q?: string;
  phoneKey?: string;
  emailKey?: string;
  customerId?: string;
  after?: string;
  limit: number;
};

/** A page of people the actor may see, newest first; one extra row tells whether another page exists. */
export async function listVisibleContacts(
  db: Db,
  actor: Actor,
  filter: ContactsFilter,
): Promise<ContactRow[]> {
  const pattern = filter.q ? likePattern(filter.q) : undefined;
  const search = pattern
    ? or(
        ilike(people.name, pattern),
        ilike(people.title, pattern),
        ilike(people.phone, pattern),
        ilike(people.email, pattern),
        ilike(people.wechatId, pattern),
        filter.phoneKey ? eq(people.phoneKey, filter.phoneKey) : undefined,
        filter.emailKey ? eq(people.emailKey, filter.emailKey) : undefined,
      )
    : undefined;
  return db
    .select()
    .from(people)
    .where(
      visibleContacts(
        actor,
        'read',
        search,
        filter.customerId ? hasMembership(eq(accountMembers.customerId, filter.customerId)) : undefined,
        filter.after ? lt(people.id, filter.after) : undefined,
      ),
    )
    .orderBy(desc(people.id))
    .limit(filter.limit + 1);
}

/** A membership of one of `personIds` in an account the actor may see, with the account's name and kind. */
export type AccountOfContact = MemberRow & { customerName: string; customerKind: string };

/** The memberships of these people in accounts the actor may see, primary first, then by account name. */
export async function listAccountsOf(db: Db, actor: Actor, personIds: string[]): Promise<AccountOfContact[]> {
  if (personIds.length === 0) return [];
  const rows = await db
    .select({ member: accountMembers, customerName: customers.name, customerKind: customers.kind })
    .from(accountMembers)
    .innerJoin(
      customers,
      and(eq(customers.tenantId, accountMembers.tenantId), eq(customers.id, accountMembers.customerId)),
    )
    .where(
      and(
        eq(accountMembers.tenantId, actor.tenantId),
        inArray(accountMembers.personId, personIds),
        visibleCustomers(actor),
      ),
    )
    .orderBy(desc(accountMembers.isPrimary), asc(customers.name), asc(customers.id));
  return rows.map((row) => ({
    ...row.member,
    customerName: row.customerName,
    customerKind: row.customerKind,
  }));
}

/**
 * The customers among `customerIds` that have at least one member with role decision_maker, e.g.
 * for the intent-tier rule "decision maker known".
 */
export async function findDecisionMakerKnown(
  db: Db,
  tenantId: string,
  customerIds: string[],
): Promise<Set<string>> {
  if (customerIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ customerId: accountMembers.customerId })
    .from(accountMembers)
    .where(
      and(
        eq(accountMembers.tenantId, tenantId),
        inArray(accountMembers.customerId, customerIds),
        eq(accountMembers.role, 'decision_maker'),
      ),
    );
  return new Set(rows.map((row) => row.customerId));
}

/** True when the person exists in the tenant. */
export async function hasContact(db: Db, tenantId: string, personId: string): Promise<boolean> {
  const rows = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), eq(people.id, personId)));
  return rows.length > 0;
}

/** A contact with the keys it may be found by and the accounts it is a member of. */
export type ContactKeyRow = {
  id: string;
  externalId: string | null;
  emailKey: string | null;
  phoneKey: string | null;
  customerIds: string[];
};

/** Contacts having any of these external ids, email keys or phone keys, oldest first, with their accounts. */
export async function findContactsByKeys(
  db: Db,
  tenantId: string,
  keys: { externalIds: string[]; emailKeys: string[]; phoneKeys: string[] },
): Promise<ContactKeyRow[]> {
  const any: SQL[] = [];
  if (keys.externalIds.length) any.push(inArray(people.externalId, keys.externalIds));
  if (keys.emailKeys.length) any.push(inArray(people.emailKey, keys.emailKeys));
  if (keys.phoneKeys.length) any.push(inArray(people.phoneKey, keys.phoneKeys));
  if (any.length === 0) return [];
  return db
    .select({
      id: people.id,
      externalId: people.externalId,
      emailKey: people.emailKey,
      phoneKey: people.phoneKey,
      // Qualified by hand: drizzle renders columns unqualified inside `sql`, and an unqualified
      // `tenant_id` here would compare account_members' column with itself.
      customerIds: sql<string[]>`array(select m.customer_id from account_members m
        where m.tenant_id = "people"."tenant_id" and m.person_id = "people"."id"
        order by m.customer_id)`,
    })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), or(...any)))
    .orderBy(asc(people.id));
}

/** The contact with this external id, if any. */
export async function findContactByExternalId(
  db: Db,
  tenantId: string,
  externalId: string,
): Promise<string | undefined> {
  const [row] = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), eq(people.externalId, externalId)));
  return row?.id;
}

/** Inserts a contact unless its external id is taken; answers whether it was inserted. */
export async function insertContactUnlessTaken(db: Db, row: NewContactRow): Promise<boolean> {
  const inserted = await db.insert(people).values(row).onConflictDoNothing().returning({ id: people.id });
  return inserted.length > 0;
}
