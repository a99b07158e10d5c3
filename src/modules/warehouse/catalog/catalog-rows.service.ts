/**
 * The catalog rows the CSV import reads and writes chunk by chunk inside its own transactions. The
 * catalog owns these tables; the import reaches them only through this service.
 */
export {
  findItemRowsBySku,
  findLotRowsByNumbers,
  findSupplierRowsByCodes,
  insertItemRows,
  insertLotRows,
  updateItemRowsGiven,
  type ItemFieldChanges,
  type LotRow,
} from './catalog.repository.js';
