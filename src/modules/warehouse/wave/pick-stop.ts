/** Pick stops as the API answers them. */
import type { PickStop } from './picking.contract.js';

const STOP_FIELDS = [
  ...['locationId', 'locationCode', 'aisle', 'block', 'slot', 'zone', 'itemId', 'sku', 'lotNumber'],
  ...['quantity', 'orderId', 'reservationId'],
] as const;

/** The stops numbered 1, 2, 3… in the order given (the fields of `PickStop` only). */
export function numbered(sources: Omit<PickStop, 'seq'>[]): PickStop[] {
  return sources.map((source, index) => {
    const stop: Record<string, unknown> = { seq: index + 1 };
    for (const field of STOP_FIELDS) stop[field] = source[field];
    return stop as PickStop;
  });
}
