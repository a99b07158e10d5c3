import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import { captureSql } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import * as pools from './pool.repository.js';
import * as recall from './recall.repository.js';
import { DAY_MS } from '../../../platform/clock.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const at = new Date('2026-01-01T00:00:00Z');
const day = (n: number) => new Date(at.getTime() - n * DAY_MS);

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('pool repository queries', () => {
  it('match pool.repository.sql', async () => {
    const { tenant } = await makeTenant(database.db);
    const sql = captureSql(database.pool);
    const parts: string[] = [];
    const userId = newId();
    const poolId = newId();
    await pools.listPoolsWithCounts(sql.db, tenant.id);
    parts.push(sql.take('listPoolsWithCounts'));
    await pools.insertPool(sql.db, tenant.id, { name: '公海', region: null, isDefault: true, createdAt: at });
    parts.push(sql.take('insertPool'));
    await pools.findDefaultPool(sql.db, tenant.id);
    parts.push(sql.take('findDefaultPool'));
    await pools.listRegionPools(sql.db, tenant.id);
    parts.push(sql.take('listRegionPools'));
    await pools.moveCustomerRow(
      sql.db,
      tenant.id,
      newId(),
      { ownerUserId: null, poolId },
      {
        ownerUserId: userId,
        teamId: null,
        poolId: null,
        receivedAt: at,
        recallWarnedAt: null,
        updatedAt: at,
      },
    );
    parts.push(sql.take('moveCustomerRow (claim: only while still in the pool)'));
    await sql.db.transaction(async (tx) => pools.lockOwnerCaps(tx, tenant.id, userId));
    parts.push(sql.take('lockOwnerCaps'));
    await pools.countOwnedBy(sql.db, tenant.id, userId);
    parts.push(sql.take('countOwnedBy'));
    await pools.listClaimTimesSince(sql.db, tenant.id, userId, at);
    parts.push(sql.take('listClaimTimesSince'));
    await pools.findLastDepartureAt(sql.db, tenant.id, userId, newId());
    parts.push(sql.take('findLastDepartureAt'));
    await pools.listTenantIds(sql.db);
    parts.push(sql.take('listTenantIds'));
    await expect(parts.join('\n')).toMatchFileSnapshot('./pool.repository.sql');
  });

  it('match recall.repository.sql', async () => {
    const { tenant } = await makeTenant(database.db);
    const sql = captureSql(database.pool);
    const parts: string[] = [];
    const due = { A: null, B: day(21), C: day(15), D: day(10), unset: day(10) };
    const warn = { A: null, B: day(18), C: day(12), D: day(7), unset: day(7) };
    const exempt = { locked: true, openDeal: true, won: false };
    await sql.db.transaction(async (tx) =>
      recall.listDueForRecall(tx, tenant.id, { due, exempt }, { afterId: newId(), limit: 500 }, true),
    );
    parts.push(sql.take('listDueForRecall (locked, after a position; tier A never, won not exempt)'));
    await recall.returnToPool(sql.db, tenant.id, [newId(), newId()], newId(), at);
    parts.push(sql.take('returnToPool'));
    await recall.listWarnable(sql.db, tenant.id, { due, warn, exempt }, { limit: 500 }, false);
    parts.push(sql.take('listWarnable (dry run: no lock)'));
    await recall.markRecallWarned(sql.db, tenant.id, [newId()], at);
    parts.push(sql.take('markRecallWarned'));
    await recall.listOwnedNearRecall(sql.db, tenant.id, newId(), { warn, exempt }, 200);
    parts.push(sql.take('listOwnedNearRecall'));
    await expect(parts.join('\n')).toMatchFileSnapshot('./recall.repository.sql');
  });
});
