/**
 * The order rows that allocation, shipping and cycle counts read and change inside their own
 * transactions. The orders own these tables and the order status; the features above them reach the
 * rows only through this service.
 */
export {
  findOrderRow,
  listOrderLines,
  listPoolOrders,
  updateOrderStatus,
  type OrderLineRow,
  type OrderRow,
} from './order.repository.js';
export { findCustomerLotRule, findWarehouseRef, type WarehouseRef } from './order-lookup.repository.js';
export {
  findLatestAllocationRun,
  listActiveReservations,
  listReservations,
  type ReservationRow,
} from './order-reservation.repository.js';
export { loadOrderDetail } from './order-detail.service.js';
