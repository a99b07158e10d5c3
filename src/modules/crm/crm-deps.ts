/** What every CRM service needs from its surroundings. */
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { ConsentFilterFactory } from '../insights/index.js';
import type { SalesOrderPort } from './deal/sales-order.contract.js';

/**
 * The CRM services' dependencies. `orders` is the warehouse's order pool behind a port (won deals,
 * stocked products' SKUs); without it stocked products cannot be checked and won deals push no order.
 * `consents` makes the insights context's consent filters (ADR 0004: the composition root wires
 * it); without it an export for a purpose is refused rather than run unfiltered.
 */
export type CrmDeps = { db: Db; clock: Clock; orders?: SalesOrderPort; consents?: ConsentFilterFactory };
