/**
 * The header's search box: each context's own list search (the same text rules, indexes and data
 * scope as its page), a few hits of each, side by side. The composition root joins them; no context
 * knows the others. A group the actor's role does not include is left out, not refused.
 */
import type { Actor, Permission } from '../platform/auth/actor.js';
import type { Clock } from '../platform/clock.js';
import type { Db } from '../platform/db/database.js';
import { crmLink, listContacts, listCustomers, listLeads } from '../modules/crm/index.js';
import { listPersons, type IngestRuntime } from '../modules/insights/index.js';
import { listOrders } from '../modules/warehouse/index.js';
import type {
  GlobalSearchQuery,
  GlobalSearchResult,
  SearchGroup,
  SearchHit,
  SearchType,
} from './global-search.contract.js';

export type GlobalSearchDeps = { db: Db; clock: Clock; ingest: IngestRuntime };

type Page<T> = { items: T[]; nextCursor: string | null };

/** One group: the permission it needs and how to ask its context for `limit` hits. */
type Source = {
  type: SearchType;
  permission: Permission;
  search: (deps: GlobalSearchDeps, actor: Actor, q: string, limit: number) => Promise<Page<SearchHit>>;
};

const hits = <T>(page: Page<T>, hit: (item: T) => SearchHit): Page<SearchHit> => ({
  items: page.items.map(hit),
  nextCursor: page.nextCursor,
});

const joined = (...parts: (string | null | undefined)[]): string | null =>
  parts.filter((part): part is string => Boolean(part)).join(' · ') || null;

const SOURCES: Source[] = [
  {
    type: 'customers',
    permission: 'customers.read',
    search: async (deps, actor, q, limit) =>
      hits(await listCustomers(deps, actor, { q, limit, sort: 'created' }), (customer) => ({
        id: customer.id,
        title: customer.name,
        subtitle: joined(customer.region, customer.phone ?? customer.email),
        path: `/customers/${customer.id}`,
      })),
  },
  {
    type: 'contacts',
    permission: 'customers.read',
    search: async (deps, actor, q, limit) =>
      hits(await listContacts(deps, actor, { q, limit }), (contact) => ({
        id: contact.id,
        title: contact.name,
        subtitle: joined(
          contact.accounts.map((account) => account.customerName).join(', '),
          contact.title,
          contact.phone ?? contact.email,
        ),
        path: `/people/${contact.id}`,
      })),
  },
  {
    type: 'persons',
    permission: 'touchpoints.read',
    search: async (deps, actor, q, limit) =>
      hits(await listPersons({ ...deps, crm: crmLink }, actor, { q, limit }), (person) => ({
        id: person.id,
        title: personTitle(person),
        subtitle: personSubtitle(person),
        path: `/insights/persons/${person.id}`,
      })),
  },
  {
    type: 'leads',
    permission: 'customers.read',
    search: async (deps, actor, q, limit) =>
      hits(await listLeads(deps, actor, { q, limit }), (lead) => ({
        id: lead.id,
        title: lead.name,
        subtitle: joined(lead.contactName, lead.region, lead.phone ?? lead.email),
        path: `/leads/${lead.id}`,
      })),
  },
  {
    type: 'orders',
    permission: 'warehouse.read',
    search: async (deps, actor, q, limit) =>
      hits(await listOrders(deps, actor, { q, limit }), (order) => ({
        id: order.id,
        title: order.externalRef,
        subtitle: joined(order.warehouseCode, order.customerName, order.destination.city),
        path: `/warehouse/orders/${order.id}`,
      })),
  },
];

/** A person's name as its traits give it, else an email or user id. */
function personTitle(person: { userId: string | null; traits: Record<string, unknown> }): string {
  const { name, email } = person.traits;
  if (typeof name === 'string' && name.trim()) return name;
  if (typeof email === 'string' && email.trim()) return email;
  return person.userId ?? '—';
}

/** What else identifies a person: the user id and the email or phone the traits carry. */
function personSubtitle(person: { userId: string | null; traits: Record<string, unknown> }): string | null {
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return joined(person.userId, text(person.traits.email) ?? text(person.traits.phone));
}

/** Searches every group the actor may read, at once; groups without a hit are left out. */
export async function globalSearch(
  deps: GlobalSearchDeps,
  actor: Actor,
  query: GlobalSearchQuery,
): Promise<GlobalSearchResult> {
  const allowed = SOURCES.filter((source) => actor.permissions.includes(source.permission));
  const pages = await Promise.all(allowed.map((source) => source.search(deps, actor, query.q, query.limit)));
  const groups: SearchGroup[] = allowed.flatMap((source, index) => {
    const page = pages[index]!;
    return page.items.length > 0
      ? [{ type: source.type, items: page.items, more: page.nextCursor !== null }]
      : [];
  });
  return { q: query.q, groups };
}
