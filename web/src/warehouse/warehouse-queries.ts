/** What the warehouse pages read from the server, as TanStack Query options, and the calls they make. */
import { infiniteQueryOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { ApiError, callApi, isApiError, queryString, type Problem } from '../api/client';
import type {
  AllocatePoolReport,
  AllocationResult,
} from '../../../src/modules/warehouse/allocation/allocation.contract';
import type { Item, ItemPage } from '../../../src/modules/warehouse/catalog/catalog.contract';
import type {
  WarehouseImportReport,
  ImportKind,
} from '../../../src/modules/warehouse/import/import.contract';
import type { LocationList, WarehouseList } from '../../../src/modules/warehouse/layout/layout.contract';
import type {
  OrderPage,
  OrderQuery,
  OutboundOrderDetail,
  ShipOrderInput,
} from '../../../src/modules/warehouse/orders/order.contract';
import type {
  UpdateWarehouseSettingsInput,
  WarehouseSettings,
} from '../../../src/modules/warehouse/settings/warehouse-settings.contract';
import type {
  MovePage,
  MoveQuery,
  StockPage,
  StockQuery,
} from '../../../src/modules/warehouse/stock/stock.contract';
import type { ScorecardList } from '../../../src/modules/warehouse/supplier/scorecard.contract';

/** How many rows one "load more" brings on the stock, ledger and pool pages. */
export const WAREHOUSE_PAGE_SIZE = 100;

/** Missing or malformed is the same to the reader: do not retry it. */
const retryUnlessAnswered = (count: number, error: unknown): boolean => !isApiError(error) && count < 2;

const enc = encodeURIComponent;

/** The stock filters as the page holds them (the cursor and page size are the query's business). */
export type StockFilters = Pick<StockQuery, 'warehouseId' | 'q'> & { includeEmpty?: boolean };

/** The ledger filters. */
export type MoveFilters = Pick<MoveQuery, 'warehouseId' | 'itemId' | 'kind' | 'orderId' | 'location'>;

/** The order pool filters. */
export type OrderFilters = Omit<Partial<OrderQuery>, 'after' | 'limit' | 'customerId'>;

/** The tenant's warehouses. */
export const warehousesQuery = queryOptions({
  queryKey: ['warehouse', 'warehouses'],
  queryFn: () => callApi<WarehouseList>('GET', '/api/warehouses'),
  staleTime: 60_000,
});

/** The locations of one warehouse. */
export function locationsQuery(warehouseId: string) {
  return queryOptions({
    queryKey: ['warehouse', 'locations', warehouseId],
    queryFn: () => callApi<LocationList>('GET', `/api/warehouses/${enc(warehouseId)}/locations`),
  });
}

/** Items whose SKU or name contains `q`, for pickers. */
export function itemsQuery(q: string) {
  return queryOptions({
    queryKey: ['warehouse', 'items', q],
    queryFn: () => callApi<ItemPage>('GET', `/api/items${queryString({ q, limit: 50 })}`),
    staleTime: 60_000,
  });
}

/** One item, e.g. to know whether a line is sold by weight. */
export function itemQuery(id: string) {
  return queryOptions({
    queryKey: ['warehouse', 'item', id],
    queryFn: () => callApi<Item>('GET', `/api/items/${enc(id)}`),
    staleTime: 60_000,
    retry: retryUnlessAnswered,
  });
}

/** Stock by location and lot, a keyset page at a time. */
export function stockQuery(filters: StockFilters) {
  return infiniteQueryOptions({
    queryKey: ['warehouse', 'stock', filters],
    queryFn: ({ pageParam }) =>
      callApi<StockPage>(
        'GET',
        `/api/stock${queryString({
          warehouseId: filters.warehouseId,
          q: filters.q,
          includeEmpty: filters.includeEmpty ? 'true' : undefined,
          after: pageParam,
          limit: WAREHOUSE_PAGE_SIZE,
        })}`,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The ledger, newest move first. */
export function movesQuery(filters: MoveFilters) {
  return infiniteQueryOptions({
    queryKey: ['warehouse', 'moves', filters],
    queryFn: ({ pageParam }) =>
      callApi<MovePage>(
        'GET',
        `/api/stock-moves${queryString({ ...filters, after: pageParam, limit: WAREHOUSE_PAGE_SIZE })}`,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The order pool in processing order: urgent first, then by push time. */
export function ordersQuery(filters: OrderFilters) {
  return infiniteQueryOptions({
    queryKey: ['warehouse', 'orders', 'list', filters],
    queryFn: ({ pageParam }) =>
      callApi<OrderPage>(
        'GET',
        `/api/outbound-orders${queryString({ ...filters, after: pageParam, limit: WAREHOUSE_PAGE_SIZE })}`,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** One order with its reservations and latest allocation. */
export function orderQuery(id: string) {
  return queryOptions({
    queryKey: ['warehouse', 'orders', 'one', id],
    queryFn: () => callApi<OutboundOrderDetail>('GET', `/api/outbound-orders/${enc(id)}`),
    retry: retryUnlessAnswered,
  });
}

/** Every allocation of an order, newest first. */
export function allocationsQuery(id: string) {
  return queryOptions({
    queryKey: ['warehouse', 'orders', 'allocations', id],
    queryFn: () =>
      callApi<{ items: AllocationResult[] }>('GET', `/api/outbound-orders/${enc(id)}/allocations`),
  });
}

/** The supplier scorecards over the last `months` months. */
export function scorecardQuery(months: number) {
  return queryOptions({
    queryKey: ['warehouse', 'scorecard', months],
    queryFn: () => callApi<ScorecardList>('GET', `/api/suppliers/scorecard${queryString({ months })}`),
  });
}

/** The tenant's warehouse rules. */
export const warehouseSettingsQuery = queryOptions({
  queryKey: ['warehouse', 'settings'],
  queryFn: () => callApi<WarehouseSettings>('GET', '/api/warehouse/settings'),
});

/** Allocates (or re-allocates) one order. */
export const allocateOrder = (id: string): Promise<AllocationResult> =>
  callApi<AllocationResult>('POST', `/api/outbound-orders/${enc(id)}/allocate`);

/** Allocates the pool (pending and backordered orders in processing order), optionally one warehouse's. */
export const allocatePool = (warehouseId: string | undefined): Promise<AllocatePoolReport> =>
  callApi<AllocatePoolReport>('POST', '/api/outbound-orders/allocate', warehouseId ? { warehouseId } : {});

/** Cancels an order, releasing its reservations. */
export const cancelOrder = (id: string): Promise<OutboundOrderDetail> =>
  callApi<OutboundOrderDetail>('POST', `/api/outbound-orders/${enc(id)}/cancel`);

/** Ships an allocated order, with the weights of catch-weight lines. */
export const shipOrder = (id: string, input: ShipOrderInput): Promise<OutboundOrderDetail> =>
  callApi<OutboundOrderDetail>('POST', `/api/outbound-orders/${enc(id)}/ship`, input);

/** Saves the warehouse rules. */
export const saveWarehouseSettings = (input: UpdateWarehouseSettingsInput): Promise<WarehouseSettings> =>
  callApi<WarehouseSettings>('PATCH', '/api/warehouse/settings', input);

/** Sends a CSV file as it is (the server reads UTF-8, a BOM or GB18030) and returns the per-row report. */
export async function importWarehouseCsv(
  kind: ImportKind,
  file: Blob,
  warehouseId: string | undefined,
): Promise<WarehouseImportReport> {
  const response = await fetch(`/api/warehouse/import/${kind}${queryString({ warehouseId })}`, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'text/csv' },
    credentials: 'same-origin',
    body: file,
  });
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const problem =
      typeof json === 'object' && json !== null && 'code' in json ? (json as Problem) : undefined;
    throw new ApiError(response.status, problem, `${response.status} ${response.statusText}`);
  }
  return json as WarehouseImportReport;
}

/** The address of an order's document, in the interface language. */
export function documentUrl(
  id: string,
  document: 'pick-list.pdf' | 'packing-slip.pdf' | 'shipping-label.pdf' | 'shipping-label.zpl',
  lang: string,
): string {
  return `/api/outbound-orders/${enc(id)}/${document}${queryString({ lang })}`;
}

/** After an order changed: its page, its history, the pool, the stock and the ledger are all stale. */
export async function refreshAfterOrderChange(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['warehouse', 'orders'] }),
    queryClient.invalidateQueries({ queryKey: ['warehouse', 'stock'] }),
    queryClient.invalidateQueries({ queryKey: ['warehouse', 'moves'] }),
  ]);
}
