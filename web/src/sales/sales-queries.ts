/** What the sales pages read from the server, as TanStack Query options, and the calls they make. */
import { queryOptions } from '@tanstack/react-query';
import { callApi, isApiError, queryString } from '../api/client';
import type {
  CreateDealInput,
  Deal,
  DealHistory,
  DealLineInput,
  DealPage,
  DealParticipantList,
} from '../../../src/modules/crm/deal/deal.contract';
import type { Pipeline, PipelineList, LostReason } from '../../../src/modules/crm/pipeline/pipeline.contract';
import type { Product } from '../../../src/modules/crm/catalog/catalog.contract';
import type { CreateQuoteInput, Quote, QuoteList } from '../../../src/modules/crm/quote/quote.contract';

const enc = encodeURIComponent;
const retryUnlessAnswered = (count: number, error: unknown): boolean => !isApiError(error) && count < 2;

/** The board's filters as the API takes them. */
export type BoardFilters = { pipelineId: string; ownerUserId?: string };

/** The tenant's pipelines with their stages. */
export const pipelinesQuery = queryOptions({
  queryKey: ['sales', 'pipelines'],
  queryFn: async (): Promise<Pipeline[]> => (await callApi<PipelineList>('GET', '/api/pipelines')).items,
  staleTime: 5 * 60_000,
});

/** The tenant's active lost reasons. */
export const lostReasonsQuery = queryOptions({
  queryKey: ['sales', 'lost-reasons'],
  queryFn: async (): Promise<LostReason[]> =>
    (await callApi<{ items: LostReason[] }>('GET', '/api/lost-reasons')).items.filter((r) => r.active),
  staleTime: 5 * 60_000,
});

/** The active products, for deal lines. */
export const productsQuery = queryOptions({
  queryKey: ['sales', 'products'],
  queryFn: async (): Promise<Product[]> =>
    (await callApi<{ items: Product[] }>('GET', '/api/products?active=true')).items,
  staleTime: 5 * 60_000,
});

/** The deals of one pipeline shown on the board (the largest page the API gives). */
export function boardQuery(filters: BoardFilters) {
  return queryOptions({
    queryKey: ['sales', 'board', filters],
    queryFn: async (): Promise<Deal[]> =>
      (await callApi<DealPage>('GET', `/api/deals${queryString({ ...filters, limit: 200 })}`)).items,
  });
}

/** The deals of one customer. */
export function customerDealsQuery(customerId: string) {
  return queryOptions({
    queryKey: ['sales', 'customer-deals', customerId],
    queryFn: async (): Promise<Deal[]> =>
      (await callApi<DealPage>('GET', `/api/deals${queryString({ customerId, limit: 200 })}`)).items,
  });
}

/** One deal. */
export function dealQuery(id: string) {
  return queryOptions({
    queryKey: ['sales', 'deal', id],
    queryFn: () => callApi<Deal>('GET', `/api/deals/${enc(id)}`),
    retry: retryUnlessAnswered,
  });
}

/** A deal's stage and outcome changes. */
export function dealHistoryQuery(id: string) {
  return queryOptions({
    queryKey: ['sales', 'deal', id, 'history'],
    queryFn: async () => (await callApi<DealHistory>('GET', `/api/deals/${enc(id)}/history`)).items,
  });
}

/** A deal's buying committee. */
export function participantsQuery(id: string) {
  return queryOptions({
    queryKey: ['sales', 'deal', id, 'participants'],
    queryFn: async () =>
      (await callApi<DealParticipantList>('GET', `/api/deals/${enc(id)}/participants`)).items,
  });
}

/** The versions of a deal's quote, newest first. */
export function quotesQuery(dealId: string) {
  return queryOptions({
    queryKey: ['sales', 'deal', dealId, 'quotes'],
    queryFn: async () => (await callApi<QuoteList>('GET', `/api/deals/${enc(dealId)}/quotes`)).items,
  });
}

/** Where the PDF of one quote version opens (the session cookie authorises it). */
export const quotePdfUrl = (dealId: string, version: number) =>
  `/api/deals/${enc(dealId)}/quotes/${version}/pdf`;

export const createQuote = (dealId: string, input: CreateQuoteInput) =>
  callApi<Quote>('POST', `/api/deals/${enc(dealId)}/quotes`, input);
export const createDeal = (input: CreateDealInput) => callApi<Deal>('POST', '/api/deals', input);
export const moveDeal = (id: string, stageId: string) =>
  callApi<Deal>('POST', `/api/deals/${enc(id)}/stage`, { stageId });
export const winDeal = (id: string) => callApi<Deal>('POST', `/api/deals/${enc(id)}/win`, {});
export const loseDeal = (id: string, reason: string) =>
  callApi<Deal>('POST', `/api/deals/${enc(id)}/lose`, { reason });
export const reopenDeal = (id: string, cancelOrder: boolean) =>
  callApi<Deal>('POST', `/api/deals/${enc(id)}/reopen`, { cancelOrder });
export const saveDealLines = (id: string, lines: DealLineInput[]) =>
  callApi<Deal>('PATCH', `/api/deals/${enc(id)}`, { lines });
