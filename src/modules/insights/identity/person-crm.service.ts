/**
 * Persons and the CRM, through the `CrmLink` port: a person who gains a userId, email or phone is
 * linked to the CRM contact with that external id, email key or phone key (when not linked yet) and
 * takes the contact's accounts; `group` maps its groupId to a customer, records the membership and,
 * for a known person, seats the contact (created from the traits if need be) on the customer's
 * buying committee.
 */
import type { TouchpointMessage } from '../message/message.contract.js';
import type { CrmContactDraft, CrmContactKeys, CrmContactMatch } from './crm-link.contract.js';
import type { IdentityDeps } from './person-resolution.service.js';
import { isKnown, type PersonState } from './person-state.js';
import type { AccountWrite } from './person-write.repository.js';

/** The CRM contacts for `keys`, in one call when the CRM offers the bulk form. */
async function findContacts(
  deps: IdentityDeps,
  tenantId: string,
  keys: CrmContactKeys[],
): Promise<(CrmContactMatch | undefined)[]> {
  if (keys.length === 0) return [];
  if (deps.crm.findContacts) return deps.crm.findContacts(deps.db, tenantId, keys);
  const found: (CrmContactMatch | undefined)[] = [];
  for (const key of keys) found.push(await deps.crm.findContact(deps.db, tenantId, key));
  return found;
}

/** The customers of `groupIds`, in one call when the CRM offers the bulk form. */
async function findCustomers(
  deps: IdentityDeps,
  tenantId: string,
  groupIds: string[],
): Promise<Map<string, string>> {
  if (groupIds.length === 0) return new Map();
  if (deps.crm.findCustomersByGroupIds) return deps.crm.findCustomersByGroupIds(deps.db, tenantId, groupIds);
  const found = new Map<string, string>();
  for (const groupId of groupIds) {
    const customerId = await deps.crm.findCustomerByGroupId(deps.db, tenantId, groupId);
    if (customerId) found.set(groupId, customerId);
  }
  return found;
}

const keysOf = (state: PersonState): CrmContactKeys => ({
  externalId: state.userId ?? undefined,
  emailKey: state.emailKey ?? undefined,
  phoneKey: state.phoneKey ?? undefined,
});

/**
 * Links each unlinked person in `candidates` to its CRM contact, if there is one, and gives the
 * person the contact's accounts; answers the account rows to write.
 */
export async function linkContacts(
  deps: IdentityDeps,
  tenantId: string,
  candidates: PersonState[],
): Promise<AccountWrite[]> {
  const unlinked = candidates.filter((state) => !state.crmPersonId && isKnown(state));
  const matches = await findContacts(deps, tenantId, unlinked.map(keysOf));
  const accounts: AccountWrite[] = [];
  unlinked.forEach((state, index) => {
    const match = matches[index];
    if (!match) return;
    state.crmPersonId = match.crmPersonId;
    for (const customerId of match.customerIds) {
      state.accounts.add(customerId);
      accounts.push({ personId: state.id, customerId, groupId: null, lastSeenAt: state.lastSeenAt });
    }
  });
  return accounts;
}

const text = (value: unknown, max: number): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, max) : undefined;

/** A CRM contact made from a person's traits: name (or first + last name, else email/phone/userId), email, phone, title. */
export function contactDraft(state: PersonState): CrmContactDraft {
  const traits = state.traits.values;
  const fullName = [text(traits.get('firstName'), 100), text(traits.get('lastName'), 100)]
    .filter(Boolean)
    .join(' ');
  const email = text(traits.get('email'), 320);
  const phone = text(traits.get('phone'), 40);
  const name =
    text(traits.get('name'), 200) ?? text(fullName, 200) ?? email ?? phone ?? state.userId ?? 'Unknown';
  return {
    name,
    email,
    phone,
    title: text(traits.get('title'), 200),
    externalId: state.userId ?? undefined,
  };
}

/** What the group messages of a batch decided: each message's customer, and the account rows. */
export type GroupOutcome = { customerOf: Map<number, string>; accounts: AccountWrite[] };

/**
 * Maps the batch's group messages to customers, adds the memberships, and seats every known
 * person on the committees of the customers it grouped with (its contact created if need be).
 */
export async function applyGroups(
  deps: IdentityDeps,
  tenantId: string,
  messages: TouchpointMessage[],
  personIds: (string | null)[],
  states: Map<string, PersonState>,
): Promise<GroupOutcome> {
  const groupIds = [
    ...new Set(messages.flatMap((m) => (m.type === 'group' && m.groupId ? [m.groupId] : []))),
  ];
  const customers = await findCustomers(deps, tenantId, groupIds);
  const outcome: GroupOutcome = { customerOf: new Map(), accounts: [] };
  const seats = new Map<string, { state: PersonState; customerId: string }>();
  messages.forEach((message, index) => {
    const customerId =
      message.type === 'group' && message.groupId ? customers.get(message.groupId) : undefined;
    const state = states.get(personIds[index] ?? '');
    if (!customerId || !state) return;
    outcome.customerOf.set(index, customerId);
    state.accounts.add(customerId);
    outcome.accounts.push({
      personId: state.id,
      customerId,
      groupId: message.groupId,
      lastSeenAt: message.timestamp,
    });
    if (isKnown(state)) seats.set(`${state.id}:${customerId}`, { state, customerId });
  });
  for (const { state, customerId } of seats.values()) {
    const crmPersonId = await deps.crm.joinCommittee(deps.db, tenantId, {
      customerId,
      ...(state.crmPersonId ? { crmPersonId: state.crmPersonId } : { draft: contactDraft(state) }),
    });
    state.crmPersonId ??= crmPersonId;
  }
  return outcome;
}
