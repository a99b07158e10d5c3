/** Shapes a stored lead for the API. */
import type { Lead } from './lead.contract.js';
import type { LeadRow } from './lead.repository.js';

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

/** A stored lead in its public shape (the share token hash never leaves the server). */
export function toLead(row: LeadRow): Lead {
  return {
    id: row.id,
    kind: row.kind as Lead['kind'],
    name: row.name,
    contactName: row.contactName,
    phone: row.phone,
    email: row.email,
    region: row.region,
    source: row.source,
    sourceRef: row.sourceRef,
    productId: row.productId,
    formId: row.formId,
    formVersion: row.formVersion,
    answers: row.answers as Lead['answers'],
    people: row.people as Lead['people'],
    language: row.language as Lead['language'],
    status: row.status as Lead['status'],
    disqualifyReason: row.disqualifyReason,
    note: row.note,
    ownerUserId: row.ownerUserId,
    teamId: row.teamId,
    customerId: row.customerId,
    dealId: row.dealId,
    shareExpiresAt: iso(row.shareExpiresAt),
    qualifiedAt: iso(row.qualifiedAt),
    convertedAt: iso(row.convertedAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
