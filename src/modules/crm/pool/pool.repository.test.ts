import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import * as pools from './pool.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const at = new Date('2026-01-01T00:00:00Z');

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('pool repository queries', () => {
  it('match pool.repository.sql', async () => {
    const { tenant } = await makeTenant(database.db);
    const userId = newId();
    const poolId = newId();
    const text = await snapshotRepository(database.pool, pools, [
      ['listPools', (db) => pools.listPools(db, tenant.id)],
      ['listPoolRefs', (db) => pools.listPoolRefs(db, tenant.id)],
      [
        'insertPool',
        (db) =>
          pools.insertPool(db, tenant.id, { name: '公海', region: null, isDefault: true, createdAt: at }),
      ],
      [
        'insertPoolRows (seed rows as they are)',
        (db) =>
          pools.insertPoolRows(db, [
            {
              tenantId: tenant.id,
              id: newId(),
              name: '华南',
              region: '广东省',
              isDefault: false,
              createdAt: at,
            },
          ]),
      ],
      ['updatePoolRow', (db) => pools.updatePoolRow(db, tenant.id, poolId, { name: '东区', region: '东' })],
      ['clearOtherDefaults', (db) => pools.clearOtherDefaults(db, tenant.id, poolId)],
      ['findPoolByName', (db) => pools.findPoolByName(db, tenant.id, '公海')],
      ['findDefaultPool', (db) => pools.findDefaultPool(db, tenant.id)],
      ['listRegionPools', (db) => pools.listRegionPools(db, tenant.id)],
      ['lockOwnerCaps', (db) => db.transaction(async (tx) => pools.lockOwnerCaps(tx, tenant.id, userId))],
      ['findPoolById', (db) => pools.findPoolById(db, tenant.id, poolId)],
    ]);
    await expect(text).toMatchFileSnapshot('./pool.repository.sql');
  });
});
