import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { makeTenant, makeUser } from '../../../../test/helpers/factories.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { systemClock } from '../../../platform/clock.js';
import type { Database } from '../../../platform/db/database.js';
import { claimCustomer } from '../assignment/pool-ownership.service.js';
import { createCustomer } from './customer.service.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const deps = () => ({ db: database.db, clock: systemClock });
/** What an API key of the admin role acts as: no user behind it. */
const keyOf = (actor: Actor): Actor => ({ ...actor, userId: null, teamIds: [], via: 'api_key' });

describe('a customer created without a user (an API key)', () => {
  it('goes to a pool, where a rep can see and claim it', async () => {
    const { tenant, admin } = await makeTenant(database.db);
    const created = await createCustomer(deps(), keyOf(admin.actor), { kind: 'consumer', name: 'Key lead' });
    expect(created.ownerUserId).toBeNull();
    expect(created.poolId).not.toBeNull();
    const rep = await makeUser(database.db, tenant, 'sales_rep');
    expect((await claimCustomer(deps(), rep.actor, created.id)).ownerUserId).toBe(rep.id);
  });

  it('goes to the owner named in the body, who must be able to own customers', async () => {
    const { tenant, admin } = await makeTenant(database.db);
    const rep = await makeUser(database.db, tenant, 'sales_rep');
    const owned = await createCustomer(deps(), keyOf(admin.actor), {
      kind: 'consumer',
      name: 'Key lead for a rep',
      ownerUserId: rep.id,
    });
    expect(owned).toMatchObject({ ownerUserId: rep.id, poolId: null });
    const marketer = await makeUser(database.db, tenant, 'marketer');
    await expect(
      createCustomer(deps(), keyOf(admin.actor), { kind: 'consumer', name: 'No', ownerUserId: marketer.id }),
    ).rejects.toMatchObject({ kind: 'invalid', code: 'crm.customer.owner_cannot_own' });
  });
});
