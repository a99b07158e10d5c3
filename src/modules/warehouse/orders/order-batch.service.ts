/**
 * Pushing up to a thousand orders at once (peak days). The batch answers as if its orders were
 * pushed one by one, in input order, with the single push's rules and error codes, but set-based:
 * every order is parsed on its own, the stored (source, externalRef) pairs are found in one query,
 * the codes of all orders are resolved with a handful, and the new orders and their lines are
 * inserted in one transaction with multi-row statements.
 *
 * The same (source, externalRef) twice in one batch: the first order that passes the rules is
 * created, every later one is `existing` with its id (as a second single push would be). A rejected
 * order stores nothing and fails no other order. An order that a concurrent push stored first (the
 * unique index decides) is `existing`.
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import { withTransactionRetry } from '../../../platform/db/retry.js';
import type { AppError } from '../../../platform/errors.js';
import { findInputFault, inputFaultError, textFault } from '../../../platform/http/input-guard.js';
import { REQUEST_ERRORS } from '../../../platform/http/problem.contract.js';
import { newId } from '../../../platform/ids.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
import { checkOrder } from './order-check.js';
import {
  CreateOutboundOrderInput,
  type OrderBatchReport,
  type OrderBatchResult,
  type PushOrderBatchInput,
} from './order.contract.js';
import * as repo from './order.repository.js';
import { newOrderRow } from './order.service.js';
import { loadOrderLookups } from './order-validation.service.js';

type Parsed = { index: number; input: CreateOutboundOrderInput; key: string };
/** The first order of a pair that passed the rules, and the later orders of the same pair. */
type Winner = { id: string; row: repo.NewOrderRow; lines: repo.NewOrderLineRow[]; later: number[] };

/** Pushes the batch's orders; one result per order, in input order. */
export async function pushOutboundOrders(
  deps: WarehouseDeps,
  actor: Actor,
  batch: PushOrderBatchInput,
): Promise<OrderBatchReport> {
  requirePermission(actor, 'warehouse.orders');
  const results: OrderBatchResult[] = batch.orders.map((raw, index) => ({
    index,
    source: echo(raw, 'source') ?? (isObject(raw) && raw.source === undefined ? 'api' : null),
    externalRef: echo(raw, 'externalRef'),
    status: 'rejected',
  }));
  const parsed: Parsed[] = [];
  batch.orders.forEach((raw, index) => {
    const outcome = parseOrder(raw);
    if ('error' in outcome) results[index]!.error = outcome.error;
    else parsed.push({ index, input: outcome.input, key: keyOf(outcome.input) });
  });
  const stored = await findStored(deps, actor, parsed);
  const fresh = parsed.filter((p) => !stored.has(p.key));
  const lookups = await loadOrderLookups(
    deps.db,
    actor.tenantId,
    fresh.map((p) => p.input),
  );
  const now = deps.clock.now();
  const winners = new Map<string, Winner>();
  for (const order of parsed) {
    const result = results[order.index]!;
    const storedId = stored.get(order.key);
    const winner = winners.get(order.key);
    if (storedId) Object.assign(result, { status: 'existing', id: storedId });
    else if (winner) winner.later.push(order.index);
    else {
      const checked = checkOrder(order.input, lookups);
      if (!checked.ok) {
        result.error = errorOf(checked.error);
        continue;
      }
      const id = newId();
      const lines = checked.order.lines.map((line) => ({ tenantId: actor.tenantId, orderId: id, ...line }));
      const row = newOrderRow(actor, id, order.input, checked.order, now);
      winners.set(order.key, { id, row, lines, later: [] });
      Object.assign(result, { status: 'created', id });
    }
  }
  await settleWinners(deps, actor, winners, results);
  return report(results);
}

/**
 * Inserts the winners; one that a concurrent push stored first becomes `existing` with the stored
 * id. The later orders of each pair answer the winner's id.
 */
