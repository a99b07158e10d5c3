/** HTTP routes of the sales reports: forecast and cycle times. */
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { CrmDeps } from '../crm-deps.js';
import { CycleReport, Forecast, ForecastQuery, ReportFilter } from './deal-report.contract.js';
import { cycleTimes, forecastDeals } from './deal-report.service.js';

const tags = ['deals'];

/** Registers `GET /api/deals/forecast` and `GET /api/deals/cycle-times`. */
export function registerDealReportRoutes(app: HttpApp, deps: CrmDeps): void {
  app.get(
    '/api/deals/forecast',
    {
      schema: {
        tags,
        summary:
          'Forecast: open deals per expected-close month and owner (or team), Σ amount and Σ amount × stage probability; filters by pipeline, customer kind, owner, team',
        querystring: ForecastQuery,
        response: { 200: Forecast },
      },
    },
    async (request) => forecastDeals(deps, actorOf(request), request.query),
  );
  app.get(
    '/api/deals/cycle-times',
    {
      schema: {
        tags,
        summary:
          'Days per stage and win rate per stage from the stage history; won deals’ cycle per owner and kind, and per kind',
        querystring: ReportFilter,
        response: { 200: CycleReport },
      },
    },
    async (request) => cycleTimes(deps, actorOf(request), request.query),
  );
}
