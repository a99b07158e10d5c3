/** Request and response shapes of CSV import and export: the public contract of this feature. */
import { z } from 'zod';
import { CustomerKind, CustomerSummaryQuery } from '../customer/customer.contract.js';

/** The customer fields a CSV column can feed, in the column order of our own export. */
export const IMPORT_FIELDS = [
  'id',
  'kind',
  'name',
  'phone',
  'email',
  'wechatId',
  'region',
  'industry',
  'size',
  'parentId',
  'uscc',
  'agencyLevel',
  'procurementMode',
  'motive',
  'intentTier',
  'satisfactionTier',
  'valueTier',
  'persona',
  'owner',
  'pool',
  'source',
  'tags',
  'externalId',
  'locked',
  'dealState',
  'budget',
  'need',
  'objection',
  'refused',
  'lastFollowUpAt',
  'createdAt',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** What to do with a row that likely duplicates a customer: list it, create it anyway, or update the match. */
export const ON_DUPLICATE = ['report', 'create', 'update'] as const;
export type OnDuplicate = (typeof ON_DUPLICATE)[number];

/** Encodings of an export: `utf-8-bom` opens correctly in Excel, `gb18030` in old Chinese Excel. */
export const EXPORT_ENCODINGS = ['utf-8-bom', 'utf-8', 'gb18030'] as const;
export type ExportEncoding = (typeof EXPORT_ENCODINGS)[number];

/** What a column may be mapped to by hand: a field, `custom.<key>`, or `ignore`. */
const COLUMN_TARGET = /^(?:ignore|custom\.[a-zA-Z][a-zA-Z0-9_]{0,39}|[a-zA-Z]+)$/;

/**
 * Reads a column map given as a JSON object (`{"手机":"phone"}`) or as `Header=field` pairs separated
 * by commas (`手机=phone,Kunde=name`); the last `=` of a pair separates header and field.
 */
function parseColumnMap(text: string, ctx: z.RefinementCtx): Record<string, string> {
  let entries: [string, unknown][];
  if (text.trim().startsWith('{')) {
    try {
      const value: unknown = JSON.parse(text);
      entries =
        typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.entries(value) : [];
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not a JSON object' });
      return {};
    }
  } else {
    entries = text
      .split(',')
      .filter((pair) => pair.trim() !== '')
      .map((pair) => {
        const at = pair.lastIndexOf('=');
        return at < 0 ? [pair.trim(), ''] : [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
      });
  }
  for (const [header, target] of entries) {
    if (typeof target !== 'string' || !COLUMN_TARGET.test(target)) {
      ctx.addIssue({
        code: 'custom',
        message: `"${header}": map a header to a field, custom.<key> or ignore`,
      });
    }
  }
  return Object.fromEntries(entries) as Record<string, string>;
}

/** A column map as text, e.g. `Kundenname=name,Telefon=phone` or a JSON object. */
export const ColumnMapText = z.string().max(20_000).transform(parseColumnMap);

/** Query parameters of `POST /api/customers/import`; the body is the CSV file itself. */
export const ImportQuery = z.object({
  /** The kind of rows without a kind column; without it, a company name means business, a person's name consumer. */
  kind: CustomerKind.optional(),
  /** Header → field overrides, as JSON or `Header=field,...`; `ignore` leaves a column out. */
  map: ColumnMapText.optional(),
  /** Check and report without writing anything. */
  dryRun: z.stringbool().default(false),
  /** Rows that likely duplicate a customer: `report` (per the tenant's policy), `create` anyway, or `update` the one match. */
  onDuplicate: z.enum(ON_DUPLICATE).default('report'),
  /** Owner of rows without an owner column: a member's email, name or user id; default the caller. */
  owner: z.string().trim().min(1).max(320).optional(),
  /** Put rows without an owner or pool column into this pool instead. */
  poolId: z.uuid().optional(),
});
export type ImportQuery = z.infer<typeof ImportQuery>;

/** The options of an import, from the query string or the CLI. */
export type ImportOptions = Partial<ImportQuery> & {
  /** A pool by name for rows without an owner or pool column (the CLI's `--pool`). */
  poolName?: string;
  /** Rows per batch (one duplicate lookup, one insert); tests make it small. */
  chunkSize?: number;
};

/** A CSV column and what it feeds: a field, `custom.<key>`, a part of a name, or nothing. */
export const ImportColumn = z.object({
  header: z.string(),
  target: z.string().nullable(),
});
export type ImportColumn = z.infer<typeof ImportColumn>;

/** A row that likely duplicates existing customers or an earlier row of the file. */
export const ImportDuplicate = z.object({
  /** The line of the file where the row starts (the header is line 1). */
  row: z.number().int(),
  /** The customers it likely duplicates, including ones created from earlier rows of the file. */
  candidateIds: z.array(z.uuid()),
  /** The same customers with their names, for a report a person reads. */
  candidates: z.array(z.object({ id: z.uuid(), name: z.string() })),
  /** Earlier lines of this file it repeats. */
  candidateRows: z.array(z.number().int()),
  matchedOn: z.array(z.enum(['phone', 'email', 'name', 'uscc'])),
  /** `skipped` (the tenant blocks likely duplicates), `created` anyway, or `updated` the one match. */
  outcome: z.enum(['skipped', 'created', 'updated']),
  /** The customer the row created or updated, when it did. */
  customerId: z.uuid().nullable(),
});
export type ImportDuplicate = z.infer<typeof ImportDuplicate>;

/** One reason a row was not imported; a row can have several. */
export const ImportRejection = z.object({
  row: z.number().int(),
  /** The field (as in the import's columns, e.g. `phone`, `custom.level`) or `row`. */
  field: z.string(),
  message: z.string(),
});
export type ImportRejection = z.infer<typeof ImportRejection>;

/** The per-row outcome of an import. */
export const ImportReport = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  duplicates: z.array(ImportDuplicate),
  rejected: z.array(ImportRejection),
  /** Data rows in the file. */
  rows: z.number().int(),
  /** Rows with at least one rejection. */
  rejectedRows: z.number().int(),
  dryRun: z.boolean(),
  /** The encoding the file was read in. */
  encoding: z.string(),
  columns: z.array(ImportColumn),
  /** Headers that feed nothing; map them with `map`. */
  unmapped: z.array(z.string()),
  /** Required fields no column supplies (`name`). */
  missingRequired: z.array(z.string()),
  /** The first rows as read, for a preview. */
  preview: z.array(z.object({ row: z.number().int(), values: z.array(z.string()) })),
});
export type ImportReport = z.infer<typeof ImportReport>;

/**
 * What an export is for: with a purpose, customers whose consent to it is withdrawn (the newest
 * consent record with the customer's id as subject) are left out (docs/privacy.md).
 */
export const EXPORT_PURPOSES = ['marketing', 'analytics'] as const;

/** Query parameters of `GET /api/customers/export.csv`: the list's filters, an encoding, a purpose. */
export const ExportQuery = CustomerSummaryQuery.extend({
  encoding: z.enum(EXPORT_ENCODINGS).default('utf-8-bom'),
  purpose: z.enum(EXPORT_PURPOSES).optional(),
});
export type ExportQuery = z.infer<typeof ExportQuery>;

/** Query parameters of `POST /api/leads/import`; the body is the CSV file itself. */
export const LeadImportQuery = z.object({
  /** The kind of rows without a kind column. */
  kind: CustomerKind.optional(),
  /** The source of rows without a source column (default `import`). */
  source: z.string().trim().min(1).max(50).optional(),
  /** The requirements form of rows without a formId column. */
  formId: z.uuid().optional(),
  /** Check and report without writing anything. */
  dryRun: z.stringbool().default(false),
});
export type LeadImportQuery = z.infer<typeof LeadImportQuery>;
