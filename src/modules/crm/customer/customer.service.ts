/** Customer use cases: create, read, list, summarise and edit, within the actor's tenant and data scope. */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import { actorForMember, hasTeam, permissionsOf } from '../../access/index.js';
import { isUniqueViolation } from '../../../platform/db/errors.js';
import { publishDomainEvent } from '../../../platform/events/domain-event.js';
import { newId } from '../../../platform/ids.js';
import { lockNames } from '../../../platform/db/advisory-lock.js';
import type { Db } from '../../../platform/db/database.js';
import { matchKeysOf } from '../matching/matching.contract.js';
import type { CrmDeps } from '../crm-deps.js';
import { choosePool, findPool } from '../pool/pool.service.js';
import { getCrmSettings } from '../settings/crm-settings.service.js';
import type {
  CreateCustomerInput,
  CreatedCustomer,
  Customer,
  CustomerPage,
  CustomerSummary,
  CustomerSummaryQuery,
  ListCustomersQuery,
  UpdateCustomerInput,
} from './customer.contract.js';
import { decodeCursor, encodeCursor } from './customer-cursor.js';
import { summarizeFromKeptCounts } from './customer-count.service.js';
import { isServedByKeptCounts, toSummary } from './customer-summary.js';
import { findDuplicateCandidates } from './duplicate.service.js';
import { checkCustomerFields, matchColumnsOf } from './customer-rules.js';
import {
  customerDuplicate,
  customerInvalid,
  customerMerged,
  externalIdTaken,
  customerNotFound,
  ownerCannotOwn,
  ownerNotMember,
  teamUnknown,
} from './customer.errors.js';
import * as repo from './customer.repository.js';
import { toCustomer } from './customer-row.js';
import { logPoolMoves } from './ownership.service.js';
import { initialTiers, profileOf } from './customer-input.js';
import { insertTierChanges } from './tier-history.repository.js';

/** The services' dependencies. */
export type CustomerDeps = CrmDeps;

/**
 * Creates a customer, owned by the creating user unless it names another owner or a pool, and
 * publishes `crm.customer.created`. Without a user (an API key) and without an owner or pool named,
 * it goes to its region's pool, else the default pool: a customer is always owned or in a pool. A likely duplicate is refused (409 `crm.customer.duplicate`)
 * unless the tenant's policy only warns or the request says `allowDuplicate`.
 */
export async function createCustomer(
  deps: CrmDeps,
  actor: Actor,
  input: CreateCustomerInput,
): Promise<CreatedCustomer> {
  requirePermission(actor, 'customers.write');
  const { db } = deps;
  const settings = await getCrmSettings(db, actor.tenantId);
  const issues = checkCustomerFields(input, settings);
  if (input.poolId && input.ownerUserId) {
    issues.push({ path: 'poolId', message: 'a customer in a pool has no owner: give ownerUserId or poolId' });
  }
  if (issues.length) throw customerInvalid(issues);
  await checkReferences(deps, actor, input);

  const warnOnly = settings.duplicatePolicy.create === 'warn' || input.allowDuplicate === true;
  // Creates sharing a match key queue on its lock, so the second sees the first as a duplicate.
  const { row, candidates } = await db
    .transaction(async (tx) => {
      await lockNames(tx, matchKeyLockNames(actor.tenantId, input));
      const candidates = await findDuplicateCandidates(tx, actor.tenantId, input);
      if (candidates.length && !warnOnly) throw customerDuplicate(candidates);
      return { row: await insertNewCustomer(tx, deps, actor, input), candidates };
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error, 'customers_external_id_key')) throw externalIdTaken(input.externalId!);
      throw error;
    });
  const customer = toCustomer(row);
  return candidates.length ? { ...customer, duplicates: candidates } : customer;
}

/** The advisory lock names of a new customer's match keys in its tenant. */
const matchKeyLockNames = (tenantId: string, input: CreateCustomerInput): string[] =>
  Object.entries(matchKeysOf(input)).map(([kind, key]) => `crm.customer-key:${tenantId}:${kind}:${key}`);

/** Writes a new customer with its first tier history and pool log entries, and publishes `crm.customer.created`. */
async function insertNewCustomer(
  tx: Db,
  deps: CrmDeps,
  actor: Actor,
  input: CreateCustomerInput,
): Promise<repo.CustomerRow> {
  const now = deps.clock.now();
  const ownerUserId = input.poolId ? null : (input.ownerUserId ?? actor.userId);
  const id = newId();
  const poolId =
    input.poolId ?? (ownerUserId ? null : await choosePool(tx, actor.tenantId, input.region ?? null, now));
  const [inserted] = await repo.insertCustomers(tx, actor, [
    {
      ...profileOf(input),
      id,
      kind: input.kind,
      intentTier: input.intentTier ?? null,
      satisfactionTier: input.satisfactionTier ?? null,
      valueTier: input.valueTier ?? null,
      persona: input.persona ?? null,
      ownerUserId,
      teamId: poolId
        ? null
        : (input.teamId ?? (actor.teamIds.length === 1 ? actor.teamIds[0] : null) ?? null),
      poolId,
      receivedAt: ownerUserId ? now : null,
      ...matchColumnsOf(input),
      createdAt: now,
      updatedAt: now,
    },
  ]);
  await insertTierChanges(tx, actor.tenantId, initialTiers(input, id, actor, now));
  await logPoolMoves(tx, actor.tenantId, [
    {
      customerId: id,
      action: 'create',
      toUserId: ownerUserId,
      toPoolId: poolId,
      actorUserId: actor.userId,
      cause: 'created',
      at: now,
    },
  ]);
  await publishDomainEvent(tx, {
    tenantId: actor.tenantId,
    type: 'crm.customer.created',
    occurredAt: now,
    customerId: id,
    actorUserId: actor.userId,
    payload: { name: input.name, kind: input.kind, intentTier: input.intentTier ?? null, ownerUserId },
  });
  return inserted!;
}

