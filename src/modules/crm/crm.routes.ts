/** Every CRM route, registered in one call by the composition root. */
import type { HttpApp } from '../../platform/http/server.js';
import type { CrmDeps } from './crm-deps.js';
import { registerCustomerRoutes } from './customer/customer.routes.js';
import { registerDuplicateRoutes } from './customer/duplicate.routes.js';
import { registerMergeRoutes } from './merge/merge.routes.js';
import { registerFollowUpRoutes } from './follow-up/follow-up.routes.js';
import { registerImportRoutes } from './import/import.routes.js';
import { registerContactRoutes } from './contact/contact.routes.js';
import { registerPoolRoutes } from './assignment/pool.routes.js';
import { registerCrmSettingsRoutes } from './settings/crm-settings.routes.js';
import { registerTierRoutes } from './tier/tier.routes.js';
import { registerSavedViewRoutes } from './view/saved-view.routes.js';
import { registerCatalogRoutes } from './catalog/catalog.routes.js';
import { registerPipelineRoutes } from './pipeline/pipeline.routes.js';
import { registerDealRoutes } from './deal/deal.routes.js';
import { registerLifecycleRoutes } from './lifecycle/lifecycle.routes.js';
import { registerWinModelRoutes } from './deal/win-model.routes.js';
import { registerDealReportRoutes } from './deal/deal-report.routes.js';
import { registerTaskRoutes } from './task/task.routes.js';
import { registerParticipantRoutes } from './deal/participant.routes.js';
import { registerQuoteRoutes } from './quote/quote.routes.js';
import { registerLeadFormRoutes } from './lead-form/lead-form.routes.js';
import { registerLeadRoutes } from './lead/lead.routes.js';
import { registerPublicFormRoutes } from './lead/public-form.routes.js';
import { registerLeadImportRoutes } from './import/lead-import.routes.js';
import { registerLeadAnswerRoutes } from './lead/lead-answers.routes.js';

/** Registers customers, contacts, tiers, pools, follow-ups, duplicates, merges, import/export, views and settings. */
export function registerCrmRoutes(app: HttpApp, deps: CrmDeps): void {
  // Import and export before `/api/customers/:id`, whose pattern would otherwise be tried first in docs.
  registerImportRoutes(app, deps);
  registerCustomerRoutes(app, deps);
  registerDuplicateRoutes(app, deps);
  registerMergeRoutes(app, deps);
  registerContactRoutes(app, deps);
  registerTierRoutes(app, deps);
  registerFollowUpRoutes(app, deps);
  registerPoolRoutes(app, deps);
  registerSavedViewRoutes(app, deps);
  registerCrmSettingsRoutes(app, deps);
  registerCatalogRoutes(app, deps);
  registerPipelineRoutes(app, deps);
  registerWinModelRoutes(app, deps);
  registerDealReportRoutes(app, deps);
  registerDealRoutes(app, deps);
  registerLifecycleRoutes(app, deps);
  registerTaskRoutes(app, deps);
  registerParticipantRoutes(app, deps);
  registerQuoteRoutes(app, deps);
  registerLeadFormRoutes(app, deps);
  registerLeadRoutes(app, deps);
  registerPublicFormRoutes(app, deps);
  registerLeadImportRoutes(app, deps);
  registerLeadAnswerRoutes(app, deps);
}
