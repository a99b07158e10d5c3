import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import * as repo from './ownership.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const at = new Date('2026-01-01T00:00:00Z');

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('ownership repository queries', () => {
  it('match ownership.repository.sql', async () => {
    const { tenant } = await makeTenant(database.db);
    const t = tenant.id;
    const userId = newId();
    const poolId = newId();
    const move = { customerId: newId(), action: 'import', cause: 'c', at };
    const owned = {
      ownerUserId: userId,
      teamId: null,
      poolId: null,
      receivedAt: at,
      recallWarnedAt: null,
      updatedAt: at,
    };
    const text = await snapshotRepository(database.pool, repo, [
      ['insertPoolMoves', (db) => repo.insertPoolMoves(db, t, [move])],
      ['insertPoolMovesInBulk', (db) => repo.insertPoolMovesInBulk(db, t, [move])],
      ['listPoolMoves', (db) => repo.listPoolMoves(db, t, newId())],
      [
        'listPoolMovesAfter (after a cursor)',
        (db) => repo.listPoolMovesAfter(db, t, newId(), { at, id: newId() }, 51),
      ],
      [
        'moveCustomerRow (claim: only while still in the pool)',
        (db) => repo.moveCustomerRow(db, t, newId(), { ownerUserId: null, poolId }, owned),
      ],
      ['returnToPool', (db) => repo.returnToPool(db, t, [newId(), newId()], poolId, at)],
      ['countOwnedBy', (db) => repo.countOwnedBy(db, t, userId)],
      ['listClaimTimesSince', (db) => repo.listClaimTimesSince(db, t, userId, at)],
      ['findLastDepartureAt', (db) => repo.findLastDepartureAt(db, t, userId, newId())],
      ['repointPoolMoves', (db) => repo.repointPoolMoves(db, t, newId(), [newId(), newId()])],
    ]);
    await expect(text).toMatchFileSnapshot('./ownership.repository.sql');
  });
});
