/**
 * CRM: customers of three kinds (business, consumer, government), their contacts and buying
 * committees, intent / satisfaction / value tiers, public pools and recall, duplicates and merge, and
 * CSV import and export. This context owns the CRM tables; other contexts refer to customers by id
 * and read them only through what this file exports (the warehouse reads a customer's value tier).
 * Sales: the product catalogue with price lists, pipelines and deals, and each customer's account lifecycle; won deals reach the warehouse's
 * order pool through `SalesOrderPort`, which the composition root builds from the warehouse's index.
 * Coming next here: leads, tenders, service tickets.
 */
export {
  CUSTOMER_KINDS,
  CreateCustomerInput,
  Customer,
  CustomerPage,
  CustomerSummary,
  ListCustomersQuery,
} from './customer/customer.contract.js';
export type { CustomerKind } from './customer/customer.contract.js';
export {
  createCustomer,
  getCustomer,
  listCustomers,
  summarizeCustomers,
  updateCustomer,
  type CustomerDeps,
} from './customer/customer.service.js';
export {
  customerCountFoldHandler,
  customerCountJob,
  foldAllCustomerCounts,
} from './customer/customer-count.service.js';
export { findCustomerFacts, type CustomerFacts } from './customer/customer-facts.service.js';
export { getCrmSettings } from './settings/crm-settings.service.js';
export { createPool, listPools } from './assignment/pool-list.service.js';
export { recallJob, runRecall } from './assignment/recall.service.js';
export { retrainWinModel, winModelJob } from './deal/win-model.service.js';
export { importCustomers } from './import/import.service.js';
export { exportCustomers } from './import/export.service.js';
export { importLeads } from './import/lead-import.service.js';
export { listContacts } from './contact/contact.service.js';
export { listLeads } from './lead/lead.service.js';
export { LeadImportQuery } from './import/import.contract.js';
export {
  ColumnMapText,
  EXPORT_ENCODINGS,
  EXPORT_PURPOSES,
  ExportQuery,
  ON_DUPLICATE,
} from './import/import.contract.js';
export type { ImportOptions, ImportReport } from './import/import.contract.js';
export type { CrmSettings } from './settings/crm-settings.contract.js';
export type { CrmDeps } from './crm-deps.js';
export { registerCrmRoutes } from './crm.routes.js';
export { demoCustomers } from './demo/demo-customers.js';
export { seedDemoCrm } from './demo/demo-seed.service.js';
export { crmLink } from './touchpoint-link/crm-link.service.js';
export { createDeal, getDeal, listDeals, repointDeals } from './deal/deal.service.js';
export { CreateDealInput, Deal, DEAL_ERRORS, DEAL_OUTCOMES, DealQuery } from './deal/deal.contract.js';
export { exportDeals, DEAL_CSV_COLUMNS } from './import/deal-export.service.js';
export { dealNoWarehouse } from './deal/deal.errors.js';
export type { SalesOrderPort, DealOrder, DealOrderRequest } from './deal/sales-order.contract.js';
