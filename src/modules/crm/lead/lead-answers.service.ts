/** Browse, summarise and export a form's answers across its leads (those the caller may see). */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { CrmDeps } from '../crm-deps.js';
import { listLeadFormVersions } from '../lead-form/lead-form.service.js';
import type { AnswerPage, AnswerSummary, AnswersQuery } from './lead-answers.contract.js';
import type { Lead } from './lead.contract.js';
import * as repo from './lead.repository.js';
import { columnsOf, csvHeader, csvLine, summarize } from './answers-table.js';

const BATCH = 500;
/** The most leads a summary or an export reads. */
const MAX_ROWS = 50_000;

type AnswerRow = Awaited<ReturnType<typeof repo.listFormAnswers>>[number];

/** Every answer row of a form the actor may see, newest first, a batch at a time. */
async function* allRows(deps: CrmDeps, actor: Actor, formId: string): AsyncGenerator<AnswerRow[]> {
  let after: string | undefined;
  for (let read = 0; read < MAX_ROWS; read += BATCH) {
    const rows = await repo.listFormAnswers(deps.db, actor, formId, after, BATCH);
    if (rows.length) yield rows;
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1]!.id;
  }
}

/** A page of a form's answers, optionally only of leads that answered `field`. */
export async function browseAnswers(
  deps: CrmDeps,
  actor: Actor,
  formId: string,
  query: AnswersQuery,
): Promise<AnswerPage> {
  const fields = columnsOf(await listLeadFormVersions(deps, actor, formId));
  const items: AnswerPage['items'] = [];
  let after = query.after;
  let more = true;
  // Filtering by field happens here (answers are JSON): read on until the page is full.
  while (items.length <= query.limit && more) {
    const rows = await repo.listFormAnswers(deps.db, actor, formId, after, BATCH);
    more = rows.length === BATCH;
    after = rows[rows.length - 1]?.id;
    for (const row of rows) {
      const value = query.field ? row.answers[query.field] : true;
      if (value === undefined || value === null || value === '') continue;
      items.push({
        leadId: row.id,
        leadName: row.name,
        status: row.status as Lead['status'],
        formVersion: row.formVersion,
        answers: row.answers as Lead['answers'],
        createdAt: row.createdAt.toISOString(),
      });
    }
  }
  const page = items.slice(0, query.limit);
  return {
    fields,
    items: page,
    nextCursor: items.length > query.limit ? page[page.length - 1]!.leadId : null,
  };
}

/** Per field: how many answered, and how often each option was chosen. */
export async function summarizeAnswers(deps: CrmDeps, actor: Actor, formId: string): Promise<AnswerSummary> {
  const columns = columnsOf(await listLeadFormVersions(deps, actor, formId));
  const rows: AnswerRow[] = [];
  for await (const batch of allRows(deps, actor, formId)) rows.push(...batch);
  return { leads: rows.length, fields: summarize(columns, rows) };
}

/** The answers as a CSV file (UTF-8 with BOM, for Excel): one line per lead, one column per field. */
export async function exportAnswers(
  deps: CrmDeps,
  actor: Actor,
  formId: string,
): Promise<{ filename: string; chunks: AsyncGenerator<string> }> {
  requirePermission(actor, 'customers.export');
  const columns = columnsOf(await listLeadFormVersions(deps, actor, formId));
  async function* chunks(): AsyncGenerator<string> {
    yield `\ufeff${csvHeader(columns)}`;
    for await (const batch of allRows(deps, actor, formId))
      yield batch.map((row) => csvLine(columns, row)).join('');
  }
  return { filename: `answers-${formId}.csv`, chunks: chunks() };
}
