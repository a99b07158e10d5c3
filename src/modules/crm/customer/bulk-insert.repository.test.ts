import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import * as repo from './bulk-insert.repository.js';
import { poolMoves } from './pool-move.table.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('bulk insert queries', () => {
  it('match bulk-insert.repository.sql', async () => {
    const { tenant } = await makeTenant(database.db);
    const at = new Date('2026-01-01T00:00:00Z');
    const rows = [{ id: newId(), customerId: newId(), action: 'import', cause: 'c', at }];
    const text = await snapshotRepository(database.pool, repo, [
      [
        'insertJsonRows (the tenant once, the rows as one JSON parameter)',
        (db) => repo.insertJsonRows(db, poolMoves, rows, { tenantId: tenant.id }),
      ],
    ]);
    await expect(text).toMatchFileSnapshot('./bulk-insert.repository.sql');
  });
});
