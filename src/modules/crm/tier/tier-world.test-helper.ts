/** The tier tests' world: dependencies on a fixed clock, customers, decision makers and pools. */
import type { Actor } from '../../../platform/auth/actor.js';
import { fixedClock } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { accountMembers, people } from '../contact/contact.table.js';
import type { CreateCustomerInput } from '../customer/customer.contract.js';
import { createCustomer } from '../customer/customer.service.js';
import { pools } from '../pool/pool.table.js';

/** When the world's clocks start. */
export const START = '2026-03-02T09:00:00.000Z';

/** Helpers bound to one test database. */
export function tierWorld(db: Db) {
  /** Fresh dependencies with a clock of their own, so tests can move time independently. */
  const setup = () => {
    const clock = fixedClock(START);
    return { deps: { db, clock }, clock };
  };
  type Deps = ReturnType<typeof setup>['deps'];
  const customer = (deps: Deps, actor: Actor, input: Partial<CreateCustomerInput> = {}) =>
    createCustomer(deps, actor, { kind: 'business', name: `Acme ${newId()}`, ...input });
  /** Adds a decision maker to the account's buying committee. */
  const addDecisionMaker = async (tenantId: string, customerId: string, at: Date): Promise<void> => {
    const personId = newId();
    await db.insert(people).values({ tenantId, id: personId, name: '王总', createdAt: at, updatedAt: at });
    await db
      .insert(accountMembers)
      .values({ tenantId, customerId, personId, role: 'decision_maker', createdAt: at, updatedAt: at });
  };
  const addPool = async (tenantId: string): Promise<string> => {
    const id = newId();
    await db.insert(pools).values({ tenantId, id, name: `Pool ${id}`, createdAt: new Date(START) });
    return id;
  };
  return { setup, customer, addDecisionMaker, addPool };
}