/** Owner, team, pool and parent named in the input must exist in the tenant. */
async function checkReferences(
  deps: CrmDeps,
  actor: Actor,
  input: { ownerUserId?: string; teamId?: string | null; poolId?: string; parentId?: string | null },
): Promise<void> {
  const { db } = deps;
  if (input.ownerUserId) await checkOwner(db, actor, input.ownerUserId);
  if (input.teamId && !(await hasTeam(db, actor.tenantId, input.teamId))) throw teamUnknown(input.teamId);
  if (input.poolId && !(await findPool(db, actor.tenantId, input.poolId))) {
    throw customerInvalid([{ path: 'poolId', message: 'no such pool' }]);
  }
  if (input.parentId && !(await repo.findTenantCustomer(db, actor, input.parentId))) {
    throw customerInvalid([{ path: 'parentId', message: 'no such customer' }]);
  }
}

/** The owner named for a new customer must be a member whose role works on customers. */
async function checkOwner(db: CrmDeps['db'], actor: Actor, userId: string): Promise<void> {
  const member = await actorForMember(db, { id: actor.tenantId, slug: actor.tenantSlug }, userId, 'system');
  if (!member) throw ownerNotMember(userId);
  if (!permissionsOf(member.role).includes('customers.write')) throw ownerCannotOwn(userId, member.role);
}

/** The customer row with this id; not_found (or `crm.customer.merged`) when missing or out of scope. */
export async function getCustomerRow(deps: CrmDeps, actor: Actor, id: string): Promise<repo.CustomerRow> {
  requirePermission(actor, 'customers.read');
  const row = await repo.findVisibleCustomer(deps.db, actor, id);
  if (row) return row;
  const intoId = await repo.findMergeOf(deps.db, actor, id);
  if (intoId && (await repo.findVisibleCustomer(deps.db, actor, intoId))) throw customerMerged(id, intoId);
  throw customerNotFound(id);
}

/** The customer with this id; not_found when it is missing or outside the actor's scope. */
export async function getCustomer(deps: CrmDeps, actor: Actor, id: string): Promise<Customer> {
  return toCustomer(await getCustomerRow(deps, actor, id));
}

/**
 * Edits a customer's profile. Only the owner's scope may edit: pool customers are read-only until
 * claimed. Kind-specific rules and the USCC check apply to the customer as it will be. The deal state is
 * not edited here: deals derive it.
 */
export async function updateCustomer(
  deps: CrmDeps,
  actor: Actor,
  id: string,
  input: UpdateCustomerInput,
): Promise<Customer> {
  requirePermission(actor, 'customers.write');
  const current = await getCustomerRow(deps, actor, id);
  if (current.poolId && actor.scope !== 'all') {
    throw customerInvalid([{ path: 'id', message: 'claim this customer from its pool before editing it' }]);
  }
  const settings = await getCrmSettings(deps.db, actor.tenantId);
  const next = { ...current, ...input, customFields: { ...current.customFields, ...input.customFields } };
  const changed = Object.fromEntries(Object.keys(input).map((key) => [key, next[key as keyof typeof next]]));
  // The value tier changes through the tier endpoint; a code the tenant has since retired must not block edits.
  const issues = checkCustomerFields(
    { ...next, valueTier: undefined, kind: current.kind as Customer['kind'] },
    settings,
  );
  if (input.parentId === id)
    issues.push({ path: 'parentId', message: 'a customer cannot be its own parent' });
  if (issues.length) throw customerInvalid(issues);
  await checkReferences(deps, actor, { teamId: input.teamId, parentId: input.parentId });
  const now = deps.clock.now();
  const row = await deps.db
    .transaction(async (tx) => {
      const updated = await repo.updateCustomerRow(tx, actor, id, {
        ...changed,
        customFields: next.customFields,
        ...matchColumnsOf({ ...next, kind: current.kind as Customer['kind'] }),
        updatedAt: now,
      });
      return updated;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error, 'customers_external_id_key')) throw externalIdTaken(input.externalId!);
      throw error;
    });
  if (!row) throw customerNotFound(id);
  return toCustomer(row);
}

/** A page of the customers the actor may see, newest first or by last follow-up. */
export async function listCustomers(
  deps: CrmDeps,
  actor: Actor,
  query: ListCustomersQuery,
): Promise<CustomerPage> {
  requirePermission(actor, 'customers.read');
  const cursor = decodeCursor(query.sort, query.after);
  const rows = await repo.listVisibleCustomers(deps.db, actor, query, cursor);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toCustomer),
    nextCursor: rows.length > query.limit && last ? encodeCursor(query.sort, last) : null,
  };
}

/**
 * How many customers of each kind and intent tier the actor may see, for the list's picture and chips:
 * from the kept counts when the filters allow (kind, tier, owner, pool, ownership), else counted live.
 */
export async function summarizeCustomers(
  deps: CrmDeps,
  actor: Actor,
  query: CustomerSummaryQuery,
): Promise<CustomerSummary> {
  requirePermission(actor, 'customers.read');
  if (isServedByKeptCounts(query)) return summarizeFromKeptCounts(deps, actor, query);
  const [kinds, tiers] = await Promise.all([
    repo.countVisibleByKind(deps.db, actor, query),
    repo.countVisibleByIntentTier(deps.db, actor, query),
  ]);
  return toSummary(kinds, tiers, query);
}