async function settleWinners(
  deps: WarehouseDeps,
  actor: Actor,
  winners: Map<string, Winner>,
  results: OrderBatchResult[],
): Promise<void> {
  const inserted = await insertWinners(deps, [...winners.values()]);
  const lost = [...winners].filter(([, winner]) => !inserted.has(winner.id));
  const racedTo = await findStored(
    deps,
    actor,
    lost.map(([key, winner]) => ({ key, input: winner.row })),
  );
  for (const [key, winner] of lost) {
    const id = racedTo.get(key);
    if (!id) throw new Error('an order was neither inserted nor found by its external reference');
    const first = results.find((r) => r.id === winner.id)!;
    Object.assign(first, { status: 'existing', id });
    winner.id = id;
  }
  for (const winner of winners.values())
    for (const index of winner.later) Object.assign(results[index]!, { status: 'existing', id: winner.id });
}

/** Inserts the new orders and their lines in one transaction; answers the ids inserted. */
async function insertWinners(deps: WarehouseDeps, winners: Winner[]): Promise<Set<string>> {
  if (winners.length === 0) return new Set();
  // One order of rows for every batch, so two batches racing on the same pairs wait, never deadlock.
  const sorted = [...winners].sort((a, b) => compareKeys(a.row, b.row));
  return withTransactionRetry(() =>
    deps.db.transaction(async (tx) => {
      const ids = new Set(
        (
          await repo.insertNewOrders(
            tx,
            sorted.map((w) => w.row),
          )
        ).map((r) => r.id),
      );
      await repo.insertOrderLines(
        tx,
        sorted.filter((w) => ids.has(w.id)).flatMap((w) => w.lines),
      );
      return ids;
    }),
  );
}

async function findStored(
  deps: WarehouseDeps,
  actor: Actor,
  orders: { key: string; input: { source: string; externalRef: string } }[],
): Promise<Map<string, string>> {
  const keys = new Map(
    orders.map((o) => [o.key, { source: o.input.source, externalRef: o.input.externalRef }]),
  );
  const rows = await repo.findOrdersByKeys(deps.db, actor.tenantId, [...keys.values()]);
  return new Map(rows.map((row) => [keyOf(row), row.id]));
}

/** One order checked like the body of the single push: hostile text first, then its schema. */
function parseOrder(
  raw: unknown,
): { input: CreateOutboundOrderInput } | { error: OrderBatchResult['error'] } {
  const fault = findInputFault(raw);
  if (fault) return { error: errorOf(inputFaultError(fault.fault, 'body', fault.path)) };
  const parsed = CreateOutboundOrderInput.safeParse(raw);
  if (parsed.success) return { input: parsed.data };
  const fields = parsed.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || 'order',
    message: issue.message,
  }));
  return {
    error: {
      code: REQUEST_ERRORS.invalid,
      message: fields.map((f) => `${f.path}: ${f.message}`).join('; '),
      fields,
    },
  };
}

function errorOf(error: AppError): NonNullable<OrderBatchResult['error']> {
  return {
    code: error.code,
    message: error.message,
    fields: (error.issues ?? []).map((issue) => ({ path: issue.path, message: issue.message })),
  };
}

function report(results: OrderBatchResult[]): OrderBatchReport {
  const count = (status: OrderBatchResult['status']) => results.filter((r) => r.status === status).length;
  return { created: count('created'), existing: count('existing'), rejected: count('rejected'), results };
}

/** The pair that makes an order unique, as one string (a NUL cannot be part of stored text). */
function keyOf(order: { source: string; externalRef: string }): string {
  return `${order.source}\u0000${order.externalRef}`;
}

function compareKeys(a: repo.NewOrderRow, b: repo.NewOrderRow): number {
  return a.source < b.source ? -1 : a.source > b.source ? 1 : a.externalRef < b.externalRef ? -1 : 1;
}

function isObject(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw);
}

/** A field of the raw order to echo in its result: storable text of a sane length, else null. */
function echo(raw: unknown, field: 'source' | 'externalRef'): string | null {
  const value = isObject(raw) ? raw[field] : undefined;
  if (typeof value !== 'string' || value.length > 200 || textFault(value)) return null;
  return value.trim();
}
