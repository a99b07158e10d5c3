/**
 * Leads from a CSV file (`POST /api/leads/import`, `kehu leads import`): each row becomes a lead through
 * the lead service, so the same checks and assignment apply, and the answer reports every row in the
 * shape of the customer import's report.
 */
import type { Actor } from '../../../platform/auth/actor.js';
import { isAppError } from '../../../platform/errors.js';
import { requirePermission } from '../../../platform/auth/actor.js';
import type { CrmDeps } from '../crm-deps.js';
import { CreateLeadInput } from '../lead/lead.contract.js';
import { createLead } from '../lead/lead.service.js';
import { decodeCsv } from './csv-decode.js';
import { CsvFormatError, parseCsvRecords, type CsvRecords } from './csv-rows.js';
import type { ImportRejection, ImportReport, LeadImportQuery } from './import.contract.js';
import { importEmpty, importMalformed } from './import.errors.js';
import { leadFieldOf, leadInputOf } from './lead-columns.js';

const PREVIEW_ROWS = 5;

/** The header and rows of the upload; 400 when it is empty or not CSV. */
function readFile(bytes: Buffer | undefined): CsvRecords & { encoding: string } {
  if (!bytes || bytes.length === 0) throw importEmpty();
  const { text, encoding } = decodeCsv(bytes);
  try {
    const records = parseCsvRecords(text);
    if (records.headers.every((header) => header === '')) throw importEmpty();
    return { ...records, encoding };
  } catch (error) {
    if (error instanceof CsvFormatError) throw importMalformed(error.line, error.message);
    throw error;
  }
}

/** Imports leads from CSV bytes; `dryRun` checks every row and writes nothing. */
export async function importLeads(
  deps: CrmDeps,
  actor: Actor,
  bytes: Buffer | undefined,
  options: Partial<LeadImportQuery>,
): Promise<ImportReport> {
  requirePermission(actor, 'customers.import');
  const file = readFile(bytes);
  const targets = file.headers.map(leadFieldOf);
  const rejected: ImportRejection[] = [];
  let created = 0;
  for (const row of file.rows) {
    const raw = leadInputOf(targets, row, {
      kind: options.kind,
      source: options.source ?? 'import',
      formId: options.formId,
    });
    const parsed = CreateLeadInput.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        rejected.push({ row: row.line, field: issue.path.join('.') || 'row', message: issue.message });
      continue;
    }
    if (options.dryRun) {
      created++;
      continue;
    }
    try {
      await createLead(deps, actor, parsed.data);
      created++;
    } catch (error) {
      if (!isAppError(error, 'invalid')) throw error;
      const issues = error.issues ?? [{ path: 'row', message: error.message }];
      for (const issue of issues) rejected.push({ row: row.line, field: issue.path, message: issue.message });
    }
  }
  const present = new Set(targets);
  return {
    created,
    updated: 0,
    duplicates: [],
    rejected,
    rows: file.rows.length,
    rejectedRows: new Set(rejected.map((r) => r.row)).size,
    dryRun: options.dryRun ?? false,
    encoding: file.encoding,
    columns: file.headers.map((header, i) => ({ header, target: targets[i] ?? null })),
    unmapped: file.headers.filter((_, i) => targets[i] === null),
    missingRequired: present.has('name') ? [] : ['name'],
    preview: file.rows.slice(0, PREVIEW_ROWS).map((row) => ({ row: row.line, values: row.values })),
  };
}
