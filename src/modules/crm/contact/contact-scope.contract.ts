/**
 * The accounts a contact sits with, as SQL for another statement: the persons of the customer data
 * platform that are a CRM contact are scoped by these accounts (see `crm/touchpoint-link`). Kept out
 * of `contact.contract.ts`, which the web app imports, because it names the table.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { accountMembers } from './contact.table.js';

/** The customer ids of the committees the contact `crmPersonId` (an SQL expression) sits on. */
export function customersOfContact(tenantId: string, crmPersonId: SQL): SQL {
  return sql`select ${accountMembers.customerId} from ${accountMembers} where ${and(
    eq(accountMembers.tenantId, tenantId),
    sql`${accountMembers.personId} = ${crmPersonId}`,
  )}`;
}
