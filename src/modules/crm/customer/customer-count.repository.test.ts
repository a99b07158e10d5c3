import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Actor } from '../../../platform/auth/actor.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import * as repo from './customer-count.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('kept customer count queries', () => {
  it('match customer-count.repository.sql', async () => {
    const { admin } = await makeTenant(database.db);
    const rep: Actor = { ...admin.actor, role: 'sales_rep', scope: 'team', teamIds: [newId()] };
    const own: Actor = { ...admin.actor, role: 'sales_rep', scope: 'own', teamIds: [] };
    const text = await snapshotRepository(database.pool, repo, [
      ['countKeptCustomers (all scope)', (db) => repo.countKeptCustomers(db, admin.actor, {})],
      [
        'countKeptCustomers (team scope, owner and pool filters)',
        (db) =>
          repo.countKeptCustomers(db, rep, { ownerUserId: admin.id, poolId: newId(), ownership: 'pool' }),
      ],
      [
        'countKeptCustomers (own scope, owned only)',
        (db) => repo.countKeptCustomers(db, own, { ownership: 'owned' }),
      ],
      ['foldCustomerCountDeltas', (db) => repo.foldCustomerCountDeltas(db, admin.actor.tenantId)],
      ['listTenantsWithCountDeltas (all tenants)', (db) => repo.listTenantsWithCountDeltas(db)],
    ]);
    await expect(text).toMatchFileSnapshot('./customer-count.repository.sql');
  });
});
