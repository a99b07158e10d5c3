/** What the forecast and sales-cycle pages read from the server, as TanStack Query options. */
import { queryOptions } from '@tanstack/react-query';
import { callApi, queryString } from '../api/client';
import type { CycleReport, Forecast } from '../../../src/modules/crm/deal/deal-report.contract';

/** The filters both reports take, as the API takes them. */
export type ReportFilters = { pipelineId?: string; kind?: string; ownerUserId?: string; teamId?: string };

/** The forecast of the open deals, per month and owner or team. */
export function forecastQuery(filters: ReportFilters & { by: 'owner' | 'team' }) {
  return queryOptions({
    queryKey: ['sales', 'forecast', filters],
    queryFn: () => callApi<Forecast>('GET', `/api/deals/forecast${queryString(filters)}`),
  });
}

/** Days per stage, win rate per stage and the won deals' cycles. */
export function cycleTimesQuery(filters: ReportFilters) {
  return queryOptions({
    queryKey: ['sales', 'cycle-times', filters],
    queryFn: () => callApi<CycleReport>('GET', `/api/deals/cycle-times${queryString(filters)}`),
  });
}
