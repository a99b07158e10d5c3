import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import * as repo from './consent.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const at = new Date('2026-03-01T08:00:00Z');

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('consent queries', () => {
  it('match consent.repository.sql', async () => {
    const { tenant } = await makeTenant(database.db);
    const row = {
      tenantId: tenant.id,
      id: newId(),
      subjectId: newId(),
      purpose: 'marketing',
      status: 'granted',
      source: 'web-form',
      at,
      recordedBy: null,
    };
    const text = await snapshotRepository(database.pool, repo, [
      ['insertConsent', (db) => repo.insertConsent(db, row)],
      ['listConsentRows', (db) => repo.listConsentRows(db, tenant.id, [row.subjectId, newId()])],
    ]);
    await expect(text).toMatchFileSnapshot('./consent.repository.sql');
    expect(await repo.listConsentRows(database.db, tenant.id, [row.subjectId])).toEqual([row]);
  });
});
