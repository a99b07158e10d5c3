import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import * as repo from './lead-form.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const at = new Date('2026-01-01T00:00:00Z');

describe.skipIf(testEngine() !== 'pglite')('lead form queries', () => {
  it('match lead-form.repository.sql', async () => {
    const { tenant } = await makeTenant(database.db);
    const t = tenant.id;
    const id = newId();
    const fields = [{ key: 'a', label: 'A', type: 'text', required: true }];
    const text = await snapshotRepository(database.pool, repo, [
      [
        'insertLeadForm',
        (db) =>
          repo.insertLeadForm(db, t, {
            id,
            name: 'F',
            productId: null,
            currentVersion: 1,
            createdAt: at,
            updatedAt: at,
          }),
      ],
      [
        'insertLeadFormVersion',
        (db) =>
          repo.insertLeadFormVersion(db, t, { formId: id, version: 1, name: 'F', fields, createdAt: at }),
      ],
      [
        'bumpLeadFormVersion',
        (db) => repo.bumpLeadFormVersion(db, t, id, { name: 'F2', productId: null, updatedAt: at }),
      ],
      ['findLeadForm (current version)', (db) => repo.findLeadForm(db, t, id)],
      ['findLeadForm (a given version)', (db) => repo.findLeadForm(db, t, id, 1)],
      ['listLeadForms (all)', (db) => repo.listLeadForms(db, t)],
      ['listLeadForms (of a product)', (db) => repo.listLeadForms(db, t, newId())],
      ['listLeadFormVersions', (db) => repo.listLeadFormVersions(db, t, id)],
    ]);
    await expect(text).toMatchFileSnapshot('./lead-form.repository.sql');
  });
});
