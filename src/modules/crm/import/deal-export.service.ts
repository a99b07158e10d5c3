/**
 * Deals out of a tenant as CSV (`kehu deals export`): the deals the actor may see, page by page, with
 * the customer's name, the stage's name and the owner's email, in the encodings of the customer export.
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { CrmDeps } from '../crm-deps.js';
import { findCustomerFacts } from '../customer/customer-facts.service.js';
import type { Deal, DealQuery } from '../deal/deal.contract.js';
import { listDeals } from '../deal/deal.service.js';
import { listStagesById } from '../pipeline/pipeline.service.js';
import { encodeCsv } from './csv-decode.js';
import { stringifyCsv, type CsvCell } from './csv-rows.js';
import type { ExportEncoding } from './import.contract.js';
import { listMemberRefs } from './import-refs.service.js';

/** Rows per page read from the database. */
const PAGE = 500;

/** The columns of the deal export, in order. */
export const DEAL_CSV_COLUMNS = [
  'id',
  'name',
  'customerId',
  'customerName',
  'pipelineId',
  'stage',
  'outcome',
  'amount',
  'tax',
  'currency',
  'probability',
  'expectedCloseDate',
  'owner',
  'lostReason',
  'createdAt',
  'closedAt',
] as const;

export type DealExportQuery = Omit<DealQuery, 'after' | 'limit'> & { encoding: ExportEncoding };

/** A CSV file of deals, written as it is read. */
export type DealCsvExport = { chunks: AsyncGenerator<Buffer>; count: () => number };

/** The deals the actor may see as CSV, newest first, filtered like `GET /api/deals`. */
export async function exportDeals(
  deps: CrmDeps,
  actor: Actor,
  query: DealExportQuery,
): Promise<DealCsvExport> {
  requirePermission(actor, 'customers.export');
  const emails = new Map((await listMemberRefs(deps.db, actor.tenantId)).map((m) => [m.id, m.email]));
  const { encoding, ...filter } = query;
  let count = 0;
  async function* chunks(): AsyncGenerator<Buffer> {
    let after: string | undefined;
    for (let first = true; ; first = false) {
      const page = await listDeals(deps, actor, { ...filter, after, limit: PAGE });
      count += page.items.length;
      const rows = await rowsOf(deps, actor.tenantId, page.items, emails);
      const text = stringifyCsv([...DEAL_CSV_COLUMNS], rows);
      const body = first ? text : text.slice(text.indexOf('\r\n') + 2);
      yield encodeCsv(body, first || encoding !== 'utf-8-bom' ? encoding : 'utf-8');
      if (!page.nextCursor) return;
      after = page.nextCursor;
    }
  }
  return { chunks: chunks(), count: () => count };
}

async function rowsOf(
  deps: CrmDeps,
  tenantId: string,
  deals: Deal[],
  emails: Map<string, string>,
): Promise<CsvCell[][]> {
  const [facts, stages] = await Promise.all([
    findCustomerFacts(
      deps.db,
      tenantId,
      deals.map((d) => d.customerId),
    ),
    listStagesById(
      deps.db,
      tenantId,
      deals.map((d) => d.pipelineId),
    ),
  ]);
  return deals.map((d) => [
    d.id,
    d.name,
    d.customerId,
    facts.get(d.customerId)?.name ?? null,
    d.pipelineId,
    stages.get(d.stageId)?.name ?? null,
    d.outcome,
    d.amount,
    d.tax,
    d.currency,
    d.probability.manual,
    d.expectedCloseDate,
    d.ownerUserId ? (emails.get(d.ownerUserId) ?? d.ownerUserId) : null,
    d.lostReason,
    d.createdAt,
    d.closedAt,
  ]);
}
