/** HTTP routes of the learned win probability: where the model stands, and retraining it now. */
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { CrmDeps } from '../crm-deps.js';
import { WinModelStatus } from './deal.contract.js';
import { getWinModelStatus, retrainWinModelAs } from './win-model.service.js';

const tags = ['deals'];

/** Registers `GET /api/deals/win-model` and `POST /api/deals/win-model/retrain`. */
export function registerWinModelRoutes(app: HttpApp, deps: CrmDeps): void {
  app.get(
    '/api/deals/win-model',
    {
      schema: {
        tags,
        summary:
          'The learned win probability: closed deals it learnt from, when, and whether it estimates yet',
        response: { 200: WinModelStatus },
      },
    },
    async (request) => getWinModelStatus(deps, actorOf(request)),
  );
  app.post(
    '/api/deals/win-model/retrain',
    {
      schema: {
        tags,
        summary: 'Retrain the win probability from the closed deals now (a job also does it as deals close)',
        response: { 200: WinModelStatus },
      },
    },
    async (request) => retrainWinModelAs(deps, actorOf(request)),
  );
}
