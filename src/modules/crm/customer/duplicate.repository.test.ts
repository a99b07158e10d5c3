import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import * as repo from './duplicate.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('duplicate queries', () => {
  it('match duplicate.repository.sql', async () => {
    const { tenant } = await makeTenant(database.db);
    const keys = [
      { phoneKey: '+8613800138000', emailKey: 'a@b.cn' },
      { nameKey: '华为技术', uscc: 'X' },
    ];
    const text = await snapshotRepository(database.pool, repo, [
      [
        'findCustomersByKeys (every key, one id left out)',
        (db) => repo.findCustomersByKeys(db, tenant.id, keys, [newId()]),
      ],
    ]);
    await expect(text).toMatchFileSnapshot('./duplicate.repository.sql');
  });
});
