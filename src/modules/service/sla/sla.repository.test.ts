import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import * as repo from './sla.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const at = new Date('2026-12-08T01:30:00Z');

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('SLA policy queries', () => {
  it('match sla.repository.sql', async () => {
    const { tenant } = await makeTenant(database.db);
    const t = tenant.id;
    const row = {
      tenantId: t,
      id: newId(),
      name: 'Standard',
      calendarId: newId(),
      targets: [{ priority: 'normal', firstResponseMinutes: 60, resolutionMinutes: 480 }],
      isDefault: true,
      createdAt: at,
      updatedAt: at,
    };
    const text = await snapshotRepository(database.pool, repo, [
      ['insertPolicy', (db) => repo.insertPolicy(db, row)],
      ['findPolicy', (db) => repo.findPolicy(db, t, row.id)],
      ['findDefaultPolicy', (db) => repo.findDefaultPolicy(db, t)],
      ['listPolicies', (db) => repo.listPolicies(db, t)],
      ['listPolicyIdsOfCalendar', (db) => repo.listPolicyIdsOfCalendar(db, t, row.calendarId)],
      ['clearDefaultPolicy', (db) => repo.clearDefaultPolicy(db, t, newId())],
      ['updatePolicy', (db) => repo.updatePolicy(db, t, row.id, { name: 'Gold', updatedAt: at })],
    ]);
    await expect(text).toMatchFileSnapshot('./sla.repository.sql');
  });
});
