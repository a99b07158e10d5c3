import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Actor } from '../../../platform/auth/actor.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import * as repo from './customer-tier.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const at = new Date('2026-01-01T00:00:00Z');

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('customer tier repository queries', () => {
  it('match customer-tier.repository.sql', async () => {
    const { tenant, admin } = await makeTenant(database.db);
    const rep: Actor = { ...admin.actor, role: 'sales_rep', scope: 'own' };
    const text = await snapshotRepository(database.pool, repo, [
      [
        'listVisibleTierFacts (own scope: own and pool customers)',
        (db) => repo.listVisibleTierFacts(db, rep, [newId(), newId()]),
      ],
      ['lockCustomerTiers', (db) => repo.lockCustomerTiers(db, tenant.id, newId())],
      [
        'updateCustomerTier (value)',
        (db) => repo.updateCustomerTier(db, tenant.id, newId(), 'value', 'vip', at),
      ],
    ]);
    await expect(text).toMatchFileSnapshot('./customer-tier.repository.sql');
  });
});
