/**
 * The stock rows and receipts that inbound, the CSV import and shipping read and write inside their
 * own transactions. Stock owns these tables; the features above reach them only through this service
 * (and change on-hand quantities only through the ledger, `ledger.service.ts`).
 */
export { insertReceiptRow, listStockAtLocation, lockStockRow } from './stock.repository.js';
