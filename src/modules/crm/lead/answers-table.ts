/**
 * The product team's view of a form's answers ("what do customers ask for"): the columns across every
 * version of the form, counts per option, and the rows as CSV. Pure: rows in, shapes out.
 */
import type { AnswerBrowseField, AnswerSummary } from './lead-answers.contract.js';

type Field = { key: string; label: string; type: string; options?: string[] };
type Row = {
  id: string;
  name: string;
  status: string;
  formVersion: number | null;
  answers: Record<string, unknown>;
  createdAt: Date;
};

/** Every field of every version, current ones first in their order, then keys only older versions had. */
export function columnsOf(versions: readonly { fields: readonly Field[] }[]): AnswerBrowseField[] {
  const columns = new Map<string, AnswerBrowseField>();
  for (const version of [...versions].reverse()) {
    for (const f of version.fields) {
      if (!columns.has(f.key))
        columns.set(f.key, { key: f.key, label: f.label, type: f.type as AnswerBrowseField['type'] });
    }
  }
  return [...columns.values()];
}

/** One cell: lists joined by `; `, yes/no as `yes`/`no`. */
export function cellOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join('; ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Quotes a CSV cell when needed and defuses cells a spreadsheet would run as a formula. */
function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The header line of the CSV export. */
export function csvHeader(columns: readonly AnswerBrowseField[]): string {
  return `${['leadId', 'leadName', 'status', 'formVersion', 'createdAt', ...columns.map((c) => c.key)].map(csvCell).join(',')}\r\n`;
}

/** One lead's line of the CSV export. */
export function csvLine(columns: readonly AnswerBrowseField[], row: Row): string {
  const cells = [row.id, row.name, row.status, String(row.formVersion ?? ''), row.createdAt.toISOString()];
  return `${[...cells, ...columns.map((c) => cellOf(row.answers[c.key]))].map(csvCell).join(',')}\r\n`;
}

/** Counts per field: how many leads answered it, and for choices and yes/no how often each value was given. */
export function summarize(
  columns: readonly AnswerBrowseField[],
  rows: readonly Row[],
): AnswerSummary['fields'] {
  return columns.map((column) => {
    const counts = new Map<string, number>();
    let answered = 0;
    for (const row of rows) {
      const value = row.answers[column.key];
      if (
        value === undefined ||
        value === null ||
        value === '' ||
        (Array.isArray(value) && value.length === 0)
      )
        continue;
      answered++;
      const values = Array.isArray(value) ? value : [value];
      if (['choice', 'multi_choice', 'yes_no'].includes(column.type)) {
        for (const v of values) counts.set(cellOf(v), (counts.get(cellOf(v)) ?? 0) + 1);
      }
    }
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    return { ...column, answered, counts: top.map(([value, count]) => ({ value, count })) };
  });
}
