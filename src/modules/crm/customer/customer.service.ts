/** Customer use cases: create, list and read, within the actor's tenant and data scope. */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import { hasTeam, isMemberOf } from '../../../platform/auth/identity.service.js';
import type { Clock } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import type {
  CreateCustomerInput,
  Customer,
  CustomerPage,
  CustomerSummary,
  CustomerSummaryQuery,
  ListCustomersQuery,
} from './customer.contract.js';
import { customerNotFound, ownerNotMember, teamUnknown } from './customer.errors.js';
import * as repo from './customer.repository.js';

/** The services' dependencies. */
export type CustomerDeps = { db: Db; clock: Clock };

/**
 * Creates a customer. A user creating one without naming an owner owns it; an API key leaves it
 * unowned unless it names one.
 */
export async function createCustomer(
  deps: CustomerDeps,
  actor: Actor,
  input: CreateCustomerInput,
): Promise<Customer> {
  requirePermission(actor, 'customers.write');
  const ownerUserId = input.ownerUserId ?? actor.userId;
  if (input.ownerUserId && !(await isMemberOf(deps.db, actor.tenantId, input.ownerUserId))) {
    throw ownerNotMember(input.ownerUserId);
  }
  if (input.teamId && !(await hasTeam(deps.db, actor.tenantId, input.teamId)))
    throw teamUnknown(input.teamId);
  const now = deps.clock.now();
  const [row] = await repo.insertCustomers(deps.db, actor, [
    {
      id: newId(),
      kind: input.kind,
      name: input.name,
      phone: input.phone ?? null,
      email: input.email ?? null,
      region: input.region ?? null,
      industry: input.industry ?? null,
      uscc: input.uscc ?? null,
      agencyLevel: input.agencyLevel ?? null,
      ownerUserId: ownerUserId ?? null,
      teamId: input.teamId ?? (actor.teamIds.length === 1 ? actor.teamIds[0] : null) ?? null,
      source: input.source ?? null,
      tags: input.tags ?? [],
      createdAt: now,
      updatedAt: now,
    },
  ]);
  return toCustomer(row!);
}

/** The customer with this id; not_found when it is missing or outside the actor's scope. */
export async function getCustomer(deps: CustomerDeps, actor: Actor, id: string): Promise<Customer> {
  requirePermission(actor, 'customers.read');
  const row = await repo.findVisibleCustomer(deps.db, actor, id);
  if (!row) throw customerNotFound(id);
  return toCustomer(row);
}

/** A page of the customers the actor may see, newest first. */
export async function listCustomers(
  deps: CustomerDeps,
  actor: Actor,
  query: ListCustomersQuery,
): Promise<CustomerPage> {
  requirePermission(actor, 'customers.read');
  const rows = await repo.listVisibleCustomers(deps.db, actor, query);
  const page = rows.slice(0, query.limit);
  return {
    items: page.map(toCustomer),
    nextCursor: rows.length > query.limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}

/** How many customers of each kind the actor may see, for the list's picture and filter counts. */
export async function summarizeCustomers(
  deps: CustomerDeps,
  actor: Actor,
  query: CustomerSummaryQuery,
): Promise<CustomerSummary> {
  requirePermission(actor, 'customers.read');
  const byKind = { business: 0, consumer: 0, government: 0 };
  for (const row of await repo.countVisibleCustomersByKind(deps.db, actor, query)) {
    if (row.kind in byKind) byKind[row.kind as keyof typeof byKind] = row.n;
  }
  return { total: byKind.business + byKind.consumer + byKind.government, byKind };
}

function toCustomer(row: repo.CustomerRow): Customer {
  return {
    id: row.id,
    kind: row.kind as Customer['kind'],
    name: row.name,
    phone: row.phone,
    email: row.email,
    region: row.region,
    industry: row.industry,
    uscc: row.uscc,
    agencyLevel: row.agencyLevel,
    ownerUserId: row.ownerUserId,
    teamId: row.teamId,
    source: row.source,
    tags: row.tags,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
