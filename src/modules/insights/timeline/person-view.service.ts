/**
 * Persons as the customer data platform shows them: found by any id they are known by, listed and
 * searched, with their ids, accounts and trait history gathered over their merge cluster.
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import { isUuid } from '../../../platform/ids.js';
import type { InsightsDeps } from '../insights-deps.js';
import { findSurvivorId, listClusterMembers, type ClusterMember } from './person-cluster.repository.js';
import {
  isPersonInScope,
  listAccountLinks,
  listIdentities,
  listPersonRows,
  listSurvivors,
  listTraitChanges,
  type AccountRow,
  type PersonRow,
} from './person-view.repository.js';
import { decodeCursor, nextCursorOf } from './timeline-cursor.js';
import type {
  IdentityKind,
  Person,
  PersonPage,
  PersonQuery,
  PersonSummary,
  TraitChangeList,
} from './timeline.contract.js';
import { personNotFound } from './timeline.errors.js';

/** The newest trait changes a person view answers. */
export const MAX_TRAIT_CHANGES = 1000;

/** A resolved person: the survivor's id and every member of its cluster (the survivor first). */
export type ResolvedPerson = { id: string; memberIds: string[] };

/**
 * The person `ref` names, as its survivor with its cluster: a person id (merged ones resolve to the
 * survivor), else a userId, anonymousId or email it is known by. Throws `insights.person.not_found`.
 */
export async function resolvePerson(deps: InsightsDeps, actor: Actor, ref: string): Promise<ResolvedPerson> {
  requirePermission(actor, 'touchpoints.read');
  const id = await findSurvivorId(deps.db, actor.tenantId, {
    personId: isUuid(ref) ? ref.toLowerCase() : undefined,
    value: ref,
    emailKey: deps.crm.emailKey(ref),
  });
  if (id === undefined) throw personNotFound(ref);
  // A person acting only for accounts the actor may not see is as unknown as a missing one.
  const scope = deps.crm.personScope(actor);
  if (scope && !(await isPersonInScope(deps.db, actor.tenantId, id, scope))) throw personNotFound(ref);
  const members = await listClusterMembers(deps.db, actor.tenantId, { personIds: [id] });
  return { id, memberIds: [id, ...members.map((m) => m.id).filter((m) => m !== id)] };
}

/** A person with its ids, accounts and merged persons; `ref` as `resolvePerson` takes it. */
export async function getPerson(deps: InsightsDeps, actor: Actor, ref: string): Promise<Person> {
  const { id, memberIds } = await resolvePerson(deps, actor, ref);
  const [[row], identities, links] = await Promise.all([
    listPersonRows(deps.db, actor.tenantId, [id]),
    listIdentities(deps.db, actor.tenantId, memberIds),
    listAccountLinks(deps.db, actor.tenantId, memberIds),
  ]);
  if (!row) throw personNotFound(ref);
  return {
    ...summaryOf(row, links),
    identities: identities.map((i) => ({ kind: i.kind as IdentityKind, value: i.value })),
    mergedPersonIds: memberIds.filter((m) => m !== id),
  };
}

/** Persons last seen first, merged ones left out; `q` searches ids, name and email by prefix. */
export async function listPersons(deps: InsightsDeps, actor: Actor, query: PersonQuery): Promise<PersonPage> {
  requirePermission(actor, 'touchpoints.read');
  const rows = await listSurvivors(deps.db, actor.tenantId, {
    q: query.q,
    after: decodeCursor(query.after),
    limit: query.limit + 1,
    scope: deps.crm.personScope(actor),
  });
  const page = rows.slice(0, query.limit);
  const members = page.length
    ? await listClusterMembers(deps.db, actor.tenantId, { personIds: page.map((p) => p.id) })
    : [];
  const links = await listAccountLinks(
    deps.db,
    actor.tenantId,
    members.map((m) => m.id),
  );
  const linksByRoot = groupLinks(members, links);
  return {
    items: page.map((row) => summaryOf(row, linksByRoot.get(row.id) ?? [])),
    nextCursor: nextCursorOf(rows, query.limit),
  };
}

/** A person's trait history over its cluster, newest first (the newest MAX_TRAIT_CHANGES). */
export async function listPersonTraitChanges(
  deps: InsightsDeps,
  actor: Actor,
  ref: string,
): Promise<TraitChangeList> {
  const { memberIds } = await resolvePerson(deps, actor, ref);
  const rows = await listTraitChanges(deps.db, actor.tenantId, memberIds, MAX_TRAIT_CHANGES);
  return { items: rows.map((r) => ({ ...r, changedAt: r.changedAt.toISOString() })) };
}

function summaryOf(row: PersonRow, links: AccountRow[]): PersonSummary {
  const accounts = new Map<string, string | null>();
  for (const link of links) {
    if (!accounts.has(link.customerId) || accounts.get(link.customerId) === null) {
      accounts.set(link.customerId, link.groupId);
    }
  }
  return {
    id: row.id,
    userId: row.userId,
    traits: row.traits,
    crmPersonId: row.crmPersonId,
    accounts: [...accounts].map(([customerId, groupId]) => ({ customerId, groupId })),
    firstSeenAt: row.firstSeenAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
  };
}

function groupLinks(members: ClusterMember[], links: AccountRow[]): Map<string, AccountRow[]> {
  const rootOf = new Map(members.map((m) => [m.id, m.rootId]));
  const byRoot = new Map<string, AccountRow[]>();
  for (const link of links) {
    const root = rootOf.get(link.personId) ?? link.personId;
    byRoot.set(root, [...(byRoot.get(root) ?? []), link]);
  }
  return byRoot;
}
