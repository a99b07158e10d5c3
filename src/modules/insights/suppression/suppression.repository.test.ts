import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import * as repo from './suppression.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const at = new Date('2026-03-01T08:00:00Z');

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('suppression queries', () => {
  it('match suppression.repository.sql', async () => {
    const { tenant } = await makeTenant(database.db);
    const t = tenant.id;
    const row = { tenantId: t, kind: 'user_id', valueHash: 'a'.repeat(64), personId: newId(), createdAt: at };
    const text = await snapshotRepository(database.pool, repo, [
      ['insertSuppressions', (db) => repo.insertSuppressions(db, [row])],
      ['findSuppressedHashes', (db) => repo.findSuppressedHashes(db, t, [row.valueHash, 'b'.repeat(64)])],
      ['countDrops', (db) => repo.countDrops(db, t, [{ valueHash: row.valueHash, count: 2 }], at)],
      ['listSuppressionRows', (db) => repo.listSuppressionRows(db, t, 1000)],
    ]);
    await expect(text).toMatchFileSnapshot('./suppression.repository.sql');
    expect(await repo.listSuppressionRows(database.db, t, 10)).toEqual([
      { ...row, droppedCount: 2, lastDroppedAt: at },
    ]);
  });
});
