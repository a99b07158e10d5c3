import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import { captureSql } from '../../../../test/helpers/sql-capture.js';
import type { Actor } from '../../../platform/auth/actor.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { listVisibleTierFacts, lockCustomerTiers, updateCustomerTier } from './tier.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('tier repository queries', () => {
  it('match tier.repository.sql', async () => {
    const { tenant, admin } = await makeTenant(database.db);
    const sql = captureSql(database.pool);
    const rep: Actor = { ...admin.actor, role: 'sales_rep', scope: 'own' };
    const parts: string[] = [];
    await listVisibleTierFacts(sql.db, rep, [newId(), newId()]);
    parts.push(sql.take('listVisibleTierFacts (own scope: own and pool customers)'));
    await lockCustomerTiers(sql.db, tenant.id, newId());
    parts.push(sql.take('lockCustomerTiers'));
    await updateCustomerTier(sql.db, tenant.id, newId(), 'value', 'vip', new Date('2026-01-01T00:00:00Z'));
    parts.push(sql.take('updateCustomerTier (value)'));
    await expect(parts.join('\n')).toMatchFileSnapshot('./tier.repository.sql');
  });
});
