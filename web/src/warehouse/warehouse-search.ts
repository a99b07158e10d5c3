/** The search parameters of the stock, ledger and order pool pages, read from the address. */
import {
  MOVE_KIND_OPTIONS,
  oneOf,
  ORDER_STATUS_OPTIONS,
  ORDER_TYPE_OPTIONS,
  pickStrings,
  PRIORITY_OPTIONS,
} from './warehouse-labels';
import type { MoveFilters, OrderFilters } from './warehouse-queries';

/** The search parameters of the stock page. */
export type StockSearch = { warehouseId?: string; q?: string; includeEmpty?: boolean };

/** Reads the stock filters from the address; anything else is dropped. */
export function parseStockSearch(search: Record<string, unknown>): StockSearch {
  const strings = pickStrings(search, ['warehouseId', 'q']);
  return search.includeEmpty === true || search.includeEmpty === 'true'
    ? { ...strings, includeEmpty: true }
    : strings;
}

/** The search parameters of the ledger page. */
export type LedgerSearch = MoveFilters;

/** Reads the ledger filters from the address; anything else is dropped. */
export function parseLedgerSearch(search: Record<string, unknown>): LedgerSearch {
  const { kind, ...rest } = pickStrings(search, ['warehouseId', 'itemId', 'kind', 'orderId', 'location']);
  const known = oneOf(MOVE_KIND_OPTIONS, kind);
  return known ? { ...rest, kind: known } : rest;
}

/** The search parameters of the order pool. */
export type OrderPoolSearch = OrderFilters;

/** Reads the pool filters from the address; anything else is dropped. */
export function parseOrderPoolSearch(search: Record<string, unknown>): OrderPoolSearch {
  const { status, type, priority, ...rest } = pickStrings(search, [
    'warehouseId',
    'status',
    'type',
    'priority',
    'carrier',
    'province',
    'q',
  ]);
  return {
    ...rest,
    status: oneOf(ORDER_STATUS_OPTIONS, status),
    type: oneOf(ORDER_TYPE_OPTIONS, type),
    priority: oneOf(PRIORITY_OPTIONS, priority),
  };
}

/** The search parameters of the waves page: the warehouse whose strategy and waves show. */
export type WavesSearch = { warehouseId?: string };

/** Reads the waves page's warehouse from the address; anything else is dropped. */
export function parseWavesSearch(search: Record<string, unknown>): WavesSearch {
  return pickStrings(search, ['warehouseId']);
}
