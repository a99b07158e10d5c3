/**
 * Converting a qualified lead: the customer (created from the lead, with CRM core's duplicate check, or
 * the one named), the lead's people on its buying committee with their roles, and an open deal that
 * points back at the lead and its answers — all in one transaction, so a failure leaves nothing behind.
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { publishDomainEvent } from '../../../platform/events/domain-event.js';
import { priceProducts } from '../catalog/catalog.service.js';
import type { CommitteeRole } from '../contact/contact.contract.js';
import { createContact } from '../contact/contact.service.js';
import type { CrmDeps } from '../crm-deps.js';
import type { CustomerKind } from '../customer/customer.contract.js';
import { createCustomer, getCustomerRow } from '../customer/customer.service.js';
import { createDeal } from '../deal/deal.service.js';
import { setParticipant } from '../deal/participant.service.js';
import type { ConvertInput, Conversion, LeadPerson } from './lead.contract.js';
import { leadConverted, leadNotFound, leadNotQualified } from './lead.errors.js';
import * as repo from './lead.repository.js';

/** The people who join the committee: the lead's people, else its contact person. */
function committeeOf(row: repo.LeadRow): LeadPerson[] {
  const people = row.people as LeadPerson[];
  if (people.length) return people;
  if (!row.contactName) return [];
  return [
    {
      name: row.contactName,
      ...(row.phone ? { phone: row.phone } : {}),
      ...(row.email ? { email: row.email } : {}),
    },
  ];
}

/** The customer of the conversion: the one named, or a new one from the lead (409 on a likely duplicate). */
async function customerFor(
  deps: CrmDeps,
  actor: Actor,
  row: repo.LeadRow,
  input: ConvertInput,
): Promise<string> {
  if (input.customerId) return input.customerId;
  const created = await createCustomer(deps, actor, {
    kind: row.kind as CustomerKind,
    name: row.name,
    ...(row.phone ? { phone: row.phone } : {}),
    ...(row.email ? { email: row.email } : {}),
    ...(row.region ? { region: row.region } : {}),
    source: row.source,
    ...(row.ownerUserId ? { ownerUserId: row.ownerUserId } : {}),
  });
  return created.id;
}

/**
 * The deal line a lead's product interest becomes: one unit at the customer's price. A product
 * without a price for the customer gives no line (the rep prices it on the deal).
 */
async function interestLines(
  deps: CrmDeps,
  actor: Actor,
  productId: string | null,
  customerId: string,
): Promise<{ productId: string; quantity: number }[]> {
  if (!productId) return [];
  const customer = await getCustomerRow(deps, actor, customerId);
  const priced = (await priceProducts(deps.db, actor.tenantId, [productId], customer)).get(productId);
  return priced?.price ? [{ productId, quantity: 1 }] : [];
}

/** Converts a qualified lead into a customer with its committee and an open deal; 201 `{customerId, dealId}`. */
export async function convertLead(
  deps: CrmDeps,
  actor: Actor,
  id: string,
  input: ConvertInput,
): Promise<Conversion> {
  requirePermission(actor, 'customers.write');
  if (!(await repo.findVisibleLead(deps.db, actor, id))) throw leadNotFound(id);
  return deps.db.transaction(async (tx: Db) => {
    const inner: CrmDeps = { ...deps, db: tx };
    const row = await repo.lockLead(tx, actor.tenantId, id);
    if (!row) throw leadNotFound(id);
    if (row.convertedAt) throw leadConverted(id, row.customerId);
    if (row.status !== 'qualified') throw leadNotQualified(id, row.status);
    const customerId = await customerFor(inner, actor, row, input);
    const people = committeeOf(row);
    const participants: { personId: string; role: CommitteeRole }[] = [];
    for (const [index, person] of people.entries()) {
      const { role, ...details } = person;
      const contact = await createContact(inner, actor, {
        ...details,
        accounts: [{ customerId, role: role ?? 'other', isPrimary: index === 0 }],
      });
      participants.push({ personId: contact.id, role: role ?? 'other' });
    }
    const lines = await interestLines(inner, actor, row.productId, customerId);
    const deal = await createDeal(
      inner,
      actor,
      { customerId, name: row.name, lines },
      { leadId: row.id, source: row.source },
    );
    for (const { personId, role } of participants) {
      await setParticipant(inner, actor, deal.id, personId, { roles: [role], stance: 'neutral' });
    }
    const now = deps.clock.now();
    await repo.updateLead(tx, actor, id, { customerId, dealId: deal.id, convertedAt: now, updatedAt: now });
    await publishDomainEvent(tx, {
      tenantId: actor.tenantId,
      type: 'crm.lead.converted',
      occurredAt: now,
      customerId,
      actorUserId: actor.userId,
      payload: {
        leadId: row.id,
        dealId: deal.id,
        formId: row.formId,
        formVersion: row.formVersion,
        answers: row.answers,
      },
    });
    return { customerId, dealId: deal.id };
  });
}
