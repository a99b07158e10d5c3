import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import * as repo from './pick-source.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('pick source queries', () => {
  it('match pick-source.repository.sql', async () => {
    const { tenant } = await makeTenant(database.db);
    const t = tenant.id;
    const text = await snapshotRepository(database.pool, repo, [
      ['listPickSources', (db) => repo.listPickSources(db, t, [newId(), newId()])],
      ['listZoneCodes', (db) => repo.listZoneCodes(db, t, newId())],
    ]);
    await expect(text).toMatchFileSnapshot('./pick-source.repository.sql');
  });
});
