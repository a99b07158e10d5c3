/**
 * Quote use cases: make the next version of a deal's quote from its current lines, list and read the
 * versions, render one as PDF. A version is written once and never changed. Deals' scope applies: an
 * actor who cannot see the deal gets its 404.
 */
import { findTenantName, findUserNames } from '../../access/index.js';
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import { DAY_MS } from '../../../platform/clock.js';
import { isUniqueViolation } from '../../../platform/db/errors.js';
import { withTransactionRetry } from '../../../platform/db/retry.js';
import { publishDomainEvent } from '../../../platform/events/domain-event.js';
import { newId } from '../../../platform/ids.js';
import { findProductLabels } from '../catalog/catalog.service.js';
import type { CrmDeps } from '../crm-deps.js';
import { findCustomerFacts } from '../customer/customer-facts.service.js';
import type { Deal } from '../deal/deal.contract.js';
import { getDeal, getDealRow } from '../deal/deal.service.js';
import {
  quoteNumber,
  type CreateQuoteInput,
  type Quote,
  type QuoteLine,
  type QuoteList,
  type QuoteTotals,
} from './quote.contract.js';
import { quoteInvalid, quoteNoLines, quoteNotFound } from './quote.errors.js';
import { renderQuotePdf } from './quote.pdf.js';
import * as repo from './quote.repository.js';

/** How long a quote holds when the request names no date. */
const DEFAULT_VALID_DAYS = 30;

/** The deal's lines as quoted, with product names and SKUs and each line's totals. */
async function quoteLines(deps: CrmDeps, tenantId: string, deal: Deal): Promise<QuoteLine[]> {
  const labels = await findProductLabels(
    deps.db,
    tenantId,
    deal.lines.map((line) => line.productId),
  );
  return deal.lines.map((line) => {
    const product = labels.get(line.productId);
    return {
      lineNo: line.lineNo,
      productId: line.productId,
      name: product?.name ?? line.productId,
      sku: product?.sku ?? null,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      discountPercent: line.discountPercent,
      taxRate: line.taxRate,
      gross: Math.round(line.quantity * line.unitPrice),
      net: line.net,
      tax: line.tax,
      total: line.net + line.tax,
    };
  });
}

/** Subtotal before discount, the discount, tax and total of quoted lines. */
function sumLines(lines: QuoteLine[]): QuoteTotals {
  const sum = (pick: (line: QuoteLine) => number) => lines.reduce((total, line) => total + pick(line), 0);
  const subtotal = sum((line) => line.gross);
  const net = sum((line) => line.net);
  const tax = sum((line) => line.tax);
  return { subtotal, discount: subtotal - net, tax, total: net + tax };
}

/** The validity date: as asked (not before today), else 30 days on; 400 naming `validUntil`. */
function validUntilOf(input: CreateQuoteInput, now: Date): string {
  const today = now.toISOString().slice(0, 10);
  if (input.validUntil === undefined)
    return new Date(now.getTime() + DEFAULT_VALID_DAYS * DAY_MS).toISOString().slice(0, 10);
  if (input.validUntil < today)
    throw quoteInvalid([{ path: 'validUntil', message: 'a quote cannot expire before today' }]);
  return input.validUntil;
}

/**
 * Makes the next version of the deal's quote from its current lines (409 `crm.quote.no_lines` when it
 * has none) and publishes `crm.deal.quote_sent` with it.
 */
export async function createQuote(
  deps: CrmDeps,
  actor: Actor,
  dealId: string,
  input: CreateQuoteInput,
): Promise<Quote> {
  requirePermission(actor, 'customers.write');
  const deal = await getDeal(deps, actor, dealId);
  if (deal.lines.length === 0) throw quoteNoLines(dealId);
  const now = deps.clock.now();
  const validUntil = validUntilOf(input, now);
  const lines = await quoteLines(deps, actor.tenantId, deal);
  const totals = sumLines(lines);
  const customer = (await findCustomerFacts(deps.db, actor.tenantId, [deal.customerId])).get(deal.customerId);
  const row: repo.NewQuoteRow = {
    tenantId: actor.tenantId,
    id: newId(),
    dealId,
    language: input.language ?? 'zh-CN',
    currency: deal.currency,
    lines,
    totals,
    total: totals.total,
    customerName: customer?.name ?? '',
    sellerName: (await findTenantName(deps.db, actor.tenantId)) ?? '',
    validUntil,
    note: input.note || null,
    status: 'sent',
    createdBy: actor.userId,
    createdAt: now,
  };
  const saved = await withTransactionRetry(
    () => deps.db.transaction(async (tx) => insertQuote(tx, actor, row, deal.customerId)),
    { isRetryable: (error) => isUniqueViolation(error, 'deal_quotes_version_key') },
  );
  return (await toQuotes(deps, [saved]))[0]!;
}

/** Writes the version and its event in one transaction. */
async function insertQuote(
  tx: CrmDeps['db'],
  actor: Actor,
  row: repo.NewQuoteRow,
  customerId: string,
): Promise<repo.QuoteRow> {
  const saved = await repo.insertNextQuote(tx, row);
  await publishDomainEvent(tx, {
    tenantId: actor.tenantId,
    type: 'crm.deal.quote_sent',
    occurredAt: saved.createdAt,
    customerId,
    actorUserId: actor.userId,
    payload: {
      dealId: saved.dealId,
      quoteId: saved.id,
      version: saved.version,
      number: quoteNumber(saved.dealId, saved.version),
      language: saved.language,
      currency: saved.currency,
      total: saved.total,
      validUntil: saved.validUntil,
    },
  });
  return saved;
}

/** Rows in their public shape, with who made each. */
async function toQuotes(deps: CrmDeps, rows: repo.QuoteRow[]): Promise<Quote[]> {
  const names = await findUserNames(
    deps.db,
    rows.map((row) => row.createdBy),
  );
  return rows.map((row) => ({
    id: row.id,
    dealId: row.dealId,
    version: row.version,
    number: quoteNumber(row.dealId, row.version),
    language: row.language as Quote['language'],
    currency: row.currency,
    customerName: row.customerName,
    sellerName: row.sellerName,
    lines: row.lines,
    totals: row.totals,
    validUntil: row.validUntil,
    note: row.note,
    status: 'sent',
    createdBy: row.createdBy,
    createdByName: (row.createdBy && names.get(row.createdBy)?.name) || null,
    createdAt: row.createdAt.toISOString(),
  }));
}

/** The versions of a deal's quote, newest first. */
export async function listQuotes(deps: CrmDeps, actor: Actor, dealId: string): Promise<QuoteList> {
  await getDealRow(deps, actor, dealId);
  return { items: await toQuotes(deps, await repo.listQuoteRows(deps.db, actor.tenantId, dealId)) };
}

/** One version of a deal's quote; 404 `crm.quote.not_found` when there is none. */
export async function getQuote(deps: CrmDeps, actor: Actor, dealId: string, version: number): Promise<Quote> {
  await getDealRow(deps, actor, dealId);
  const row = await repo.findQuoteRow(deps.db, actor.tenantId, dealId, version);
  if (!row) throw quoteNotFound(dealId, version);
  return (await toQuotes(deps, [row]))[0]!;
}

/** One version as a PDF file: its name and bytes. */
export async function renderQuote(
  deps: CrmDeps,
  actor: Actor,
  dealId: string,
  version: number,
): Promise<{ filename: string; body: Buffer }> {
  const quote = await getQuote(deps, actor, dealId, version);
  return { filename: `${quote.number}.pdf`, body: await renderQuotePdf(quote) };
}
