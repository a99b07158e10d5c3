/**
 * The warehouse, zone and location rows that inbound and the CSV import read and write inside their
 * own transactions. The layout owns these tables; other features reach them only through this service.
 */
export {
  ensureZoneRows,
  findLocationRowByCode,
  findLocationRowsByCodes,
  insertLocationRows,
  updateLocationRows,
  type LocationPlacement,
  type LocationRow,
} from './location.repository.js';
export type { WarehouseRow } from './layout.repository.js';
