/** Customer rows as the API shows them. */
import type { Customer } from './customer.contract.js';
import type { CustomerRow } from './customer.repository.js';

/** A stored customer row in its public shape. */
export function toCustomer(row: CustomerRow): Customer {
  return {
    id: row.id,
    kind: row.kind as Customer['kind'],
    name: row.name,
    phone: row.phone,
    email: row.email,
    wechatId: row.wechatId,
    region: row.region,
    industry: row.industry,
    size: row.size,
    parentId: row.parentId,
    uscc: row.uscc,
    agencyLevel: row.agencyLevel,
    procurementMode: row.procurementMode,
    motive: row.motive,
    intentTier: row.intentTier as Customer['intentTier'],
    satisfactionTier: row.satisfactionTier as Customer['satisfactionTier'],
    valueTier: row.valueTier,
    persona: row.persona,
    budget: row.budget as Customer['budget'],
    need: row.need as Customer['need'],
    objection: row.objection,
    refused: row.refused,
    ownerUserId: row.ownerUserId,
    teamId: row.teamId,
    poolId: row.poolId,
    receivedAt: row.receivedAt?.toISOString() ?? null,
    lastFollowUpAt: row.lastFollowUpAt?.toISOString() ?? null,
    locked: row.locked,
    dealState: row.dealState as Customer['dealState'],
    source: row.source,
    tags: row.tags,
    externalId: row.externalId,
    customFields: row.customFields,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
