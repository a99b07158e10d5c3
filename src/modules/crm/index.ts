/**
 * CRM: customers of three kinds (business, consumer, government). This context owns the customer
 * tables; others refer to customers by id and read them only through what this file exports.
 * Coming next here: contacts and buying committees, tiers, pools, leads, deals, follow-ups, tenders.
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
  type CustomerDeps,
} from './customer/customer.service.js';
export { registerCustomerRoutes } from './customer/customer.routes.js';
export { demoCustomers } from './demo/demo-customers.js';
