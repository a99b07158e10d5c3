/**
 * The customer feature's pure helpers other features need: checking a customer's fields and deriving
 * its match columns (import, merge and the demo store customers the way create does), the match keys
 * of a stored row (import's duplicate check) and a row's public shape.
 */
export { checkCustomerFields, matchColumnsOf } from './customer-rules.js';
export { keysOfRow } from './duplicate-candidate.js';
export { toCustomer } from './customer-row.js';
