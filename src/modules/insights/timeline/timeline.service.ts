/**
 * Touchpoint timelines: a person's (over its merge cluster), an account's (events naming it plus those
 * of the persons acting for it, within the actor's CRM scope) and a CRM contact's (its linked persons).
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { InsightsDeps } from '../insights-deps.js';
import { listClusterMembers } from './person-cluster.repository.js';
import { resolvePerson } from './person-view.service.js';
import { decodeCursor, nextCursorOf } from './timeline-cursor.js';
import type { Touchpoint, TouchpointPage, TouchpointQuery } from './timeline.contract.js';
import {
  listEventsOfAccount,
  listEventsOfPersons,
  type EventFilter,
  type TouchpointRow,
} from './timeline.repository.js';

/** A person's touchpoints, newest first; `ref` is a person id, userId, anonymousId or email. */
export async function listPersonEvents(
  deps: InsightsDeps,
  actor: Actor,
  ref: string,
  query: TouchpointQuery,
): Promise<TouchpointPage> {
  const filter = filterOf(query);
  const { memberIds } = await resolvePerson(deps, actor, ref);
  return pageOf(await listEventsOfPersons(deps.db, actor.tenantId, memberIds, filter), query.limit);
}

/** An account's touchpoints, newest first; a customer the actor may not see is the CRM's 404. */
export async function listCustomerEvents(
  deps: InsightsDeps,
  actor: Actor,
  customerId: string,
  query: TouchpointQuery,
): Promise<TouchpointPage> {
  requirePermission(actor, 'touchpoints.read');
  const filter = filterOf(query);
  await deps.crm.assertCustomerVisible(deps.db, actor, customerId);
  const members = await listClusterMembers(deps.db, actor.tenantId, { customerId });
  const rows = await listEventsOfAccount(
    deps.db,
    actor.tenantId,
    customerId,
    members.map((m) => m.id),
    filter,
  );
  return pageOf(rows, query.limit);
}

/** A CRM contact's touchpoints (those of the persons linked to it), newest first. */
export async function listContactEvents(
  deps: InsightsDeps,
  actor: Actor,
  crmPersonId: string,
  query: TouchpointQuery,
): Promise<TouchpointPage> {
  requirePermission(actor, 'touchpoints.read');
  const filter = filterOf(query);
  await deps.crm.assertContactExists(deps.db, actor, crmPersonId);
  const members = await listClusterMembers(deps.db, actor.tenantId, { crmPersonId });
  const rows = await listEventsOfPersons(
    deps.db,
    actor.tenantId,
    members.map((m) => m.id),
    filter,
  );
  return pageOf(rows, query.limit);
}

/** One row more than the page, to know whether another page follows. */
function filterOf(query: TouchpointQuery): EventFilter {
  return {
    event: query.event,
    type: query.type,
    channel: query.channel,
    after: decodeCursor(query.after),
    limit: query.limit + 1,
  };
}

function pageOf(rows: TouchpointRow[], limit: number): TouchpointPage {
  return { items: rows.slice(0, limit).map(touchpointOf), nextCursor: nextCursorOf(rows, limit) };
}

function touchpointOf(row: TouchpointRow): Touchpoint {
  const { cursorAt: _cursorAt, timestamp, receivedAt, ...rest } = row;
  return {
    ...rest,
    type: rest.type as Touchpoint['type'],
    channel: rest.channel as Touchpoint['channel'],
    timestamp: timestamp.toISOString(),
    receivedAt: receivedAt.toISOString(),
  };
}
