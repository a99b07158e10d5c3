/**
 * What other contexts may know about a customer without the reader's CRM scope: name, kind, tiers,
 * industry and region. The warehouse reads it to apply the value tier's lot rules to orders of any customer.
 */
import type { Db } from '../../../platform/db/database.js';
import { listCustomerFacts, listMergesFrom, type CustomerFactsRow } from './customer.repository.js';

/**
 * A customer as other contexts see it: name, kind, value and intent tier, industry and region; `id`
 * is the surviving customer when the asked id was merged away.
 */
export type CustomerFacts = CustomerFactsRow;

/** The facts of each asked id that exists (merged ids resolve to the survivor), keyed by the asked id. */
export async function findCustomerFacts(
  db: Db,
  tenantId: string,
  ids: readonly string[],
): Promise<Map<string, CustomerFacts>> {
  const result = new Map<string, CustomerFacts>();
  if (ids.length === 0) return result;
  const unique = [...new Set(ids)];
  const merges = await listMergesFrom(db, tenantId, unique);
  const target = new Map(unique.map((id) => [id, id]));
  for (const merge of merges) target.set(merge.fromId, merge.intoId);
  const rows = await listCustomerFacts(db, tenantId, [...new Set(target.values())]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const [asked, into] of target) {
    const row = byId.get(into);
    if (row) result.set(asked, row);
  }
  return result;
}
