/** Stored people and memberships in their public shapes. */
import type { CommitteeMember, Contact, ContactAccount } from './contact.contract.js';
import type { AccountOfContact, MemberRow, ContactRow } from './contact.repository.js';

/** A stored person in the public shape. */
export function toContact(row: ContactRow): Contact {
  return {
    id: row.id,
    name: row.name,
    title: row.title,
    phone: row.phone,
    email: row.email,
    wechatId: row.wechatId,
    externalId: row.externalId,
    notes: row.notes,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The membership fields of a stored row; the columns are checked text, so the casts hold. */
function membershipOf(row: MemberRow) {
  return {
    role: row.role as CommitteeMember['role'],
    department: row.department as CommitteeMember['department'],
    stance: row.stance as CommitteeMember['stance'],
    influence: row.influence,
    isPrimary: row.isPrimary,
  };
}

/** A stored membership with its person, as one seat of a committee. */
export function toMember(member: MemberRow, person: ContactRow): CommitteeMember {
  return { person: toContact(person), ...membershipOf(member) };
}

/** A stored membership with its account's name and kind, as one account of a person. */
export function toContactAccount(row: AccountOfContact): ContactAccount {
  return {
    customerId: row.customerId,
    customerName: row.customerName,
    customerKind: row.customerKind as ContactAccount['customerKind'],
    ...membershipOf(row),
  };
}
