/**
 * Exporting the customers a user may see as CSV, in the columns the import reads (owner as e-mail,
 * pool as name, tags joined with `;`, custom fields as `custom.<key>`), so an export imports back
 * unchanged. Pages of a thousand by keyset, never one giant query, and encoded as they come.
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { CrmDeps } from '../crm-deps.js';
import type { ListCustomersQuery } from '../customer/customer.contract.js';
import { listCustomerRows, type CustomerRow } from '../customer/customer-record.service.js';
import { getCrmSettings } from '../settings/crm-settings.service.js';
import { encodeCsv } from './csv-decode.js';
import { stringifyCsv, type CsvCell } from './csv-rows.js';
import { CUSTOMER_CSV_FIELDS, type CustomerCsvField } from './customer-columns.js';
import type { ExportQuery } from './import.contract.js';
import { exportConsentUnavailable } from './import.errors.js';
import { listMemberRefs, listPoolRefs } from './import-refs.service.js';

const PAGE = 1000;

/** A CSV download: its name, content type, and its bytes as they are produced. */
export type CsvExport = {
  filename: string;
  contentType: string;
  chunks: AsyncIterable<Buffer>;
  /** Customers written so far (all of them once `chunks` is exhausted). */
  count(): number;
  /** Customers left out so far for their consent (an export with a purpose). */
  leftOut(): number;
};

/**
 * The customers the actor may see (their scope and the pools), filtered like the list, as CSV in
 * `query.encoding`; nothing is read until `chunks` is iterated.
 */
export async function exportCustomers(deps: CrmDeps, actor: Actor, query: ExportQuery): Promise<CsvExport> {
  requirePermission(actor, 'customers.export');
  const [settings, members, pools] = await Promise.all([
    getCrmSettings(deps.db, actor.tenantId),
    listMemberRefs(deps.db, actor.tenantId),
    listPoolRefs(deps.db, actor.tenantId),
  ]);
  const customKeys = settings.customFields.map((def) => def.key);
  const headers = [...CUSTOMER_CSV_FIELDS, ...customKeys.map((key) => `custom.${key}`)];
  const emails = new Map(members.map((member) => [member.id, member.email]));
  const poolNames = new Map(pools.map((pool) => [pool.id, pool.name]));
  const cellsOf = (row: CustomerRow): CsvCell[] => [
    ...CUSTOMER_CSV_FIELDS.map((field) => cellOf(row, field, emails, poolNames)),
    ...customKeys.map((key) => row.customFields[key]),
  ];
  const { purpose, ...filters } = query;
  if (purpose && !deps.consents) throw exportConsentUnavailable();
  const consent = purpose ? deps.consents?.(purpose, 'withdrawn') : undefined;
  let count = 0;
  let leftOut = 0;
  async function* chunks(): AsyncGenerator<Buffer> {
    const list: ListCustomersQuery = { ...filters, sort: 'created', limit: PAGE };
    let after: { id: string } | undefined;
    for (let first = true; ; first = false) {
      const rows = await listCustomerRows(deps.db, actor, list, after);
      const read = rows.slice(0, PAGE);
      const excluded = consent
        ? await consent.excluded(
            deps.db,
            actor.tenantId,
            read.map((row) => row.id),
          )
        : new Set<string>();
      const page = read.filter((row) => !excluded.has(row.id));
      count += page.length;
      leftOut += read.length - page.length;
      const text = stringifyCsv(headers, page.map(cellsOf));
      // The header line opens the file only; a byte order mark likewise.
      const body = first ? text : text.slice(text.indexOf('\r\n') + 2);
      yield encodeCsv(body, first || query.encoding !== 'utf-8-bom' ? query.encoding : 'utf-8');
      if (rows.length <= PAGE) return;
      after = { id: read[read.length - 1]!.id };
    }
  }
  const date = deps.clock.now().toISOString().slice(0, 10);
  return {
    filename: `customers-${date}.csv`,
    contentType: `text/csv; charset=${query.encoding === 'gb18030' ? 'gb18030' : 'utf-8'}`,
    chunks: chunks(),
    count: () => count,
    leftOut: () => leftOut,
  };
}

function cellOf(
  row: CustomerRow,
  field: CustomerCsvField,
  emails: Map<string, string>,
  pools: Map<string, string>,
): CsvCell {
  switch (field) {
    case 'owner':
      return row.ownerUserId ? (emails.get(row.ownerUserId) ?? row.ownerUserId) : null;
    case 'pool':
      return row.poolId ? (pools.get(row.poolId) ?? row.poolId) : null;
    case 'tags':
      return row.tags.join(';');
    case 'lastFollowUpAt':
    case 'createdAt':
      return row[field]?.toISOString() ?? null;
    default:
      return row[field];
  }
}
